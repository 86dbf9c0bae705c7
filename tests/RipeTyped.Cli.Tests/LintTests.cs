using System.IO;
using System.Linq;
using System.Text.Json;

namespace RipeTyped.Cli.Tests;

public sealed class LintTests
{
    // Line 4 has an unknown key (RIPE0002, an error); line 6 a non-flattened event (RIPE1001, a warning).
    private const string Broken = """
        version: 1
        events:
          - name: Signed Up
            colour: blue
        """;

    private const string WarningsOnly = """
        version: 1
        events:
          - name: Clicked Button
            description: A button was clicked.
            properties:
              button: { type: string, required: true }
        """;

    [Fact]
    public void The_repository_plan_is_clean()
    {
        var (exit, output, error) = CliRunner.Run("lint", RepositoryPlan());

        Assert.Equal(0, exit);
        Assert.Equal("", output);
        Assert.Contains("0 errors", error);
    }

    [Fact]
    public void Errors_fail_with_file_line_and_column()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Broken);

        var (exit, output, _) = CliRunner.Run("lint", plan);

        // Outside a repository and the working directory, a plan is named by its file name, never an absolute path.
        Assert.Equal(1, exit);
        Assert.Contains("tracking-plan.yaml(4,5): error RIPE0002: Unknown key 'colour'", output);
        Assert.DoesNotContain(dir.Path, output);
    }

    [Fact]
    public void Variant_errors_are_on_their_line_as_in_the_build()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", """
            version: 1
            events:
              - name: Clicked Button
                description: A button was clicked.
                properties:
                  button: { type: enum, values: [buy, sell], required: true }
                variants:
                  - csharpName: Buy
                    when: { button: hold }
                  - csharpName: Buy
                  - csharpName: Sell
                    properties:
                      Button Label: string
            """);

        var (exit, output, _) = CliRunner.Run("lint", plan);

        Assert.Equal(1, exit);
        Assert.Contains("tracking-plan.yaml(9,25): error RIPE0023: Variant 'Buy' of event 'Clicked Button': 'hold' is not a value of enum 'button' (buy, sell)", output);
        Assert.Contains("tracking-plan.yaml(10,21): error RIPE0007: Variant of event 'Clicked Button' 'Buy' is defined more than once (first at line 8)", output);
        Assert.Contains("tracking-plan.yaml(13,11): warning RIPE1003: Property 'Button Label'", output);
    }

    [Fact]
    public void Warnings_pass_unless_warnings_are_errors()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", WarningsOnly);

        var (exit, output, _) = CliRunner.Run("lint", plan);
        var (strictExit, strictOutput, _) = CliRunner.Run("lint", plan, "--warnings-as-errors");

        Assert.Equal(0, exit);
        Assert.Contains("(3,11): warning RIPE1001", output);
        Assert.Equal(1, strictExit);
        Assert.Contains("(3,11): error RIPE1001", strictOutput);
    }

    [Fact]
    public void GitHub_format_writes_workflow_annotations()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Broken);

        var (_, output, _) = CliRunner.Run("lint", plan, "--format", "github");

        string line = Assert.Single(output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("::error", System.StringComparison.Ordinal));
        Assert.StartsWith("::error file=tracking-plan.yaml,line=4,col=5,", line);
        Assert.Contains("title=RIPE0002%3A Unknown key in tracking plan::Unknown key 'colour'", line);
    }

    [Fact]
    public void Sarif_is_valid_json_with_rules_and_regions()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Broken);
        string report = dir.File("lint.sarif");

        var (exit, output, _) = CliRunner.Run("lint", plan, "--format", "sarif", "--output", report);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        using var sarif = JsonDocument.Parse(File.ReadAllText(report));
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Equal("RIPE0002", run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("id").GetString());
        var result = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "RIPE0002");
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.Equal(4, result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void A_missing_plan_is_an_input_error_naming_it()
    {
        var (exit, _, error) = CliRunner.Run("lint", "no/such/tracking-plan.yaml");

        Assert.Equal(3, exit);
        Assert.Contains("no/such/tracking-plan.yaml: file not found", error);
    }

    internal static string RepositoryPlan()
    {
        var dir = new DirectoryInfo(System.AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "RipeTyped.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "tracking-plan.yaml");
    }
}
