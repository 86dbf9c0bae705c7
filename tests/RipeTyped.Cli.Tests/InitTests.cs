using System.IO;
using System.Linq;
using RipeTyped.Cli.Infrastructure;

namespace RipeTyped.Cli.Tests;

public sealed class InitTests
{
    [Fact]
    public void The_starter_plan_loads_without_any_diagnostic()
    {
        using var dir = new TempDirectory();
        string output = dir.File("tracking-plan.yaml");

        var (exit, _, _) = CliRunner.Run("init", "--output", output);

        Assert.Equal(0, exit);
        var loaded = LoadedPlan.FromText(File.ReadAllText(output), output, "App");
        Assert.Empty(loaded.DiagnosticTexts());
        Assert.NotNull(loaded.Spec);
        Assert.Contains(loaded.Spec!.Events, e => e.MethodName == "TrackSignedUp");
    }

    [Fact]
    public void An_existing_file_is_kept_without_force()
    {
        using var dir = new TempDirectory();
        string output = dir.File("tracking-plan.yaml", "mine");

        var (exit, _, error) = CliRunner.Run("init", "--output", output);

        Assert.Equal(3, exit);
        Assert.Contains("already exists", error);
        Assert.Equal("mine", File.ReadAllText(output));
    }

    [Fact]
    public void Init_library_writes_a_project_and_a_plan_that_names_its_namespace()
    {
        using var dir = new TempDirectory();

        var (exit, _, error) = CliRunner.Run("init", "--library", "Shop.Analytics", "--output", dir.Path);

        Assert.Equal(0, exit);
        string project = File.ReadAllText(Path.Combine(dir.Path, "Shop.Analytics", "Shop.Analytics.csproj"));
        Assert.Contains("<PackageReference Include=\"RipeTyped\"", project);
        System.Xml.Linq.XDocument.Parse(project); // MSBuild reads it as XML (a "--" in a comment once broke it)
        string planPath = Path.Combine(dir.Path, "Shop.Analytics", "tracking-plan.yaml");
        var loaded = LoadedPlan.FromText(File.ReadAllText(planPath), planPath, "Whatever");
        Assert.Empty(loaded.DiagnosticTexts());
        Assert.Equal("Shop.Analytics", loaded.Spec!.Namespace); // set in the plan, not taken from the project name
        Assert.Contains("<RipeTypedGenerate>false</RipeTypedGenerate>", error);
        Assert.Contains("../Shop.Analytics/Shop.Analytics.csproj", error);
    }

    [Theory]
    [InlineData("1Shop", 2)]
    [InlineData("Shop..Analytics", 2)]
    [InlineData("Shop-Analytics", 2)]
    public void Init_library_refuses_a_name_that_is_not_a_namespace(string name, int expectedExit)
    {
        using var dir = new TempDirectory();

        var (exit, _, error) = CliRunner.Run("init", "--library", name, "--output", dir.Path);

        Assert.Equal(expectedExit, exit);
        Assert.Contains(name, error);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, name)));
    }

    [Fact]
    public void Init_library_keeps_an_existing_project_without_force()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "Shop"));
        File.WriteAllText(Path.Combine(dir.Path, "Shop", "Shop.csproj"), "mine");

        var (exit, _, error) = CliRunner.Run("init", "--library", "Shop", "--output", dir.Path);

        Assert.Equal(3, exit);
        Assert.Contains("already exists", error);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dir.Path, "Shop", "Shop.csproj")));
    }
}

internal static class LoadedPlanExtensions
{
    public static System.Collections.Generic.IEnumerable<string> DiagnosticTexts(this LoadedPlan plan) =>
        plan.Diagnostics.Select(d => d.ToString());
}
