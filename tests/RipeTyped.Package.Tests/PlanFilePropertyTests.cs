using System.IO;

namespace RipeTyped.Package.Tests;

/// <summary>
/// <c>&lt;RipeTypedPlanFile&gt;</c> written in the project file, as the docs show it: the split plan's other files are the
/// ones next to that plan (RipeTypedPlanParts' default is computed after the project sets the plan file, not before).
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PlanFilePropertyTests
{
    private const string MainPlan = "version: 1\noptions: { namespace: Shop.Analytics, className: ShopAnalytics }\nevents:\n  - name: Signed Up\n    description: A user signed up.\n";
    private const string CheckoutPlan = "version: 1\nevents:\n  - name: Completed Checkout\n    description: A customer paid.\n";

    private readonly PackageFeed _feed;

    public PlanFilePropertyTests(PackageFeed feed) => _feed = feed;

    private string Project(string name, string properties, string program, string items = "")
    {
        string dir = Path.Combine(_feed.Root, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Library</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RestoreAdditionalProjectSources>{_feed.FeedPath}</RestoreAdditionalProjectSources>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                {items}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), program);
        return dir;
    }

    private static void WriteSplitPlan(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "tracking-plan.yaml"), MainPlan);
        File.WriteAllText(Path.Combine(folder, "checkout.tracking-plan.yaml"), CheckoutPlan);
    }

    [Fact]
    public void A_plan_file_named_without_a_folder_brings_the_other_files_of_the_project_folder()
    {
        // "web.yaml": its folder is the project's (an empty GetDirectoryName once made the parts' glob start at /).
        string dir = Project(
            "PlanWithoutFolder",
            "<RipeTypedPlanFile>web.yaml</RipeTypedPlanFile>",
            "namespace Shop { public static class Calls { public static void M(Shop.Analytics.ShopAnalytics a) { a.TrackSignedUp(); a.TrackCompletedCheckout(); } } }\n",
            $"<PackageReference Include=\"RipeTyped\" Version=\"{_feed.Version}\" />");
        File.WriteAllText(Path.Combine(dir, "web.yaml"), MainPlan);
        File.WriteAllText(Path.Combine(dir, "checkout.tracking-plan.yaml"), CheckoutPlan);

        var (exit, output) = DotNet.Run(dir, new[] { "build" });

        Assert.True(exit == 0, output);
    }

    [Fact]
    public void A_plan_file_set_in_the_project_brings_the_other_files_of_its_folder()
    {
        string dir = Project(
            "PlanInFolder",
            "<RipeTypedPlanFile>analytics/tracking-plan.yaml</RipeTypedPlanFile>",
            "namespace Shop { public static class Calls { public static void M(Shop.Analytics.ShopAnalytics a) { a.TrackSignedUp(); a.TrackCompletedCheckout(); } } }\n",
            $"<PackageReference Include=\"RipeTyped\" Version=\"{_feed.Version}\" />");
        WriteSplitPlan(Path.Combine(dir, "analytics"));

        var (exit, output) = DotNet.Run(dir, new[] { "build" });

        Assert.True(exit == 0, output); // was CS1061: no TrackCompletedCheckout (checkout.tracking-plan.yaml not read)
    }

    [Fact]
    public void An_app_of_a_split_plan_library_judges_raw_calls_against_every_file_of_the_plan()
    {
        // The plan-library layout: the app sets RipeTypedPlanFile (to the library's plan) and RipeTypedGenerate=false in its
        // project file. An event of the library's other plan file is in the plan: no RIPE2001 for it.
        string library = Project(
            "SplitLibrary",
            "",
            "namespace Shop { public static class Marker { } }\n",
            $"<PackageReference Include=\"RipeTyped\" Version=\"{_feed.Version}\" />");
        WriteSplitPlan(library);
        string app = Project(
            "SplitApp",
            $"<RipeTypedPlanFile>{Path.Combine(library, "tracking-plan.yaml")}</RipeTypedPlanFile><RipeTypedGenerate>false</RipeTypedGenerate>",
            "namespace App { public static class Calls { public static void M(RipeTyped.RipeClient c) => c.Track(\"Completed Checkout\"); } }\n",
            $"<ProjectReference Include=\"{Path.Combine(library, "SplitLibrary.csproj")}\" />");

        var (exit, output) = DotNet.Run(app, new[] { "build" });

        Assert.True(exit == 0, output); // was a false RIPE2001: "Completed Checkout" is not in tracking-plan.yaml
        Assert.DoesNotContain("RIPE2001", output);
    }
}
