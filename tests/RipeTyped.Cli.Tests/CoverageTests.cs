using System.IO;

namespace RipeTyped.Cli.Tests;

public sealed class CoverageTests
{
    private const string Plan = """
        version: 1
        identify:
          traits: { email: string }
        events:
          - name: Signed Up
          - name: Logged In
          - name: Exported Report
        pages:
          - name: Pricing
        """;

    [Fact]
    public void Coverage_files_merge_and_the_gaps_are_listed_with_their_plan_line()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Plan);
        Directory.CreateDirectory(Path.Combine(dir.Path, "coverage"));
        dir.File("coverage/a.json", """{ "format": "ripe-typed-coverage", "version": 1, "events": ["Signed Up"], "pages": [], "identify": true, "group": false }""");
        dir.File("coverage/b.json", """{ "format": "ripe-typed-coverage", "version": 1, "events": ["Logged In", "Not In Plan"], "pages": ["Pricing"], "identify": false, "group": false }""");

        var (exit, output, error) = CliRunner.Run("coverage", Path.Combine(dir.Path, "coverage"), "--plan", plan, "--min", "70");

        Assert.Equal(0, exit);
        Assert.Equal(
            "tracking-plan.yaml(7,11): event 'Exported Report' is never exercised by the tests\n" +
            "3 of 4 events and pages exercised (75%); identify exercised, group not in the plan.\n",
            output.Replace("\r\n", "\n"));
        Assert.Contains("1 name in the coverage files is not in tracking-plan.yaml (coverage of another plan version, or renamed since); not counted: event 'Not In Plan'.", error);
    }

    [Fact]
    public void Below_the_threshold_fails_and_github_format_annotates_the_plan()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Plan);
        string coverage = dir.File("ripe-coverage-1.json", """{ "version": 1, "events": ["Signed Up"], "pages": [], "identify": false, "group": false }""");

        var (exit, output, _) = CliRunner.Run("coverage", coverage, "--plan", plan, "--min", "50", "--format", "github");

        Assert.Equal(1, exit);
        Assert.Contains("::warning file=tracking-plan.yaml,line=6,title=Tracking coverage::Event 'Logged In' is never exercised by the tests", output);
        Assert.Contains("line=9,title=Tracking coverage::Page 'Pricing'", output);
    }

    [Fact]
    public void No_coverage_file_or_a_broken_one_is_an_input_error()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Plan);
        Directory.CreateDirectory(Path.Combine(dir.Path, "empty"));
        string broken = dir.File("broken.json", "{ not json");

        Assert.Equal(3, CliRunner.Run("coverage", Path.Combine(dir.Path, "empty"), "--plan", plan).ExitCode);
        var (exit, _, error) = CliRunner.Run("coverage", broken, "--plan", plan);
        Assert.Equal(3, exit);
        Assert.Contains("not a RipeTyped coverage file", error);
    }
}
