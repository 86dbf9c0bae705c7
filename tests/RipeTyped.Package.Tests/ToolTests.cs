using System.Collections.Generic;
using System.IO;

namespace RipeTyped.Package.Tests;

/// <summary>The ripe-typed CLI installs from its package as a dotnet tool and runs.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class ToolTests
{
    private readonly PackageFeed _feed;

    public ToolTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public void The_tool_installs_from_the_package_and_lints_a_plan()
    {
        string tools = Path.Combine(_feed.Root, "tools");
        var (installExit, installOutput) = DotNet.Run(_feed.Root, new[]
        {
            "tool", "install", "RipeTyped.Cli", "--tool-path", tools, "--version", _feed.Version, "--add-source", _feed.FeedPath,
        });
        Assert.True(installExit == 0, installOutput);

        string plan = Path.Combine(_feed.Root, "tool-plan.tracking-plan.yaml");
        File.WriteAllText(plan, "version: 1\nevents:\n  - name: Signed Up\n    colour: blue\n");
        var (lintExit, lintOutput) = Run(Path.Combine(tools, "ripe-typed"), "lint", plan);

        Assert.Equal(1, lintExit);
        Assert.Contains("tool-plan.tracking-plan.yaml(4,5): error RIPE0002", lintOutput);
    }

    private static (int ExitCode, string Output) Run(string executable, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
