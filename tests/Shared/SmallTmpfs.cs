using System.Diagnostics;

namespace SafeCallLogger.Tests.Shared;

/// <summary>
/// A small real tmpfs mounted for one test (the tests run as root), filled to the last byte on demand, unmounted on
/// dispose: a full disk made for real, for the SQLite file and the journal alike.
/// </summary>
internal sealed class SmallTmpfs : IDisposable
{
    private SmallTmpfs(string mountPoint) => MountPoint = mountPoint;

    public string MountPoint { get; }

    /// <summary>The file <see cref="FillUp"/> writes.</summary>
    public string Filler => Path.Combine(MountPoint, "filler");

    /// <summary>Mounts it, or fails the test saying why.</summary>
    public static SmallTmpfs Mount(string mountPoint, string size = "1m")
    {
        var (code, error) = TryMountCore(mountPoint, size);
        Assert.True(code == 0, $"mount tmpfs on {mountPoint} failed ({code}): {error}");
        return new SmallTmpfs(mountPoint);
    }

    /// <summary>Mounts it, or returns <see langword="null"/> where mounting is not permitted.</summary>
    public static SmallTmpfs? TryMount(string mountPoint, string size = "1m") =>
        TryMountCore(mountPoint, size).Code == 0 ? new SmallTmpfs(mountPoint) : null;

    /// <summary>Takes every byte left with one file, so the next block anyone asks for is refused (ENOSPC).</summary>
    public void FillUp()
    {
        var block = new byte[4096];
        try
        {
            using var file = new FileStream(Filler, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
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

    /// <summary>Gives the space <see cref="FillUp"/> took back.</summary>
    public void FreeUp() => File.Delete(Filler);

    public void Dispose() => Run("umount", "-l", MountPoint);

    private static (int Code, string Error) TryMountCore(string mountPoint, string size)
    {
        Directory.CreateDirectory(mountPoint);
        try
        {
            return Run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mountPoint);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }

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
