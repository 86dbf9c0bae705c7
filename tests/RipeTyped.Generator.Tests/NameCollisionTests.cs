using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>
/// Distinct wire names always get distinct C# names (docs/naming.md, "Collisions"): never an error, never a lost
/// item, wire names byte-exact, and adding a name never renames what code already calls.
/// </summary>
public class NameCollisionTests
{
    private const string EveryCollisionClass = """
        definitions:
          plan tier: { type: enum, values: [free, pro] }
          plan_tier: { type: enum, values: [Free, FREE, free, "free "] }
        identify:
          traits:
            email: string
            Email: string
            first-name: string
            First Name: string
        group:
          traits:
            teamId: string
            team id: string
        events:
          - name: Event Collided
            properties:
              siteId: string
              site id: string
              site-id: string
              site_id: string
              state: { type: enum, values: [open, Open, OPEN] }
              State: { type: object, properties: { a b: integer, aB: integer, a_b: integer } }
              items: { type: array, items: { type: object, properties: { sku: string, SKU: string } } }
          - name: event_collided
          - name: EventCollided
          - name: event-collided
        pages:
          - name: Home
            properties: { x: string, X: string }
          - name: home
        """;

    [Fact]
    public void Every_collision_class_builds_with_warnings_only()
    {
        var run = GeneratorHarness.Run(EveryCollisionClass);
        Assert.Empty(run.Exceptions);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("RIPE1010", d.Id));

        string facade = run.Source("RipeAnalytics.g.cs");
        foreach (string wire in new[] { "Event Collided", "event_collided", "EventCollided", "event-collided" })
        {
            Assert.Contains($"_client.Track({Literal(wire)}", facade);
        }

        Assert.Contains("_client.Page(\"Home\"", facade);
        Assert.Contains("_client.Page(\"home\"", facade);
        string all = string.Join("\n", run.Sources.Select(s => s.SourceText.ToString()));
        foreach (string wire in new[] { "siteId", "site id", "site-id", "site_id", "state", "State", "a b", "aB", "a_b", "sku", "SKU", "email", "Email", "first-name", "First Name", "teamId", "team id", "x", "X" })
        {
            Assert.Contains(Literal(wire) + "u8", all);
        }

        foreach (string value in new[] { "open", "Open", "OPEN", "Free", "FREE", "free", "free " })
        {
            Assert.Contains(Literal(value), all);
        }
    }

    [Fact]
    public void The_rule_is_plan_order_then_verbatim_then_a_number()
    {
        var members = Members("""
            events:
              - name: A
                properties:
                  site_id: string
                  siteId: string
                  site id: string
                  SiteId: string
            """);
        Assert.Equal(new[] { ("site_id", "SiteId"), ("siteId", "siteId"), ("site id", "site_id"), ("SiteId", "SiteId_2") }, members);
    }

    [Fact]
    public void Adding_a_colliding_name_after_never_renames_an_existing_member()
    {
        const string before = "events:\n  - name: A\n    properties:\n      siteId: string\n      email: string\n";
        const string after = "events:\n  - name: A\n    properties:\n      siteId: string\n      email: string\n      site id: string\n      Email: string\n";
        var old = Members(before);
        var now = Members(after);
        Assert.All(old, member => Assert.Contains(member, now));
    }

    [Fact]
    public void A_csharpName_pins_a_name_wherever_a_colliding_name_is_added()
    {
        const string before = "events:\n  - name: A\n    properties:\n      siteId: { type: string, csharpName: SiteId }\n";
        // The new name comes first in the plan and flattens to the same SiteId: the pinned member keeps it.
        const string after = "events:\n  - name: A\n    properties:\n      site id: string\n      siteId: { type: string, csharpName: SiteId }\n";
        Assert.Contains(("siteId", "SiteId"), Members(before));
        var now = Members(after);
        Assert.Contains(("siteId", "SiteId"), now);
        Assert.Contains(("site id", "site_id"), now);
    }

    [Fact]
    public void A_csharpName_names_events_pages_definitions_and_enum_values()
    {
        var run = GeneratorHarness.Run("""
            definitions:
              tier: { type: enum, csharpName: PlanLevel, values: [{ value: "pro ", csharpName: ProTrailing }, pro] }
            events:
              - name: Site Selected
                csharpName: SiteChosen
                properties: { t: { $ref: tier, csharpName: Level } }
            pages:
              - name: Home
                csharpName: Landing
            """);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        string facade = run.Source("RipeAnalytics.g.cs");
        Assert.Contains("public void TrackSiteChosen(__N.SiteChosenProperties", facade);
        Assert.Contains("using __N = global::Test.App.Analytics;", facade);
        Assert.Contains("public void PageLanding(", facade);
        string all = string.Join("\n", run.Sources.Select(s => s.SourceText.ToString()));
        Assert.Contains("public enum PlanLevel", all);
        Assert.Contains("ProTrailing,", all);
        Assert.Contains("public global::Test.App.Analytics.PlanLevel? Level { get; set; }", all);
    }

    [Fact]
    public void Two_identical_csharpNames_fall_back_with_a_warning()
    {
        var run = GeneratorHarness.Run("events:\n  - name: A\n    csharpName: Same\n  - name: B\n    csharpName: Same\n");
        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RIPE1010", warning.Id);
        Assert.Equal(4, warning.Location.GetLineSpan().StartLinePosition.Line);
        string facade = run.Source("RipeAnalytics.g.cs");
        Assert.Contains("public void TrackSame(", facade);
        Assert.Contains("public void Track_B(", facade);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_large_legacy_plan_with_every_collision_class_builds_without_errors()
    {
        var plan = new StringBuilder("options: { eventCase: any, propertyCase: any }\nevents:\n");
        for (int i = 0; i < 150; i++)
        {
            // Four spellings of one name per group: spaced, camelCase, case-only and punctuation variants.
            foreach (string name in new[] { $"Site {i} Selected", $"site{i}Selected", $"SITE {i} SELECTED", $"site-{i}-selected" })
            {
                plan.Append("  - name: ").Append(Literal(name)).Append('\n')
                    .Append("    properties: { siteId: string, site id: string, SiteID: string, site_id: integer }\n");
            }
        }

        var run = GeneratorHarness.Run(plan.ToString());
        Assert.Empty(run.Exceptions);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(600, run.Source("RipeAnalytics.g.cs").Split("_client.Track(").Length - 1);
    }

    [Fact]
    public void Members_named_like_the_generated_methods_parameters_are_written_and_checked_as_themselves()
    {
        // WriteTo(w) and Validate(e, p) name members without `this.`: a member may not take a parameter's name.
        var run = GeneratorHarness.Run("""
            options: { namespace: Params.Tracking }
            events:
              - name: A
                properties:
                  w: { type: string, csharpName: w, required: true }
                  e: { type: integer, csharpName: e, minimum: 5 }
                  p: { type: string, csharpName: p, maxLength: 2 }
            """);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var type = run.Load().GetType("Params.Tracking.AProperties")!;
        Assert.Equal(new[] { "eValue", "pValue", "wValue" }, type.GetProperties().Select(m => m.Name).Order().ToArray());
        var properties = (IRipeProperties)Activator.CreateInstance(type)!;
        type.GetProperty("wValue")!.SetValue(properties, "x");
        type.GetProperty("eValue")!.SetValue(properties, 3L);
        type.GetProperty("pValue")!.SetValue(properties, "abc");

        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            properties.WriteTo(writer);
        }

        Assert.Equal("""{"w":"x","e":3,"p":"abc"}""", Encoding.UTF8.GetString(json.ToArray()));
        var errors = new List<RipeValidationError>();
        properties.Validate(errors, "properties");
        Assert.Equal(new[] { "properties.e", "properties.p" }, errors.Select(error => error.Path).ToArray());
    }

    [Fact]
    public void A_member_named_like_a_generated_pattern_field_does_not_break_the_build()
    {
        // Constrained strings keep their compiled patterns in private fields: no plan name may take a field's name.
        var run = GeneratorHarness.Run("""
            events:
              - name: A
                properties:
                  code: { type: string, pattern: "^[a-z]+$" }
                  other: { type: string, csharpName: s_pattern0 }
            """);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Contains("\"code\"", run.Source("AProperties.g.cs"));
    }

    [Theory]
    [InlineData("Acme.__")]
    [InlineData("__P.Tracking")]
    [InlineData("Acme.__N")]
    public void A_namespace_segment_named_like_a_generated_alias_is_refused_at_its_line(string ns)
    {
        // Inside `namespace Acme.__;` the name `__` would mean the namespace, not the helpers' alias.
        var run = GeneratorHarness.Run($"options: {{ namespace: {ns} }}\nevents:\n  - name: A\n    properties:\n      code: {{ type: string, required: true }}\n");
        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "RIPE0014");
        Assert.Contains("a name the generated code uses for itself", error.GetMessage());
        Assert.Equal(0, error.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("__")]
    [InlineData("__P")]
    public void A_className_named_like_a_generated_alias_is_refused_at_its_line(string name)
    {
        var run = GeneratorHarness.Run($"options: {{ className: {name} }}\nevents:\n  - name: A\n    properties:\n      code: {{ type: string, required: true }}\n");
        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "RIPE0014");
        Assert.Contains("a name the generated code uses for itself", error.GetMessage());
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", StringComparison.Ordinal)));
    }

    /// <summary>(wire name, C# member) pairs of class AProperties, read from its JSON writer: <c>__.StrOpt(w, "wire"u8, Member);</c>.</summary>
    private static List<(string Wire, string Member)> Members(string plan)
    {
        var run = GeneratorHarness.Run(plan);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        string source = run.Source("AProperties.g.cs");
        return System.Text.RegularExpressions.Regex.Matches(source, @"__\.\w+\(w, ""((?:[^""\\]|\\.)*)""u8, (\w+)\)")
            .Select(m => (JsonSerializer.Deserialize<string>("\"" + m.Groups[1].Value + "\"")!, m.Groups[2].Value))
            .ToList();
    }

    private static string Literal(string text) => JsonSerializer.Serialize(text);
}
