using System;
using System.IO;

namespace RipeTyped.Generator.Tests.Infrastructure;

/// <summary>Finds files of the repository (the sample plan, docs, snapshots) from the test assembly's location.</summary>
/// <remarks>
/// Walks up from the build output rather than using [CallerFilePath]: CI builds are deterministic
/// (ContinuousIntegrationBuild maps source paths to /_/), so compile-time paths do not exist on disk there.
/// </remarks>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(System.IO.Path.Combine(directory.FullName, "RipeTyped.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("RipeTyped.sln not found above " + AppContext.BaseDirectory);
    }
}
