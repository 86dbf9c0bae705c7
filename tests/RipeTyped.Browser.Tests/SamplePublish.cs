using System.Text.RegularExpressions;
using RipeTyped.Package.Tests;

namespace RipeTyped.Browser.Tests;

/// <summary>
/// Publishes samples/RipeTyped.BlazorSample as a deployment would (Release, trimmed), once per test run, and keeps the trimmer's warnings to check that RipeTyped's code has none.
/// </summary>
internal sealed partial class SamplePublish
{
    private static readonly Lazy<Task<SamplePublish>> Once = new(() => Task.Run(Publish));

    private SamplePublish(string wwwroot, IReadOnlyList<string> warnings)
    {
        WebRoot = wwwroot;
        Warnings = warnings;
    }

    /// <summary>The published static site: index.html, appsettings.json and _framework/.</summary>
    public string WebRoot { get; }

    /// <summary>Every warning the publish printed, trimmer analysis included.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public static Task<SamplePublish> GetAsync() => Once.Value;

    /// <summary>
    /// The warnings that are not Blazor's own: any warning that is not a trimmer (IL) warning, or an IL warning that
    /// names RipeTyped's code (the runtime, Hosting, Blazor integration or the generated facade). Blazor's framework and
    /// its Razor-generated router (the sample's App) have IL warnings of their own on .NET 10, not ours to fix.
    /// </summary>
    public IEnumerable<string> WarningsFromOurCode() => Warnings.Where(IsOurs);

    private static bool IsOurs(string warning)
    {
        var trim = TrimWarning().Match(warning);
        if (!trim.Success)
        {
            return true;
        }

        string location = trim.Groups["location"].Value;
        string message = trim.Groups["message"].Value.Replace("RipeTyped.BlazorSample.App.", "", StringComparison.Ordinal);
        bool inRazorApp = location.EndsWith("App_razor.g.cs", StringComparison.Ordinal) || location.Contains("App_razor.g.cs(", StringComparison.Ordinal);
        return message.Contains("RipeTyped", StringComparison.Ordinal) || (!inRazorApp && location.Contains("RipeTyped", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^(?<location>.*?):? warning (?<code>IL\d{4}): (?<message>.*)$")]
    private static partial Regex TrimWarning();

    private static SamplePublish Publish()
    {
        string root = DotNet.RepositoryRoot();
        string project = Path.Combine(root, "samples", "RipeTyped.BlazorSample", "RipeTyped.BlazorSample.csproj");
        // Built under this test's own bin/ (kept between runs, so a rerun is incremental): other test projects pack
        // src/ in Release at the same time, and two builds must not share src/*/obj/Release.
        string artifacts = Path.Combine(AppContext.BaseDirectory, "blazor-sample-build");

        // Published afresh each run, so no file of an earlier publish is served.
        string output = Path.Combine(artifacts, "site");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        // Trim analysis is on and warnings do not stop the publish, so the test can say which warning is whose.
        var (exit, log) = DotNet.Run(root, new[]
        {
            "publish", project, "-c", "Release", "-o", output, "--artifacts-path", artifacts,
            "-p:SuppressTrimAnalysisWarnings=false", "-p:TrimmerSingleWarn=false", "-p:TreatWarningsAsErrors=false",
        }, timeout: TimeSpan.FromMinutes(10));
        if (exit != 0)
        {
            throw new InvalidOperationException($"dotnet publish {project} failed (exit {exit}):\n{log}");
        }

        var warnings = log.Split('\n')
            .Select(line => Regex.Replace(line.Trim(), @"\s*\[[^\]]*\.csproj[^\]]*\]$", ""))
            .Where(line => line.Contains(" warning ", StringComparison.Ordinal) || line.StartsWith("warning ", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        return new SamplePublish(Path.Combine(output, "wwwroot"), warnings);
    }
}
