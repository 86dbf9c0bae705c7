using System.IO;

namespace RipeTyped.Cli.Tests;

/// <summary>
/// The CLI on team-scale plans: a plan split across files is one plan for every command (as for the build), diff
/// enforces the planVersion bump and names the owners whose review a change needs, docs shows owners and sources.
/// </summary>
public class TeamPlanTests
{
    private const string Main = """
        version: 1
        planVersion: 1.4.0
        owner: growth
        sources: [web, billing-api]
        definitions:
          plan_tier: { type: enum, values: [free, pro] }
        events:
          - name: Clicked Upgrade Button
            description: The upgrade button was clicked.
            sources: [web]
            properties: { tier: { $ref: plan_tier } }
        """;

    private const string Billing = """
        version: 1
        owner: billing
        events:
          - name: Paid Invoice
            description: An invoice was paid.
            sources: [billing-api]
            properties:
              tier: { $ref: plan_tier, required: true }
        """;

    private static string SplitPlan(TempDirectory dir, string main = Main, string billing = Billing)
    {
        dir.File("tracking-plan.yaml", main);
        dir.File("billing.tracking-plan.yaml", billing);
        return dir.File("tracking-plan.yaml");
    }

    [Fact]
    public void Lint_reads_the_files_of_a_split_plan_as_one_and_names_each_file()
    {
        using var dir = new TempDirectory();
        SplitPlan(dir, billing: Billing.Replace("sources: [billing-api]", "sources: [billing]"));

        var (exit, output, _) = CliRunner.RunProcess(dir.Path, "lint", "tracking-plan.yaml");

        Assert.Equal(1, exit);
        Assert.Contains("billing.tracking-plan.yaml(6,15): error RIPE0018", output);
        Assert.DoesNotContain("RIPE0006", output); // plan_tier comes from the other file
    }

    [Fact]
    public void A_folder_is_the_plan_of_its_files_too()
    {
        using var dir = new TempDirectory();
        SplitPlan(dir);

        var (exit, output, error) = CliRunner.Run("docs", dir.Path);

        Assert.True(exit == 0, error);
        Assert.Contains("Paid Invoice", output);
        Assert.Contains("Clicked Upgrade Button", output);
        Assert.Contains("plan version `1.4.0`", output);
        Assert.Contains("| Call | Owner | `web` | `billing-api` |", output);
        Assert.Contains("| [Paid Invoice](#", output);
        Assert.Matches(@"\| \[Paid Invoice\]\(#[^)]*\) \| `billing` \|  \| ✓ \|", output);
        Assert.Contains("Owner: `growth` · Sources: `web`", output);
    }

    [Fact]
    public void Diff_fails_a_breaking_change_without_a_major_bump_and_says_why()
    {
        using var dir = new TempDirectory();
        string before = dir.File("base.tracking-plan.yaml", Main);
        string after = dir.File("head.yaml", Main.Replace("planVersion: 1.4.0", "planVersion: 1.5.0").Replace("properties: { tier: { $ref: plan_tier } }", "properties: { tier: { $ref: plan_tier, required: true } }"));

        var (exit, output, error) = CliRunner.Run("diff", before, after);

        Assert.Equal(1, exit);
        Assert.Contains("❌ **Plan version:** `1.4.0` → `1.5.0` (head.yaml, line 2) is a minor bump, but the changes need a **major** bump (to 2.0.0): 1 breaking change", output);
        Assert.Contains("Plan version check failed", error);
    }

    [Theory]
    [InlineData("2.0.0", ", required: true }", 0)] // breaking, major bump
    [InlineData("1.4.1", ", description: Chosen tier }", 0)] // a description: a patch is enough
    [InlineData("1.4.0", ", description: Chosen tier }", 1)] // ... but not no bump
    [InlineData("1.4.1", "}, note: string", 1)] // an added property needs a minor bump
    [InlineData("1.5.0", "}, note: string", 0)]
    [InlineData("1.3.0", "}", 1)] // went back
    public void Diff_accepts_the_bump_the_changes_need_and_no_less(string headVersion, string propertyTail, int expectedExit)
    {
        using var dir = new TempDirectory();
        string before = dir.File("base.yaml", Main);
        string after = dir.File("head.yaml", Main.Replace("planVersion: 1.4.0", "planVersion: " + headVersion).Replace("$ref: plan_tier } }", "$ref: plan_tier " + propertyTail + " }"));

        var (exit, output, error) = CliRunner.Run("diff", before, after);

        Assert.True(exit == expectedExit, output + error);
    }

    [Fact]
    public void Diff_groups_changes_by_owner_and_lists_the_reviewers()
    {
        using var dir = new TempDirectory();
        SplitPlan(dir);
        string head = Path.Combine(dir.Path, "head");
        Directory.CreateDirectory(head);
        File.WriteAllText(Path.Combine(head, "tracking-plan.yaml"), Main.Replace("1.4.0", "2.0.0").Replace("  - name: Clicked Upgrade Button", "  - name: Opened Settings\n  - name: Clicked Upgrade Button"));
        File.WriteAllText(Path.Combine(head, "billing.tracking-plan.yaml"), Billing.Replace("  - name: Paid Invoice", "  - name: Refunded Invoice\n    owner: finance\n  - name: Paid Invoice").Replace("      tier: { $ref: plan_tier, required: true }", "      note: string"));

        var (exit, output, error) = CliRunner.Run("diff", dir.Path, head);

        Assert.True(exit == 0, output + error); // breaking, with a major bump
        Assert.Contains("**Review needed from:** `billing`, `finance`, `growth`", output);
        Assert.Contains("##### Owner: `billing`", output);
        Assert.Contains("`Paid Invoice › tier`: property removed", output);
        Assert.True(output.IndexOf("##### Owner: `billing`") < output.IndexOf("`Paid Invoice › tier`"));
        Assert.Contains("##### Owner: `finance`", output);
    }

    [Fact]
    public void Removing_the_plan_version_fails_the_diff()
    {
        using var dir = new TempDirectory();
        string before = dir.File("base.yaml", Main);
        string after = dir.File("head.yaml", Main.Replace("planVersion: 1.4.0\n", ""));

        var (exit, output, _) = CliRunner.Run("diff", before, after);

        Assert.Equal(1, exit);
        Assert.Contains("`planVersion` (1.4.0) was removed", output);
    }

    [Fact]
    public void Per_source_rule_lists_import_into_one_split_plan_with_sources()
    {
        // Segment keeps one rule list per source: import each with its source, as files of one plan.
        using var dir = new TempDirectory();
        string corpus = Path.Combine(System.AppContext.BaseDirectory, "Corpus");
        var (webExit, _, webError) = CliRunner.Run("import", Path.Combine(corpus, "public-api-rules.json"), "--source", "web", "--output", Path.Combine(dir.Path, "tracking-plan.yaml"));
        var (serverExit, _, serverError) = CliRunner.Run("import", Path.Combine(corpus, "typewriter-local-plan.json"), "--source", "server", "--output", Path.Combine(dir.Path, "server.tracking-plan.yaml"));

        Assert.True(webExit == 0, webError);
        Assert.True(serverExit == 0, serverError);
        string web = File.ReadAllText(Path.Combine(dir.Path, "tracking-plan.yaml"));
        Assert.Contains("sources: [\"web\"]\n", web);
        Assert.Contains("    sources: [\"web\"]\n", web);

        var (lintExit, lintOutput, lintError) = CliRunner.Run("lint", dir.Path);
        Assert.DoesNotContain("error", lintOutput);
        Assert.Contains("(+1 more file)", lintError);
        Assert.Equal(0, lintExit);
    }

    [Fact]
    public void A_plan_file_of_another_name_at_a_git_ref_is_read_alone()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "analytics"));
        dir.File("analytics/web.yaml", Main);
        CliRunner.Git(dir.Path, "init", "-q");
        CliRunner.Git(dir.Path, "add", ".");
        CliRunner.Git(dir.Path, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "plan");
        dir.File("analytics/web.yaml", Main.Replace("1.4.0", "1.4.1").Replace("The upgrade button was clicked.", "The upgrade button was pressed."));

        var (exit, output, error) = CliRunner.RunProcess(dir.Path, "diff", "git:HEAD:analytics/web.yaml", "analytics/web.yaml");

        Assert.True(exit == 0, output + error);
        Assert.Contains("`analytics/web.yaml@HEAD` → `analytics/web.yaml`", output);
        Assert.Contains("description changed", output);
    }

    [Fact]
    public void Diff_reads_a_split_plan_at_a_git_ref()
    {
        using var dir = new TempDirectory();
        SplitPlan(dir);
        CliRunner.Git(dir.Path, "init", "-q");
        CliRunner.Git(dir.Path, "add", ".");
        CliRunner.Git(dir.Path, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "plan");
        dir.File("billing.tracking-plan.yaml", Billing.Replace("  - name: Paid Invoice", "  - name: Refunded Invoice\n    sources: [billing-api]\n  - name: Paid Invoice"));
        dir.File("tracking-plan.yaml", Main.Replace("1.4.0", "1.5.0"));

        var (exit, output, error) = CliRunner.RunProcess(dir.Path, "diff", "git:HEAD:tracking-plan.yaml", "tracking-plan.yaml");

        Assert.True(exit == 0, output + error);
        Assert.Contains("`tracking-plan.yaml@HEAD (+1 more file)` → `tracking-plan.yaml (+1 more file)`", output);
        Assert.Contains("`Refunded Invoice`: added", output);
        Assert.Contains("✅ **Plan version:** `1.4.0` → `1.5.0`: a minor bump", output);
    }
}
