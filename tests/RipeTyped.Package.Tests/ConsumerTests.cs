using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RipeTyped.Testing;

namespace RipeTyped.Package.Tests;

/// <summary>
/// Fresh projects in a temporary folder that reference only the RipeTyped package and hold a tracking-plan.yaml:
/// one builds warning-free and delivers real HTTP; one with a broken plan fails with RIPE errors on the YAML line.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class ConsumerTests
{
    private const string Plan = """
        version: 1
        options:
          className: ShopAnalytics
        events:
          - name: Completed Order
            description: A customer paid.
            properties:
              order_id: { type: string, required: true }
              total: { type: number, minimum: 0, required: true }
          - name: Signed Up
        """;

    private const string Program = """
        using System;
        using RipeTyped;
        using Consumer.Tracking;

        var endpoint = new Uri(Environment.GetEnvironmentVariable("RIPE_ENDPOINT")!);
        await using var client = new RipeClient(new RipeClientOptions { ApiKey = "package-key", Endpoint = endpoint, AnonymousId = "pkg" });
        var analytics = new ShopAnalytics(client);
        analytics.TrackCompletedOrder(new() { OrderId = "o-1", Total = 12.5 });
        analytics.TrackSignedUp();
        await analytics.FlushAsync();
        Console.WriteLine($"delivered {client.Statistics.Delivered}");
        return client.Statistics.Failed == 0 ? 0 : 1;
        """;

    private readonly PackageFeed _feed;

    public ConsumerTests(PackageFeed feed) => _feed = feed;

    private string CreateConsumer(string name, string plan, string program, string planFile = "tracking-plan.yaml", string extraProperties = "")
    {
        string dir = Path.Combine(_feed.Root, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!-- An MSBuild property the package exposes: the namespace when the plan sets none. -->
                <RipeTypedNamespace>Consumer.Tracking</RipeTypedNamespace>
                <RestoreAdditionalProjectSources>{_feed.FeedPath}</RestoreAdditionalProjectSources>
                {(planFile == "tracking-plan.yaml" ? "" : $"<RipeTypedPlanFile>{planFile}</RipeTypedPlanFile>")}
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="RipeTyped" Version="{_feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        string planPath = Path.Combine(dir, planFile);
        Directory.CreateDirectory(Path.GetDirectoryName(planPath)!);
        File.WriteAllText(planPath, plan);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), program);
        return dir;
    }

    [Fact]
    public async Task A_project_with_only_the_package_and_a_plan_builds_and_delivers()
    {
        await using var server = RipeTestServer.Start("package-key");
        string dir = CreateConsumer("Shop", Plan, Program);

        var (exit, output) = DotNet.Run(dir, new[] { "run" }, new Dictionary<string, string> { ["RIPE_ENDPOINT"] = server.Endpoint.ToString() });

        Assert.True(exit == 0, output);
        Assert.Contains("delivered 2", output);
        var received = server.Requests.Select(r => r.Json.GetProperty("event").GetString()).OrderBy(e => e).ToList();
        Assert.Equal(new[] { "Completed Order", "Signed Up" }, received);
        var order = server.Requests.Single(r => r.Json.GetProperty("event").GetString() == "Completed Order").Json.GetProperty("properties");
        Assert.Equal("o-1", order.GetProperty("order_id").GetString());
        Assert.Equal(12.5, order.GetProperty("total").GetDouble());
    }

    [Fact]
    public void A_broken_plan_fails_the_build_with_RIPE_errors_on_the_yaml_line()
    {
        // Also the RipeTypedPlanFile property: a plan under another name, in a subfolder.
        string broken = Plan.Replace("      total: { type: number, minimum: 0, required: true }", "      total: { type: numbr, required: true }");
        string dir = CreateConsumer("Broken", broken, "System.Console.WriteLine();", planFile: "analytics/shop.yaml");

        var (exit, output) = DotNet.Run(dir, new[] { "build" });

        Assert.NotEqual(0, exit);
        string plan = Path.Combine(dir, "analytics", "shop.yaml");
        Assert.Contains($"{plan}(9,22): error RIPE0004", output);
        Assert.DoesNotContain("CS8785", output); // the generator itself loaded (YamlDotNet is in the package)
    }

    [Fact]
    public void A_split_plan_is_picked_up_by_convention_and_a_source_gets_only_its_events()
    {
        // tracking-plan.yaml + billing.tracking-plan.yaml next to it (no item written by hand), RipeTypedSource=web.
        const string Main = "version: 1\nsources: [web, billing-api]\noptions: { className: ShopAnalytics }\nevents:\n  - name: Signed Up\n    description: A user signed up.\n";
        const string Billing = "version: 1\nevents:\n  - name: Paid Invoice\n    description: An invoice was paid.\n    sources: [billing-api]\n";
        const string Calls = "Consumer.Tracking.ShopAnalytics a = null!;\na.TrackSignedUp();\n";
        string dir = CreateConsumer("Web", Main, Calls + "a.TrackPaidInvoice();\n", extraProperties: "<RipeTypedSource>web</RipeTypedSource>");
        File.WriteAllText(Path.Combine(dir, "billing.tracking-plan.yaml"), Billing);

        var (exit, output) = DotNet.Run(dir, new[] { "build" });

        Assert.NotEqual(0, exit);
        Assert.Contains("error RIPE2005: The event 'Paid Invoice' is implemented by billing-api; this project is the source 'web'", output);
        Assert.DoesNotContain("TrackSignedUp", output.Split('\n').Where(l => l.Contains("error", StringComparison.Ordinal)).FirstOrDefault() ?? "");

        File.WriteAllText(Path.Combine(dir, "Program.cs"), Calls);
        var (fixedExit, fixedOutput) = DotNet.Run(dir, new[] { "build" });
        Assert.True(fixedExit == 0, fixedOutput);
    }

    [Fact]
    public void An_app_of_a_plan_library_uses_its_types_and_still_checks_raw_calls_against_the_plan()
    {
        // The large-plan layout (docs/tracking-plan.md): the library holds the plan and generates; the app references only
        // the library, points at the plan and sets RipeTypedGenerate=false. RipeTyped's analyzers and props reach the
        // app through the library's package reference.
        const string LibraryPlan = "version: 1\noptions: { namespace: Shop.Analytics, className: ShopAnalytics }\nevents:\n  - name: Completed Order\n    description: A customer paid.\n    properties:\n      order_id: { type: string, required: true }\n";
        string library = CreateConsumer("ShopLibrary", LibraryPlan, "namespace Shop { public static class Marker { } }\n", extraProperties: "<OutputType>Library</OutputType>");
        string app = Path.Combine(_feed.Root, "ShopApp");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "ShopApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RestoreAdditionalProjectSources>{_feed.FeedPath}</RestoreAdditionalProjectSources>
                <RipeTypedPlanFile>{Path.Combine(library, "tracking-plan.yaml")}</RipeTypedPlanFile>
                <RipeTypedGenerate>false</RipeTypedGenerate>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Path.Combine(library, "ShopLibrary.csproj")}" />
              </ItemGroup>
            </Project>
            """);
        const string Typed = "Shop.Analytics.ShopAnalytics a = null!;\na.TrackCompletedOrder(new() { OrderId = \"o-1\" });\n";
        File.WriteAllText(Path.Combine(app, "Program.cs"), Typed + "RipeTyped.RipeClient c = null!;\nc.Track(\"Completed Ordr\");\n");

        var (exit, output) = DotNet.Run(app, new[] { "build" });

        Assert.NotEqual(0, exit);
        Assert.Contains("RIPE2001", output);
        Assert.DoesNotContain("CS0436", output); // no second copy of the plan's types in the app

        File.WriteAllText(Path.Combine(app, "Program.cs"), Typed);
        var (fixedExit, fixedOutput) = DotNet.Run(app, new[] { "build" });
        Assert.True(fixedExit == 0, fixedOutput);
        Assert.Empty(Directory.GetFiles(Path.Combine(app, "obj"), "*.g.cs", SearchOption.AllDirectories));
    }
}
