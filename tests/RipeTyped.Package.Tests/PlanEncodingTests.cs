using System.IO;

namespace RipeTyped.Package.Tests;

/// <summary>
/// A plan saved as Latin-1 reaches the generator through the real compiler (which decodes it itself, replacing bytes that
/// are not UTF-8): the build fails with RIPE0021 on the line of the bad byte instead of sending "Caf\uFFFD Visited".
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PlanEncodingTests
{
    private readonly PackageFeed _feed;

    public PlanEncodingTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public void A_plan_that_is_not_utf8_fails_the_build_at_the_bad_byte()
    {
        string dir = Path.Combine(_feed.Root, "Latin1");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "Latin1.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Library</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <RestoreAdditionalProjectSources>{_feed.FeedPath}</RestoreAdditionalProjectSources>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="RipeTyped" Version="{_feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), "namespace Latin1 { public static class Marker { } }\n");
        string plan = Path.Combine(dir, "tracking-plan.yaml");
        File.WriteAllBytes(plan, System.Text.Encoding.Latin1.GetBytes("version: 1\nevents:\n  - name: Café Visited\n    description: A café page was seen.\n"));

        var (exit, output) = DotNet.Run(dir, new[] { "build" });

        Assert.NotEqual(0, exit);
        Assert.Contains($"{plan}(3,14): error RIPE0021: This tracking plan file is not valid UTF-8", output);
        Assert.DoesNotContain("RIPE1002", output); // the mangled name is not judged: nothing in the file is read
    }
}
