using System.Collections.Generic;
using System.Linq;
using System.Text;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Plan;

namespace RipeTyped.Generator.Tests;

/// <summary>
/// The plan reader reads YAML into a flat table that is reused from plan to plan (no tree of objects per load). What
/// one read leaves in the table must never show in the next, and an alias must read as the node it names.
/// </summary>
public class YamlTableTests
{
    private const string Small = """
        version: 1
        events:
          - name: Signed Up
            properties:
              plan: { type: enum, values: [free, pro] }
              referrer: string
        """;

    private static (TrackingPlan Plan, List<PlanDiagnostic> Diagnostics) Read(string text)
    {
        var diagnostics = new List<PlanDiagnostic>();
        return (PlanReader.Read(text, "tracking-plan.yaml", diagnostics), diagnostics);
    }

    private static string Large(int events)
    {
        var text = new StringBuilder("version: 1\nevents:\n");
        for (int i = 0; i < events; i++)
        {
            text.Append($"  - name: Completed Step {i}\n    properties:\n      step_{i}: {{ type: integer, minimum: {i} }}\n      tags: {{ type: array, items: string }}\n");
        }

        return text.ToString();
    }

    [Fact]
    public void A_plan_read_after_a_larger_one_reads_as_it_did_before()
    {
        var before = Read(Small);
        _ = Read(Large(300));
        var after = Read(Small);

        Assert.Equal(before.Plan, after.Plan);
        Assert.Empty(after.Diagnostics);
        Assert.Equal(2, after.Plan.Events[0].Properties.Count);
    }

    [Fact]
    public void A_plan_read_after_invalid_YAML_reads_as_it_did_before()
    {
        var before = Read(Small);

        // The parser stops mid-document: the table holds half a plan when that read ends in a diagnostic.
        var broken = Read(Large(20) + "  - name: [unclosed\n");
        Assert.Contains(broken.Diagnostics, d => d.Id == RipeDiagnostics.YamlSyntax.Id);
        var after = Read(Small);

        Assert.Equal(before.Plan, after.Plan);
        Assert.Empty(after.Diagnostics);
    }

    [Fact]
    public void Plans_read_on_many_threads_at_once_each_read_as_alone()
    {
        var texts = Enumerable.Range(1, 8).Select(n => Large(n * 10)).ToArray();
        var alone = texts.Select(t => Read(t).Plan).ToArray();
        var together = new TrackingPlan[texts.Length * 8];
        System.Threading.Tasks.Parallel.For(0, together.Length, i => together[i] = Read(texts[i % texts.Length]).Plan);

        for (int i = 0; i < together.Length; i++)
        {
            Assert.Equal(alone[i % texts.Length], together[i]);
        }
    }

    [Fact]
    public void An_alias_reads_as_the_node_its_anchor_names()
    {
        var (plan, diagnostics) = Read("""
            version: 1
            events:
              - name: Viewed Page
                properties:
                  path: &path { type: string, pattern: "^/", description: Where. }
                  referrer_path: *path
                  section: { type: enum, values: &sections [home, docs] }
                  previous_section: { type: enum, values: *sections }
            """);

        Assert.Empty(diagnostics);
        var properties = plan.Events[0].Properties;
        var path = properties.Single(p => p.Name == "path").Schema;
        var referrer = properties.Single(p => p.Name == "referrer_path").Schema;
        Assert.Equal(PropertyKind.String, referrer.Kind);
        Assert.Equal("^/", referrer.Pattern?.Value);
        Assert.Equal("Where.", referrer.Description);
        Assert.Equal(path.Span, referrer.Span); // the anchored node itself, not a copy at the alias
        Assert.Equal(
            new[] { "home", "docs" },
            properties.Single(p => p.Name == "previous_section").Schema.EnumValues.Select(v => v.Value));
    }

    [Fact]
    public void An_alias_inside_the_node_it_names_is_refused_where_it_stands()
    {
        var (_, diagnostics) = Read("""
            version: 1
            events:
              - name: Looped
                properties: &loop
                  again: *loop
            """);

        var error = Assert.Single(diagnostics);
        Assert.Equal(RipeDiagnostics.YamlSyntax.Id, error.Id);
        Assert.Contains("contains it", error.Message);
        Assert.Equal(5, error.Span.DisplayLine);
    }

    [Fact]
    public void A_mapping_key_that_is_not_text_is_reported_and_its_entry_left_out()
    {
        var (plan, diagnostics) = Read("""
            version: 1
            events:
              - name: Opened App
                properties:
                  ? [a, b]
                  : string
                  build: string
            """);

        var error = Assert.Single(diagnostics);
        Assert.Equal(RipeDiagnostics.WrongNodeKind.Id, error.Id);
        Assert.Contains("mapping key", error.Message);
        Assert.Equal(5, error.Span.DisplayLine);
        Assert.Equal("build", Assert.Single(plan.Events[0].Properties).Name);
    }
}
