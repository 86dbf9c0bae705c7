using System;
using System.IO;

namespace RipeTyped.Package.Tests;

/// <summary>Packs RipeTyped once, under a version no cache has seen, into a temporary local feed.</summary>
public sealed class PackageFeed : IDisposable
{
    public PackageFeed()
    {
        Version = "0.0.0-pkgtest." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
        Directory.CreateDirectory(FeedPath);
        var (exit, output) = DotNet.Run(
            DotNet.RepositoryRoot(),
            new[] { "pack", "src/RipeTyped", "-c", "Release", "-o", FeedPath, "-p:Version=" + Version });
        if (exit != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + output);
        }
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ripetyped-pkg-" + Guid.NewGuid().ToString("N"));

    public string FeedPath => Path.Combine(Root, "feed");

    public string Version { get; }

    public void Dispose()
    {
        TryDelete(Root);

        // The unique version was extracted into the global packages folder; leave nothing behind.
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        TryDelete(Path.Combine(packages, "ripetyped", Version));
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
