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
        foreach (string project in Projects)
        {
            var (exit, output) = DotNet.Run(
                DotNet.RepositoryRoot(),
                new[] { "pack", project, "-c", "Release", "-o", FeedPath, "-p:Version=" + Version });
            if (exit != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed:\n" + output);
            }
        }
    }

    /// <summary>Every package a consumer test installs (AspNetCore depends on Hosting, which depends on RipeTyped).</summary>
    private static readonly string[] Projects = { "src/RipeTyped", "src/RipeTyped.Cli", "src/RipeTyped.Hosting", "src/RipeTyped.AspNetCore" };

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ripetyped-pkg-" + Guid.NewGuid().ToString("N"));

    public string FeedPath => Path.Combine(Root, "feed");

    public string Version { get; }

    public void Dispose()
    {
        TryDelete(Root);

        // The unique version was extracted into the global packages folder; leave nothing behind.
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (string project in Projects)
        {
            TryDelete(Path.Combine(packages, Path.GetFileName(project).ToLowerInvariant(), Version));
        }
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

/// <summary>One packed feed shared by every test class that needs it (packing takes a while).</summary>
[CollectionDefinition(Name)]
public sealed class PackageFeedCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "Package feed";
}
