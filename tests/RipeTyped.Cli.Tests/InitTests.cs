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
}

internal static class LoadedPlanExtensions
{
    public static System.Collections.Generic.IEnumerable<string> DiagnosticTexts(this LoadedPlan plan) =>
        plan.Diagnostics.Select(d => d.ToString());
}
