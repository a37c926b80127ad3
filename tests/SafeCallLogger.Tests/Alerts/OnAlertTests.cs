using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests.Alerts;

public sealed class OnAlertTests
{
    private static Task<int> SendMessage(TaskCompletionSource<CallLoggerAlert> sent, CallLoggerAlert alert)
    {
        // Stands for Telegram.Bot 22's SendMessage, which returns Task<Message>.
        sent.TrySetResult(alert);
        return Task.FromResult(42);
    }

    private static TaskCompletionSource<CallLoggerAlert> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task OnAlert_EveryLambdaForm_BindsWithoutAmbiguityAndHearsTheAlert()
    {
        var taskOfT = NewSignal();
        var asyncLambda = NewSignal();
        var plainTask = NewSignal();
        var valueTask = NewSignal();
        var options = new CallLoggerOptions { QueueCapacity = 10, MaxBatchSize = 1 };

        // Each of these lines is the point of the test: without the Task form the first and third did not compile, and
        // with a Task instance overload the second and last were ambiguous (CS0121) under C# 12, net8.0's default.
        options.OnAlert((alert, ct) => SendMessage(taskOfT, alert));
        options.OnAlert(async (alert, ct) => await SendMessage(asyncLambda, alert).WaitAsync(ct));
        options.OnAlert((alert, _) =>
        {
            plainTask.TrySetResult(alert);
            return Task.CompletedTask;
        });
        options.OnAlert((alert, _) =>
        {
            valueTask.TrySetResult(alert);
            return ValueTask.CompletedTask;
        });
        options.OnAlert((_, _) => throw new InvalidOperationException("a throwing lambda binds too"));

        var sink = new HangingSink(honourToken: true);
        await using var logger = new CallLogger(sink, options);
        logger.LogCallSafe(Calls.Arbitrage(0));
        await sink.Entered.WaitAsync(TestWait.Guard);
        for (var i = 1; i <= 8; i++)
        {
            logger.LogCallSafe(Calls.Arbitrage(i));
        }

        var heard = await Task.WhenAll(taskOfT.Task, asyncLambda.Task, plainTask.Task, valueTask.Task).WaitAsync(TestWait.Guard);

        Assert.Equal(5, options.AlertHandlers.Count);
        Assert.All(heard, alert => Assert.Equal(CallLoggerAlertKind.QueueNearlyFull, alert.Kind));
        sink.Release();
    }

    [Fact]
    public void OnAlert_NullTaskCallback_Throws()
    {
        var options = new CallLoggerOptions();

        Assert.Throws<ArgumentNullException>(() => CallLoggerOptionsAlertExtensions.OnAlert(options, null!));
    }
}
