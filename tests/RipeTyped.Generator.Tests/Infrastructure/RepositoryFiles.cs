using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace RipeTyped.Generator.Tests.Infrastructure;

/// <summary>Finds files of the repository (the sample plan, docs) from the test sources' location.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    private static string FindRoot([CallerFilePath] string callerPath = "")
    {
        var directory = new DirectoryInfo(System.IO.Path.GetDirectoryName(callerPath)!);
        while (directory != null && !File.Exists(System.IO.Path.Combine(directory.FullName, "RipeTyped.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("RipeTyped.sln not found above " + callerPath);
    }
}
