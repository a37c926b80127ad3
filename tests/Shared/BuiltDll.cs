namespace SafeCallLogger.Tests.Shared;

/// <summary>
/// The dll another project of the repository built beside this test assembly's configuration
/// (<c>tests/X/bin/Debug/net10.0</c> → <c>PROJECT/bin/Debug/net10.0/DLL</c>): the test project references it so
/// that it is built first.
/// </summary>
internal static class BuiltDll
{
    /// <param name="project">The project's folder from the repository root, e.g. <c>samples/SampleBot</c>.</param>
    /// <param name="dll">The dll's file name.</param>
    public static string Of(string project, string dll)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var repository = here;
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "SafeCallLogger.sln")))
        {
            repository = repository.Parent;
        }

        Assert.True(repository is not null, "SafeCallLogger.sln not found above " + AppContext.BaseDirectory);
        var path = Path.Combine(repository.FullName, project, "bin", here.Parent!.Name, here.Name, dll);
        Assert.True(File.Exists(path), $"{path} not found: build the test project (it builds {project} first).");
        return path;
    }
}
