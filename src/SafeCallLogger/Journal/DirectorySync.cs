using System.Runtime.InteropServices;

namespace SafeCallLogger.Journal;

/// <summary>
/// fsync of a directory, so a rename or a new file survives power loss, not only its contents. .NET has no API for it;
/// on Linux and macOS this opens the directory read-only and fsyncs it. Best effort: where it cannot (Windows, where
/// NTFS journals the metadata, or a file system that refuses), it does nothing and never throws.
/// </summary>
internal static partial class DirectorySync
{
    public static void Flush(string directory)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
        {
            return;
        }

        try
        {
            var fd = NativeMethods.Open(directory, 0);
            if (fd >= 0)
            {
                _ = NativeMethods.Fsync(fd);
                _ = NativeMethods.Close(fd);
            }
        }
#pragma warning disable CA1031 // Best effort by design: a missing libc entry point must not fail a checkpoint that is already renamed.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static partial class NativeMethods
    {
        [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int Open(string path, int flags);

        [LibraryImport("libc", EntryPoint = "fsync")]
        internal static partial int Fsync(int fd);

        [LibraryImport("libc", EntryPoint = "close")]
        internal static partial int Close(int fd);
    }
}
