using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary><c>{ClassName}.EventNames</c>/<c>PageNames</c>: every plan name as a constant, and one array with the sources.</summary>
public class EventNamesTests
{
    [Fact]
    public void Every_event_and_page_of_every_source_is_a_constant_and_listed_with_its_sources()
    {
        const string Plan = """
            options: { namespace: Names.Tracking, className: Acme }
            sources: [web, api]
            events:
              - name: Clicked Book a Demo Button
                sources: [web]
              - name: Paid Invoice
                sources: [api]
              - name: Logged In
                sources: [web, api]
              - name: Logged Out
            pages:
              - name: Pricing
            """;
        var run = GeneratorHarness.Run(Plan, "class C { const string X = Names.Tracking.Acme.EventNames.ClickedBookADemoButton; }", rootNamespace: "App");
        var assembly = Load(run, expectedDiagnostics: 0);
        var events = assembly.GetType("Names.Tracking.Acme+EventNames")!;

        Assert.Equal("Clicked Book a Demo Button", events.GetField("ClickedBookADemoButton")!.GetRawConstantValue());
        Assert.Equal(
            new[] { "Clicked Book a Demo Button: web", "Paid Invoice: api", "Logged In: web,api", "Logged Out: " },
            All(events).Select(e => e.Name + ": " + string.Join(",", e.Sources)));
        Assert.Equal(new[] { "Pricing: " }, All(assembly.GetType("Names.Tracking.Acme+PageNames")!).Select(e => e.Name + ": " + string.Join(",", e.Sources)));
    }

    [Fact]
    public void A_project_of_one_source_still_lists_the_other_sources_names()
    {
        var compilation = GeneratorHarness.Compilation("");
        var driver = GeneratorHarness.CreateDriver(
            new[] { new InMemoryAdditionalText(GeneratorHarness.PlanPath, "sources: [web, api]\nevents:\n  - name: Paid Invoice\n    sources: [api]\n  - name: Logged In\n") },
            source: "web");
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

        string facade = output.SyntaxTrees.Select(t => t.ToString()).Single(t => t.Contains("class RipeAnalytics", StringComparison.Ordinal));
        Assert.DoesNotContain("TrackPaidInvoice", facade);
        Assert.Contains("public const string PaidInvoice = \"Paid Invoice\";", facade);
    }

    [Fact]
    public void Names_the_class_uses_itself_get_the_kind_appended_and_hostile_text_stays_in_its_string_and_comment()
    {
        const string Plan = """
            sources: ["a\"b"]
            events:
              - name: All
              - name: Event Names
              - name: Equals
              - name: "Quote \" */ </summary> \\"
                description: "ends */ </summary> <b>"
                sources: ["a\"b"]
              - name: Pinned
                csharpName: s_0
            pages:
              - name: Names
              - name: All
            """;
        var run = GeneratorHarness.Run(Plan);
        var assembly = Load(run, expectedDiagnostics: 0);
        var events = assembly.GetType("Test.App.Analytics.RipeAnalytics+EventNames")!;
        var pages = assembly.GetType("Test.App.Analytics.RipeAnalytics+PageNames")!;

        var constants = events.GetFields().Where(f => f.IsLiteral).ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);
        Assert.Equal("All", constants["AllEvent"]);
        Assert.Equal("Event Names", constants["EventNamesEvent"]);
        Assert.Equal("Equals", constants["EqualsEvent"]);
        Assert.Equal("Pinned", constants["s_0Event"]);
        Assert.Contains("Quote \" */ </summary> \\", constants.Values);
        Assert.Equal("a\"b", Assert.Single(All(events).Single(e => e.Name.StartsWith("Quote", StringComparison.Ordinal)).Sources));
        Assert.Equal(new[] { "All", "Names" }.OrderBy(n => n), All(pages).Select(p => p.Name).OrderBy(n => n));
        Assert.Contains("/// <summary>ends */ &lt;/summary&gt; &lt;b&gt;</summary>", run.Source("RipeAnalytics.g.cs"));
    }

    private static IEnumerable<(string Name, IReadOnlyList<string> Sources)> All(Type names) =>
        (IEnumerable<(string Name, IReadOnlyList<string> Sources)>)names.GetField("All")!.GetValue(null)!;

    private static Assembly Load(GeneratorRun run, int expectedDiagnostics)
    {
        Assert.Equal(expectedDiagnostics, run.GeneratorDiagnostics.Length);
        Assert.Empty(run.CompilationProblems);
        return run.Load();
    }
}
