using System.IO;

namespace RipeTyped.Cli.Tests;

/// <summary>init names the generated code as a build in that folder would, and the plan it writes still loads cleanly.</summary>
public sealed class InitProjectTests
{
    [Fact]
    public void The_starter_plan_takes_the_projects_root_namespace()
    {
        using var dir = new TempDirectory();
        dir.File("Shop.Web.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><RootNamespace>Acme.Shop</RootNamespace></PropertyGroup></Project>");

        var (exit, _, error) = CliRunner.RunProcess(dir.Path, "init");

        Assert.True(exit == 0, error);
        string plan = File.ReadAllText(Path.Combine(dir.Path, "tracking-plan.yaml"));
        Assert.DoesNotContain("MyApp", plan);
        Assert.Contains("# namespace: Acme.Shop.Analytics", plan);
        Assert.Contains("# className: RipeAnalytics", plan);
        Assert.Contains("new RipeAnalytics(", plan);
    }

    [Fact]
    public void Without_a_root_namespace_the_project_file_name_is_taken()
    {
        using var dir = new TempDirectory();
        dir.File("Storefront.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>");
        string output = Path.Combine(dir.Path, "tracking-plan.yaml");

        var (exit, _, error) = CliRunner.Run("init", "--output", output);

        Assert.True(exit == 0, error);
        // Shown, commented out: the plan follows the project, as a build of it would.
        Assert.Contains("# namespace: Storefront.Analytics", File.ReadAllText(output));
        var loaded = RipeTyped.Cli.Infrastructure.LoadedPlan.FromSource(output, RipeTyped.Cli.Infrastructure.Progress.Silent, null);
        Assert.Empty(loaded.DiagnosticTexts());
        Assert.Equal("Storefront.Analytics", loaded.Spec!.Namespace);
        Assert.Equal("RipeAnalytics", loaded.Spec!.ClassName);
    }
}

/// <summary>Counts read as English: one error, two errors; never "error(s)", "a no bump" or "(no)".</summary>
public sealed class GrammarTests
{
    [Fact]
    public void Lint_summary_counts_in_singular_and_plural()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", "version: 1\nevents:\n  - name: Signed Up\n    colour: blue\n  - name: Logged In\n    description: Logged in.\n");

        var (_, _, error) = CliRunner.Run("lint", plan);

        Assert.Contains("tracking-plan.yaml: 1 error, 0 warnings, 1 suggestion.", error);
        Assert.DoesNotContain("(s)", error);
    }

    [Fact]
    public void A_version_going_nowhere_is_not_a_no_bump()
    {
        using var dir = new TempDirectory();
        string before = dir.File("base.yaml", "version: 1\nplanVersion: 1.0.0\nevents:\n  - name: Signed Up\n");
        string after = dir.File("head.yaml", "version: 1\nplanVersion: 1.0.0\nevents:\n  - name: Signed Up\n  - name: Logged In\n");
        string removed = dir.File("removed.yaml", "version: 1\nevents:\n  - name: Signed Up\n");

        var (exit, output, error) = CliRunner.Run("diff", before, after);
        var (_, sameOutput, sameError) = CliRunner.Run("diff", before, before);
        var (_, removedOutput, _) = CliRunner.Run("diff", before, removed);

        Assert.Equal(1, exit);
        Assert.DoesNotContain("a no bump", output + error);
        Assert.Contains("`planVersion` stays at `1.0.0` (head.yaml, line 2), but the changes need a **minor** bump (to 1.1.0): 1 change to what is generated or sent", output);
        Assert.Contains("1 change, 0 breaking.", error);
        Assert.DoesNotContain("(s)", output + error);
        Assert.DoesNotContain("a no bump", sameOutput + sameError);
        Assert.DoesNotContain("(no)", removedOutput);
        Assert.Contains("keep it (the changes need no bump)", removedOutput);
    }

    [Fact]
    public void Diff_counts_read_right()
    {
        using var dir = new TempDirectory();
        string before = dir.File("base.yaml", "version: 1\nevents:\n  - name: Signed Up\n    properties:\n      method: { type: enum, values: [a, b] }\n");
        string after = dir.File("head.yaml", "version: 1\nevents:\n  - name: Signed Up\n    properties:\n      method: { type: enum, values: [a] }\n  - name: Logged In\n");

        var (_, output, error) = CliRunner.Run("diff", before, after);

        Assert.Contains("**1 breaking change**, 1 other change.", output);
        Assert.Contains("enum value removed: `b`", output);
        Assert.Contains("2 changes, 1 breaking.", error);
    }
}
