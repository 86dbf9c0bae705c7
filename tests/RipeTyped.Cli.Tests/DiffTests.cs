using System.Collections.Generic;
using System.Linq;
using RipeTyped.Cli.Diff;
using RipeTyped.Cli.Infrastructure;

namespace RipeTyped.Cli.Tests;

public sealed class DiffTests
{
    private const string Base = BaseText + "\n";

    private const string BaseText = """
        version: 1
        identify:
          traits:
            email: { type: string, required: true }
        events:
          - name: Signed Up
            properties:
              method: { type: enum, values: [email, google, github], required: true }
              referrer: { type: string }
              seats: { type: integer, minimum: 1, maximum: 100 }
              address:
                type: object
                properties:
                  city: { type: string }
          - name: Clicked Upgrade Button
            properties:
              source_page: { type: string, required: true }
          - name: Exported Report
          - name: Logged In
            properties:
              remember_me: { type: boolean }
        """;

    private static List<PlanChange> Compare(string before, string after) =>
        PlanDiffer.Compare(
            PlanShape.Of(LoadedPlan.FromText(before, "base.yaml", "App").Plan),
            PlanShape.Of(LoadedPlan.FromText(after, "head.yaml", "App").Plan));

    private static Bump RequiredBump(string before, string after)
    {
        var (from, to) = (LoadedPlan.FromText(before, "base.yaml", "App").Plan, LoadedPlan.FromText(after, "head.yaml", "App").Plan);
        return VersionBump.Check(from, to, PlanDiffer.Compare(PlanShape.Of(from), PlanShape.Of(to))).Required;
    }

    private static PlanChange Find(List<PlanChange> changes, string subject, string descriptionStart) =>
        Assert.Single(changes, c => c.Subject == subject && c.Description.StartsWith(descriptionStart, System.StringComparison.Ordinal));

    [Fact]
    public void Identical_plans_have_no_changes()
    {
        Assert.Empty(Compare(Base, Base));
    }

    [Fact]
    public void Each_kind_of_change_is_found_and_classed()
    {
        string head = Base
            .Replace("values: [email, google, github]", "values: [email, google, apple]")
            .Replace("referrer: { type: string }", "referrer: { type: string, required: true }")
            .Replace("seats: { type: integer, minimum: 1, maximum: 100 }", "seats: { type: integer, minimum: 1, maximum: 1000 }")
            .Replace("city: { type: string }", "city: { type: integer }")
            .Replace("  - name: Exported Report\n", "  - name: Exported Report\n    deprecated: Use Downloaded Report\n")
            .Replace("  - name: Logged In\n    properties:\n      remember_me: { type: boolean }\n", "")
            .Replace("email: { type: string, required: true }", "email: { type: string, required: true }\n    company: { type: string }")
            + "  - name: Invited Teammate\n";

        var changes = Compare(Base, head);

        Assert.True(Find(changes, "Signed Up › method", "enum value removed: `github`").Breaking);
        Assert.False(Find(changes, "Signed Up › method", "enum value added: `apple`").Breaking);
        Assert.True(Find(changes, "Signed Up › referrer", "now required").Breaking);
        Assert.False(Find(changes, "Signed Up › seats", "maximum changed from 100 to 1000").Breaking);
        Assert.True(Find(changes, "Signed Up › address.city", "type changed from string to integer").Breaking);
        Assert.False(Find(changes, "Exported Report", "deprecated: Use Downloaded Report").Breaking);
        Assert.True(Find(changes, "Logged In", "removed").Breaking);
        Assert.False(Find(changes, "Invited Teammate", "added").Breaking);
        Assert.False(Find(changes, "identify › company", "optional property added").Breaking);
        Assert.Equal(9, changes.Count);
        Assert.True(changes.TakeWhile(c => c.Breaking).Count() == changes.Count(c => c.Breaking), "breaking changes come first");
    }

    [Fact]
    public void A_rename_is_recognised_by_identical_properties()
    {
        var changes = Compare(Base, Base.Replace("Clicked Upgrade Button", "Clicked Upgrade Now Button"));

        var change = Assert.Single(changes);
        Assert.Equal("Clicked Upgrade Button", change.Subject);
        Assert.StartsWith("renamed to `Clicked Upgrade Now Button`", change.Description);
        Assert.True(change.Breaking);
    }

    [Fact]
    public void A_property_rename_is_recognised_when_only_one_candidate_has_the_type()
    {
        var changes = Compare(Base, Base.Replace("source_page: { type: string, required: true }", "page_path: { type: string, required: true }"));

        var change = Assert.Single(changes);
        Assert.Equal("Clicked Upgrade Button › source_page", change.Subject);
        Assert.Equal("renamed to `page_path`", change.Description);
    }

    [Fact]
    public void Tighter_constraints_break_and_looser_ones_do_not()
    {
        var tighter = Compare(Base, Base.Replace("minimum: 1, maximum: 100", "minimum: 5, maximum: 50"));
        var looser = Compare(Base, Base.Replace("minimum: 1, maximum: 100", "maximum: 100"));

        Assert.All(tighter, c => Assert.True(c.Breaking));
        Assert.Equal(2, tighter.Count);
        Assert.False(Assert.Single(looser).Breaking);
    }

    [Fact]
    public void The_command_exits_1_on_breaking_changes_and_writes_a_markdown_comment()
    {
        using var dir = new TempDirectory();
        string before = dir.File("base.yaml", Base);
        string after = dir.File("head.yaml", Base.Replace("  - name: Exported Report\n", ""));
        string same = dir.File("same.yaml", Base);

        var (exit, output, _) = CliRunner.Run("diff", before, after);
        var (cleanExit, cleanOutput, _) = CliRunner.Run("diff", before, same);

        Assert.Equal(1, exit);
        Assert.StartsWith(DiffReport.CommentMarker, output);
        Assert.Contains("**1 breaking change**", output);
        Assert.Contains("- `Exported Report`: removed", output);
        Assert.Equal(0, cleanExit);
        Assert.Contains("No changes", cleanOutput);
    }

    [Fact]
    public void Json_output_counts_breaking_changes()
    {
        using var dir = new TempDirectory();
        string before = dir.File("base.yaml", Base);
        string after = dir.File("head.yaml", Base + "  - name: Invited Teammate\n");

        var (exit, output, _) = CliRunner.Run("diff", before, after, "--format", "json");

        Assert.Equal(0, exit);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(0, json.RootElement.GetProperty("breaking").GetInt32());
        Assert.Equal("Invited Teammate", json.RootElement.GetProperty("changes")[0].GetProperty("subject").GetString());
    }

    [Fact]
    public void A_plan_that_is_not_yaml_is_an_input_error_with_its_diagnostics()
    {
        using var dir = new TempDirectory();
        string before = dir.File("base.yaml", Base);
        string after = dir.File("head.yaml", "version: 1\nevents: [\n");

        var (exit, _, error) = CliRunner.Run("diff", before, after);

        Assert.Equal(3, exit);
        Assert.Contains("head.yaml cannot be read at all", error);
        Assert.Contains("RIPE0001", error);
    }

    [Fact]
    public void Plans_with_errors_are_compared_and_their_errors_listed_apart()
    {
        using var dir = new TempDirectory();
        string before = dir.File("base.yaml", Base);
        string after = dir.File("head.yaml", Base.Replace("  - name: Logged In\n", "  - nme: Oops\n  - name: Logged In\n") + "  - name: Checked Out\n");

        var (exit, output, error) = CliRunner.Run("diff", before, after);

        Assert.Equal(0, exit);
        Assert.Contains("`head.yaml` has 2 plan errors", output);
        Assert.Contains("RIPE0005", output);
        Assert.Contains("`Checked Out`: added", output);
        Assert.Contains("Plan errors: 0 in base.yaml, 2 in head.yaml", error);
        Assert.DoesNotContain(dir.Path, output);
    }

    // Base with variants on Signed Up, after its properties.
    private static readonly string WithVariants = Base.Replace("  - name: Clicked Upgrade Button\n", """
            variants:
              - csharpName: WithEmail
                description: Email sign-up.
                when: { method: email }
                properties:
                  email: { type: string, required: true }
              - csharpName: WithSso
                when: { method: [google, github] }
          - name: Clicked Upgrade Button

        """);

    [Fact]
    public void Variants_are_compared_by_name_with_their_when_and_own_properties()
    {
        Assert.Empty(Compare(WithVariants, WithVariants));

        string head = WithVariants
            .Replace("  - csharpName: WithSso\n        when: { method: [google, github] }\n", "  - csharpName: WithGoogle\n        when: { method: google }\n")
            .Replace("description: Email sign-up.", "description: Sign-up by email.")
            .Replace("      email: { type: string, required: true }", "      email: { type: string, required: true }\n          newsletter: boolean");
        var changes = Compare(WithVariants, head);

        Assert.True(Find(changes, "Signed Up › variant WithSso", "variant removed").Breaking);
        var added = Find(changes, "Signed Up › variant WithGoogle", "variant added");
        Assert.False(added.Breaking);
        Assert.Contains("when method = google", added.Description);
        Assert.True(Find(changes, "Signed Up › variant WithEmail", "description changed").DescriptionOnly);
        Assert.False(Find(changes, "Signed Up › variant WithEmail › newsletter", "optional property added (boolean)").Breaking);
        Assert.Equal(4, changes.Count);
    }

    [Fact]
    public void A_variant_whose_when_or_required_properties_change_is_breaking_and_an_added_one_is_minor()
    {
        string when = WithVariants.Replace("when: { method: [google, github] }", "when: { method: google }");
        string required = WithVariants.Replace("  - csharpName: WithSso\n", "  - csharpName: WithSso\n        properties: { provider: { type: string, required: true } }\n");

        var whenChange = Assert.Single(Compare(WithVariants, when));
        Assert.Equal("Signed Up › variant WithSso", whenChange.Subject);
        Assert.Equal("'when' changed from method in [google, github] to method = google: the variant selects other data and its class changes", whenChange.Description);
        Assert.True(whenChange.Breaking);
        Assert.True(Find(Compare(WithVariants, required), "Signed Up › variant WithSso › provider", "required property added").Breaking);
        Assert.Equal(Bump.Minor, RequiredBump(Base, WithVariants));
        Assert.Equal(Bump.Major, RequiredBump(WithVariants, Base));
    }

    [Fact]
    public void A_variant_method_that_moves_is_a_breaking_change()
    {
        using var dir = new TempDirectory();
        string before = dir.File("base.yaml", "version: 1\nevents:\n  - name: A\n    variants:\n      - csharpName: B\n        properties: { x: string }\n");
        string after = dir.File("head.yaml", "version: 1\nevents:\n  - name: A\n    variants:\n      - csharpName: B\n        properties: { x: string }\n  - name: A B\n");

        var (exit, output, _) = CliRunner.Run("diff", before, after);

        Assert.Equal(1, exit);
        Assert.Contains("C# method renamed from `TrackAB` to `TrackAB2`", output);
    }

    [Fact]
    public void A_generated_name_that_moves_is_a_breaking_change()
    {
        using var dir = new TempDirectory();
        string before = dir.File("base.yaml", "version: 1\nevents:\n  - name: A\n    properties:\n      siteId: string\n");
        string after = dir.File("head.yaml", "version: 1\nevents:\n  - name: A\n    properties:\n      site id: string\n      siteId: string\n");

        var (exit, output, _) = CliRunner.Run("diff", before, after);

        Assert.Equal(1, exit);
        Assert.Contains("C# property renamed from `SiteId` to `siteId`", output);
    }

    [Fact]
    public void A_version_from_git_history_can_be_the_base()
    {
        using var dir = new TempDirectory();
        CliRunner.Git(dir.Path, "init", "-q");
        dir.File("tracking-plan.yaml", Base);
        CliRunner.Git(dir.Path, "add", "tracking-plan.yaml");
        CliRunner.Git(dir.Path, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "plan");
        dir.File("tracking-plan.yaml", Base.Replace("  - name: Exported Report\n", ""));

        var (exit, output, error) = CliRunner.RunProcess(dir.Path, "diff", "git:HEAD:tracking-plan.yaml", "tracking-plan.yaml");
        var (badExit, _, badError) = CliRunner.RunProcess(dir.Path, "diff", "git:no-such-branch:tracking-plan.yaml", "tracking-plan.yaml");

        Assert.True(exit == 1, error);
        Assert.Contains("`tracking-plan.yaml@HEAD` → `tracking-plan.yaml`", output);
        Assert.Contains("`Exported Report`: removed", output);
        Assert.Equal(3, badExit);
        Assert.Contains("git cannot read 'tracking-plan.yaml' at 'no-such-branch'", badError);
    }
}
