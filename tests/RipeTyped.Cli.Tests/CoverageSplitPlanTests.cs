using System.IO;

namespace RipeTyped.Cli.Tests;

/// <summary>Coverage of a split plan names the part file that declares each gap; only our coverage files count; the summary is output.</summary>
public sealed class CoverageSplitPlanTests
{
    private const string Main = """
        version: 1
        events:
          - name: Signed Up
        """;

    private const string Billing = """
        owner: billing
        events:
          - name: Paid Invoice
          - name: Redeemed Coupon
        """;

    private const string Covered = """{ "format": "ripe-typed-coverage", "version": 1, "events": ["Signed Up", "Paid Invoice"], "pages": [], "identify": false, "group": false }""";

    [Fact]
    public void A_gap_in_a_part_file_is_named_by_that_file_and_its_line()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Main);
        dir.File("billing.tracking-plan.yaml", Billing);
        string coverage = dir.File("ripe-coverage-1.json", Covered);

        var (_, text, _) = CliRunner.Run("coverage", coverage, "--plan", plan);
        var (_, github, _) = CliRunner.Run("coverage", coverage, "--plan", plan, "--format", "github");
        var (_, markdown, _) = CliRunner.Run("coverage", coverage, "--plan", plan, "--format", "markdown");

        Assert.Contains("billing.tracking-plan.yaml(4,11): event 'Redeemed Coupon' is never exercised by the tests", text);
        Assert.DoesNotContain("more file", text);
        Assert.Contains("::warning file=billing.tracking-plan.yaml,line=4,", github);
        Assert.Contains("(billing.tracking-plan.yaml, line 4)", markdown);
    }

    [Fact]
    public void Other_json_files_in_the_folder_are_not_coverage()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Main);
        Directory.CreateDirectory(Path.Combine(dir.Path, "out"));
        dir.File("out/ripe-coverage-7.json", """{ "version": 1, "events": ["Signed Up"], "pages": [], "identify": false, "group": false }""");
        dir.File("out/appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } } }""");
        dir.File("out/coverage.cobertura.json", "[1, 2, 3]");

        var (exit, output, error) = CliRunner.Run("coverage", Path.Combine(dir.Path, "out"), "--plan", plan, "--min", "100");

        Assert.True(exit == 0, output + error);
        Assert.DoesNotContain("not a RipeTyped coverage file", error);
    }

    [Fact]
    public void A_folder_with_no_coverage_file_of_ours_is_an_input_error()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Main);
        Directory.CreateDirectory(Path.Combine(dir.Path, "out"));
        dir.File("out/appsettings.json", "{}");

        var (exit, _, error) = CliRunner.Run("coverage", Path.Combine(dir.Path, "out"), "--plan", plan);

        Assert.Equal(3, exit);
        Assert.Contains("No coverage file", error);
    }

    [Fact]
    public void The_summary_is_on_standard_output()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Main);
        string coverage = dir.File("ripe-coverage-1.json", Covered);

        var (exit, output, error) = CliRunner.Run("coverage", coverage, "--plan", plan);

        Assert.True(exit == 0, error);
        Assert.Contains("1 of 1 event and page exercised (100%); identify not in the plan, group not in the plan.", output);
        Assert.DoesNotContain("exercised (", error);
    }

    [Fact]
    public void The_recorder_writes_the_format_marker_the_command_requires()
    {
        string json = RipeTyped.Testing.RipeCoverage.ToJson();

        Assert.Contains("\"format\": \"ripe-typed-coverage\"", json);
    }
}
