using SafeCallLogger.Diagnostics;

namespace SafeCallLogger.Benchmarks.Infrastructure;

/// <summary>Makes sure a benchmark measured the enqueue and not an early return (queue full, disabled, rejected).</summary>
public static class Checks
{
    public static void AllAccepted(CallLogger logger, string what)
    {
        var h = logger.GetHealth();
        if (h.Rejected != 0 || h.DroppedQueueFull != 0 || h.DroppedDisabled != 0 || h.DroppedStopped != 0)
        {
            throw new InvalidOperationException(
                $"{what}: not every call was accepted (rejected {h.Rejected}, queue full {h.DroppedQueueFull}, disabled {h.DroppedDisabled}, stopped {h.DroppedStopped}); the numbers would not measure the enqueue.");
        }

        Console.WriteLine($"// CHECK {what}: accepted {h.Accepted}, written {h.Written}, overwritten {h.DroppedOverwritten}, queue depth {h.QueueDepth}, state {h.State}");
    }

    public static void True(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{what}: failed; the numbers would not measure what they say.");
        }
    }

    public static void Status(LogResult result, LogStatus expected, string what)
    {
        if (result.Status != expected)
        {
            throw new InvalidOperationException($"{what}: expected {expected}, got {result}.");
        }
    }
}
