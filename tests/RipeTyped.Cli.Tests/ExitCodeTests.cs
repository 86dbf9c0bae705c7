using System.IO;
using System.Text;

namespace RipeTyped.Cli.Tests;

/// <summary>One exit code per meaning in every command: 3 is an input that cannot be read at all, 2 a wrong command line.</summary>
public sealed class ExitCodeTests
{
    [Theory]
    [InlineData("{{{{ not: yaml")]
    [InlineData("events: [ { name: Signed Up }\n  - broken: [")]
    public void Lint_of_a_plan_that_is_not_yaml_exits_3_and_still_reports_where(string text)
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", text);

        var (exit, output, error) = CliRunner.Run("lint", plan);

        Assert.True(exit == 3, output + error);
        Assert.Contains("error RIPE0001", output);
        Assert.Contains("cannot be read at all", error);
    }

    [Fact]
    public void Lint_of_a_plan_over_the_size_limit_exits_3()
    {
        using var dir = new TempDirectory();
        var text = new StringBuilder("version: 1\nevents:\n");
        while (text.Length <= RipeTyped.Generator.Plan.PlanLoader.MaxPlanChars)
        {
            text.Append("# ").Append('x', 1000).Append('\n');
        }

        string plan = dir.File("tracking-plan.yaml", text.ToString());

        var (exit, output, error) = CliRunner.Run("lint", plan, "--format", "github");

        Assert.True(exit == 3, output + error);
        Assert.Contains("RIPE0016", output);
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("diff")]
    [InlineData("docs")]
    [InlineData("import")]
    [InlineData("init")]
    [InlineData("coverage")]
    public void Every_help_states_the_same_exit_codes_for_usage_and_unreadable_input(string command)
    {
        var (_, output, _) = CliRunner.Run(command, "--help");

        string flat = string.Join(" ", output.Split((char[])null!, System.StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("2 bad usage", flat);
        Assert.Contains("3 ", flat.Substring(flat.IndexOf("2 bad usage", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void The_lint_help_says_unreadable_is_3()
    {
        var (_, output, _) = CliRunner.Run("lint", "--help");

        string flat = string.Join(" ", output.Split((char[])null!, System.StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("3 the plan cannot be read at all (missing file, git error, not YAML, over the size limit)", flat);
    }
}
