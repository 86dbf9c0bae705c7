using System.IO;

namespace RipeTyped.Cli.Tests;

/// <summary>
/// One plan, one verdict, configuration included: lint reads the .globalconfig files a build of the plan's project applies
/// (and --config), and the project's source (--project, --source), so CI fails on exactly what the build fails on.
/// </summary>
public sealed class LintConfigurationTests
{
    // RIPE1001 (warning) on line 3; RIPE1007 (info: no description) on line 6.
    private const string Plan = """
        version: 1
        events:
          - name: Clicked Button
            description: A button was clicked.
            properties: { button: { type: string, required: true } }
          - name: Signed Up
        """;

    private const string WithSources = """
        version: 1
        sources: [web, server]
        events:
          - name: Signed Up
            description: An account was created.
        """;

    [Fact]
    public void A_rule_turned_off_in_the_plans_globalconfig_is_not_reported()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Plan);
        dir.File(".globalconfig", "is_global = true\ndotnet_diagnostic.RIPE1001.severity = none\n");

        var (exit, output, error) = CliRunner.Run("lint", plan, "--warnings-as-errors");

        Assert.True(exit == 0, output + error);
        Assert.DoesNotContain("RIPE1001", output);
        Assert.Contains("info RIPE1007", output);
    }

    [Fact]
    public void A_key_two_globalconfigs_of_one_level_both_set_is_unset_as_the_compiler_does()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "app"));
        string plan = dir.File("app/tracking-plan.yaml", Plan);
        dir.File(".globalconfig", "dotnet_diagnostic.RIPE1001.severity = error\n");
        dir.File("app/.globalconfig", "dotnet_diagnostic.RIPE1001.severity = error\n");

        var (exit, output, error) = CliRunner.Run("lint", plan);

        Assert.True(exit == 0, output + error);
        Assert.Contains("warning RIPE1001", output);
        Assert.Contains("the build unsets it", error);
    }

    [Fact]
    public void Severity_default_keeps_the_rules_own_severity_whatever_the_bulk_setting()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Plan);
        dir.File(".globalconfig", "dotnet_analyzer_diagnostic.severity = error\ndotnet_diagnostic.RIPE1001.severity = default\ndotnet_diagnostic.RIPE1007.severity : none\n");

        var (exit, output, error) = CliRunner.Run("lint", plan);

        Assert.True(exit == 0, output + error);
        Assert.Contains("warning RIPE1001", output);
        Assert.DoesNotContain("RIPE1007", output); // 'key : value' is editorconfig syntax too
    }

    [Fact]
    public void A_config_file_that_is_not_global_is_ignored_as_the_compiler_ignores_it()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Plan);
        string config = dir.File("ci.editorconfig", "dotnet_diagnostic.RIPE1001.severity = error\n");

        var (exit, output, error) = CliRunner.Run("lint", plan, "--config", config);

        Assert.True(exit == 0, output + error);
        Assert.Contains("warning RIPE1001", output);
        Assert.Contains("not a global config", error);
    }

    [Fact]
    public void A_rule_raised_to_error_in_a_parent_folders_globalconfig_fails()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "src", "App"));
        string plan = dir.File("src/App/tracking-plan.yaml", Plan);
        dir.File(".globalconfig", "# repository-wide\ndotnet_diagnostic.RIPE1007.severity = error\ndotnet_diagnostic.RIPE1001.severity = suggestion\n");

        var (exit, output, _) = CliRunner.Run("lint", plan);

        Assert.Equal(1, exit);
        Assert.Contains("(6,11): error RIPE1007", output);
        Assert.Contains("(3,11): info RIPE1001", output);
    }

    [Fact]
    public void Silent_hides_and_bulk_severity_applies_to_the_rest()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Plan);
        dir.File(".globalconfig", "dotnet_analyzer_diagnostic.severity = error\ndotnet_diagnostic.RIPE1007.severity = silent\n");

        var (exit, output, error) = CliRunner.Run("lint", plan, "--format", "github");

        Assert.Equal(1, exit);
        Assert.Contains("::error file=", output);
        Assert.Contains("RIPE1001", output);
        Assert.DoesNotContain("RIPE1007", output);
        Assert.Contains("1 error", error);
    }

    [Fact]
    public void An_explicit_config_file_is_applied_too()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Plan);
        string config = dir.File("ci.globalconfig", "is_global = true\nglobal_level = 200\ndotnet_diagnostic.RIPE1001.severity = none\ndotnet_diagnostic.RIPE1007.severity = none\n");

        var (exit, output, error) = CliRunner.Run("lint", plan, "--warnings-as-errors", "--config", config);

        Assert.True(exit == 0, output + error);
        Assert.Equal("", output);
    }

    [Fact]
    public void A_source_the_plan_does_not_declare_is_RIPE0020()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", WithSources);

        var (exit, output, _) = CliRunner.Run("lint", plan, "--source", "mobile");
        var (okExit, okOutput, _) = CliRunner.Run("lint", plan, "--source", "web");

        Assert.Equal(1, exit);
        Assert.Contains("error RIPE0020: This project's RipeTypedSource is 'mobile'", output);
        Assert.Equal(0, okExit);
        Assert.DoesNotContain("RIPE0020", okOutput);
    }

    [Fact]
    public void The_project_gives_the_source()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", WithSources);
        string project = dir.File("Shop.Mobile.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><RipeTypedSource>mobile</RipeTypedSource></PropertyGroup></Project>");

        var (exit, output, _) = CliRunner.Run("lint", plan, "--project", project);

        Assert.Equal(1, exit);
        Assert.Contains("RIPE0020", output);
    }
}
