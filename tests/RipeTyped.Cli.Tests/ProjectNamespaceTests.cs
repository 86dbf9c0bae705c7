using RipeTyped.Cli.Infrastructure;

namespace RipeTyped.Cli.Tests;

/// <summary>The CLI names C# types in the namespace a build of the project next to the plan would use.</summary>
public class ProjectNamespaceTests
{
    [Theory]
    [InlineData("<RootNamespace>Shop.Web</RootNamespace>", "Shop.Web.Analytics")]
    [InlineData("<RipeTypedNamespace>Shop.Tracking</RipeTypedNamespace><RootNamespace>Shop.Web</RootNamespace>", "Shop.Tracking")]
    // The SDK's RootNamespace defaults to the project's name, not its AssemblyName: so does the generator's input.
    [InlineData("<AssemblyName>Shop.Api</AssemblyName>", "Storefront.Analytics")]
    [InlineData("", "Storefront.Analytics")]
    public void From_the_project_file_next_to_the_plan(string properties, string expected)
    {
        using var dir = new TempDirectory();
        dir.File("Storefront.csproj", $"<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>{properties}</PropertyGroup></Project>");

        Assert.Equal(expected, ProjectNamespace.For(null, dir.File("tracking-plan.yaml", "events: []\n")));
    }

    [Fact]
    public void The_option_wins_and_without_a_project_the_generators_fallback_applies()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", "events: []\n");

        Assert.Equal("My.Events", ProjectNamespace.For("My.Events", plan));
        Assert.Equal("RipeTyped.Generated", ProjectNamespace.For(null, plan));
    }
}
