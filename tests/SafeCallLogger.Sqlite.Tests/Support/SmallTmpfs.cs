using System.Diagnostics;

namespace SafeCallLogger.Sqlite.Tests.Support;

/// <summary>A small tmpfs mounted for one test (as root, like SqliteDiskFaultTests), filled to the last byte on demand, unmounted on dispose.</summary>
internal sealed class SmallTmpfs : IDisposable
{
    public SmallTmpfs(string mountPoint, string size = "1m")
    {
        MountPoint = mountPoint;
        Directory.CreateDirectory(mountPoint);
        var (code, error) = Run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mountPoint);
        Assert.True(code == 0, $"mount tmpfs on {mountPoint} failed ({code}): {error}");
    }

    public string MountPoint { get; }

    /// <summary>Takes every byte left with one file, so the next block anyone asks for is refused (ENOSPC).</summary>
    public void FillUp()
    {
        var block = new byte[4096];
        try
        {
            using var file = new FileStream(Path.Combine(MountPoint, "filler"), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
            while (true)
            {
                file.Write(block);
            }
        }
        catch (IOException)
        {
            // No space left: that is the point.
        }
    }

    public void Dispose() => Run("umount", "-l", MountPoint);

    private static (int Code, string Error) Run(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }
}
