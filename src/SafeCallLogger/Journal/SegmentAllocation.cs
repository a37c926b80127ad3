using System.Runtime.InteropServices;

namespace SafeCallLogger.Journal;

/// <summary>
/// Gives a new segment file every block it will ever use before it is mapped. A store into a mapped page the file
/// system cannot back (disk full) is not an error return but SIGBUS, which kills a .NET process; allocating up front
/// turns "disk full" into an <see cref="IOException"/> at segment creation, where the store can refuse cleanly.
/// On 64-bit Linux this is <c>posix_fallocate</c> (glibc writes the blocks itself where the file system has no
/// fallocate). Not <see cref="FileStreamOptions.PreallocationSize"/>: on Linux it uses
/// <c>FALLOC_FL_KEEP_SIZE</c> and silently skips a file system that does not support it. Elsewhere the file is
/// written with zeros, which allocates on every ordinary file system.
/// </summary>
internal static partial class SegmentAllocation
{
    private const int NoSpace = 28; // ENOSPC on Linux

    /// <exception cref="IOException">The blocks could not be allocated (disk full, I/O error).</exception>
    public static void Allocate(FileStream file, long length)
    {
        if (OperatingSystem.IsLinux() && Environment.Is64BitProcess)
        {
            var fd = (int)file.SafeFileHandle.DangerousGetHandle();
            var error = NativeMethods.PosixFallocate(fd, 0, length);
            GC.KeepAlive(file);
            if (error != 0)
            {
                var why = error == NoSpace ? "no space left on device" : "error " + error.ToString(System.Globalization.CultureInfo.InvariantCulture);
                throw new IOException($"Preallocating {length:N0} bytes for the journal segment '{file.Name}' failed: {why}.", error);
            }

            return;
        }

        var zeros = new byte[64 * 1024];
        for (long written = 0; written < length; written += zeros.Length)
        {
            file.Write(zeros, 0, (int)Math.Min(zeros.Length, length - written));
        }

        file.Flush();
    }

    private static partial class NativeMethods
    {
        // Returns the error number itself (it does not set errno); off_t is 64-bit in a 64-bit process.
        [LibraryImport("libc", EntryPoint = "posix_fallocate")]
        internal static partial int PosixFallocate(int fd, long offset, long length);
    }
}
