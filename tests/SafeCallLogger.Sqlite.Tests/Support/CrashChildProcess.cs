using System.Collections.Concurrent;
using System.Diagnostics;

namespace SafeCallLogger.Sqlite.Tests.Support;

/// <summary>
/// A run of tests/SafeCallLogger.CrashChild (<c>dotnet SafeCallLogger.CrashChild.dll args…</c>): every stdout line it
/// wrote is read, a killed child's included (they are still in the pipe). Killed on <see cref="Dispose"/> if it still
/// runs, so a failed test never leaves it behind.
/// </summary>
internal sealed class CrashChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _accepted = new();
    private readonly ConcurrentQueue<string> _refused = new();
    private readonly Task _stdout;
    private readonly Task<string> _stderr;
    private int _lines;

    private CrashChildProcess(Process process)
    {
        _process = process;
        _stdout = Task.Run(ReadStdoutAsync);
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Ids of the calls the child reported <c>Accepted</c>.</summary>
    public IReadOnlyCollection<string> Accepted => _accepted;

    /// <summary><c>id status</c> of every call the child reported refused.</summary>
    public IReadOnlyCollection<string> Refused => _refused;

    /// <summary>Calls reported so far, accepted or not.</summary>
    public int Calls => Volatile.Read(ref _lines);

    /// <summary>The <c>DONE health</c> line of a child that ended normally, or <see langword="null"/>.</summary>
    public string? Done { get; private set; }

    public bool HasExited => _process.HasExited;

    /// <summary>The child's dll: beside the test assembly, or in its own project's output for the same configuration.</summary>
    public static string Dll
    {
        get
        {
            const string Name = "SafeCallLogger.CrashChild.dll";
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var beside = Path.Combine(here.FullName, Name);
            var project = Path.Combine(here.FullName, "..", "..", "..", "..", "SafeCallLogger.CrashChild", "bin", here.Parent!.Name, here.Name, Name);
            var found = new[] { beside, Path.GetFullPath(project) }.FirstOrDefault(File.Exists);
            Assert.True(found is not null, $"SafeCallLogger.CrashChild.dll not found beside the tests nor at {Path.GetFullPath(project)}: build the test project (it builds the child first).");
            return found;
        }
    }

    public static CrashChildProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new CrashChildProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Waits until the child has reported <paramref name="calls"/> calls; fails the test if it exits first.</summary>
    public async Task WaitForCallsAsync(int calls)
    {
        await TestWait.Until(() => Calls >= calls || _stdout.IsCompleted, $"the child to report {calls} calls");
        if (Calls < calls)
        {
            // The message only then: stderr ends when the child does.
            Assert.Fail($"the child ended after {Calls} of {calls} calls: {await StandardErrorAsync()}");
        }
    }

    /// <summary>SIGKILL (what <see cref="Process.Kill()"/> sends on Linux), then every line left in the pipe is read.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync().WaitAsync(TestWait.Guard);
        await _stdout.WaitAsync(TestWait.Guard);
    }

    /// <summary>Closes stdin (a <c>--hold</c> child then disposes its logger) and waits for a normal end.</summary>
    public async Task EndAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync().WaitAsync(TestWait.Guard);
        await _stdout.WaitAsync(TestWait.Guard);
        if (_process.ExitCode != 0 || Done is null)
        {
            Assert.Fail($"the child failed ({_process.ExitCode}): {await StandardErrorAsync()}");
        }
    }

    public Task<string> StandardErrorAsync() => _stderr.WaitAsync(TestWait.Guard);

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

    private async Task ReadStdoutAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("A ", StringComparison.Ordinal))
            {
                _accepted.Enqueue(line[2..]);
                Interlocked.Increment(ref _lines);
            }
            else if (line.StartsWith("R ", StringComparison.Ordinal))
            {
                _refused.Enqueue(line[2..]);
                Interlocked.Increment(ref _lines);
            }
            else if (line.StartsWith("DONE", StringComparison.Ordinal))
            {
                Done = line;
            }
        }
    }
}
