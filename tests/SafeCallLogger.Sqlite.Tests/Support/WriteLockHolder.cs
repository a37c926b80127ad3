using System.Diagnostics;

namespace SafeCallLogger.Sqlite.Tests.Support;

/// <summary>
/// Another process holding the database's write lock (<c>BEGIN IMMEDIATE</c> in python3's sqlite3): for a fixed time,
/// or until <see cref="ReleaseAsync"/>. Killed on <see cref="Dispose"/> if still running, so a failed test never
/// leaves it behind.
/// </summary>
internal sealed class WriteLockHolder : IDisposable
{
    private readonly Process _process;

    private WriteLockHolder(Process process) => _process = process;

    /// <summary>Starts the holder and returns once the lock is held. <paramref name="duration"/> zero holds it until released.</summary>
    public static async Task<WriteLockHolder> HoldAsync(string databasePath, TimeSpan duration = default)
    {
        var seconds = duration.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var holder = new WriteLockHolder(Python3.Start("hold_write_lock.py", [databasePath, seconds]));
        var first = await holder._process.StandardOutput.ReadLineAsync().WaitAsync(TestWait.Guard);
        if (first != "locked")
        {
            var error = await holder._process.StandardError.ReadToEndAsync();
            holder.Dispose();
            Assert.Fail($"the lock holder did not take the lock: '{first}' {error}");
        }

        return holder;
    }

    /// <summary>Waits until the holder has rolled back and exited: released by itself after its duration, or now.</summary>
    public async Task ReleaseAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync().WaitAsync(TestWait.Guard);
        if (_process.ExitCode != 0)
        {
            Assert.Fail("the lock holder failed: " + await _process.StandardError.ReadToEndAsync());
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
