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
        string tools = InstallTool();

        string plan = Path.Combine(_feed.Root, "tool-plan.tracking-plan.yaml");
        File.WriteAllText(plan, "version: 1\nevents:\n  - name: Signed Up\n    colour: blue\n");
        var (lintExit, lintOutput) = Run(Path.Combine(tools, "ripe-typed"), "lint", plan);

        Assert.Equal(1, lintExit);
        Assert.Contains("tool-plan.tracking-plan.yaml(4,5): error RIPE0002", lintOutput);
    }

    [Fact]
    public void Init_library_writes_the_large_plan_layout_that_an_app_builds_against()
    {
        string tools = InstallTool();
        string root = Path.Combine(_feed.Root, "library-layout");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), $"<Project><PropertyGroup><RestoreAdditionalProjectSources>{_feed.FeedPath}</RestoreAdditionalProjectSources></PropertyGroup></Project>");

        var (initExit, initOutput) = Run(Path.Combine(tools, "ripe-typed"), "init", "--library", "Shop.Analytics", "--output", root);
        Assert.True(initExit == 0, initOutput);
        Assert.Contains($"Version=\"{_feed.Version}\"", File.ReadAllText(Path.Combine(root, "Shop.Analytics", "Shop.Analytics.csproj")));

        // The app as the command's printed lines tell: a reference, the plan file, no generation of its own.
        Assert.Contains("<RipeTypedGenerate>false</RipeTypedGenerate>", initOutput);
        string app = Path.Combine(root, "App");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../Shop.Analytics/Shop.Analytics.csproj" />
              </ItemGroup>
              <PropertyGroup>
                <RipeTypedPlanFile>$(MSBuildProjectDirectory)/../Shop.Analytics/tracking-plan.yaml</RipeTypedPlanFile>
                <RipeTypedGenerate>false</RipeTypedGenerate>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            var client = new RipeTyped.RipeClient(new RipeTyped.RipeClientOptions { DryRun = true });
            var analytics = new Shop.Analytics.RipeAnalytics(client);
            analytics.TrackClickedUpgradeButton(new() { SourcePage = "/pricing" });
            client.Track("Order Complete");
            """);

        var (buildExit, buildOutput) = DotNet.Run(app, new[] { "build" });

        Assert.True(buildExit == 0, buildOutput);          // the library (netstandard2.0) compiles the plan's code; the app uses it
        Assert.Contains("warning RIPE2001", buildOutput);  // and the app's raw call is still judged against the plan
        Assert.DoesNotContain("RipeAnalytics.g.cs", string.Join("\n", Directory.GetFiles(Path.Combine(app, "obj"), "*.cs", SearchOption.AllDirectories)));
    }

    private string InstallTool()
    {
        string tools = Path.Combine(_feed.Root, "tools");
        if (!File.Exists(Path.Combine(tools, "ripe-typed")))
        {
            var (installExit, installOutput) = DotNet.Run(_feed.Root, new[]
            {
                "tool", "install", "RipeTyped.Cli", "--tool-path", tools, "--version", _feed.Version, "--add-source", _feed.FeedPath,
            });
            Assert.True(installExit == 0, installOutput);
        }

        return tools;
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
