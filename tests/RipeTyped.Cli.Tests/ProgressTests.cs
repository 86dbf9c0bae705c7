using System.Globalization;
using System.Text;
using RipeTyped.Cli.Infrastructure;

namespace RipeTyped.Cli.Tests;

/// <summary>Long loads show a status line on an interactive stderr; small plans and redirected output stay quiet.</summary>
public sealed class ProgressTests
{
    private static string LargePlan()
    {
        var text = new StringBuilder("version: 1\nevents:\n");
        for (int i = 0; text.Length < Progress.LargePlanChars + 1024; i++)
        {
            string n = i.ToString("D5", CultureInfo.InvariantCulture);
            text.Append("  - name: Viewed Report ").Append(n).Append('\n')
                .Append("    description: A report page was viewed, number ").Append(n).Append(".\n")
                .Append("    properties:\n")
                .Append("      report_id: { type: string, required: true, description: Which report. }\n")
                .Append("      rows: { type: integer, minimum: 0, description: How many rows it showed. }\n");
        }

        return text.ToString();
    }

    [Fact]
    public void Linting_a_large_plan_interactively_reports_the_load()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", LargePlan());

        var (exit, output, error) = CliRunner.RunInteractive("lint", plan);

        Assert.Equal(0, exit);
        Assert.Equal("", output);
        Assert.Contains("ripe-typed: loading tracking-plan.yaml (0.5 MB)... done", error);
    }

    [Fact]
    public void Redirected_stderr_gets_no_progress()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", LargePlan());

        var (exit, _, error) = CliRunner.Run("lint", plan);

        Assert.Equal(0, exit);
        Assert.DoesNotContain("loading", error);
    }

    [Fact]
    public void A_small_plan_loads_without_progress_even_interactively()
    {
        var (exit, _, error) = CliRunner.RunInteractive("lint", LintTests.RepositoryPlan());

        Assert.Equal(0, exit);
        Assert.DoesNotContain("loading", error);
    }

    [Fact]
    public void A_failing_step_ends_its_status_line()
    {
        var status = new System.IO.StringWriter();

        Assert.Throws<System.InvalidOperationException>(() =>
            new Progress(status).Step<int>("loading big.yaml", Progress.LargePlanChars, () => throw new System.InvalidOperationException("boom")));
        Assert.Equal("ripe-typed: loading big.yaml (0.5 MB)... failed" + System.Environment.NewLine, status.ToString());
    }
}
