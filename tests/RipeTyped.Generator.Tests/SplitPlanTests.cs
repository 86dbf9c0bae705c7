using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RipeTyped.Generator.Analyzers;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>
/// Team-scale plans: one plan in several files (each diagnostic on its own file's line), sources that decide what each
/// project gets (a call of another source's event is RIPE2005), and the plan's version as a constant.
/// </summary>
public class SplitPlanTests
{
    private const string Main = """
        version: 1
        planVersion: 2.3.0
        owner: growth
        sources: [web, billing-api]
        definitions:
          plan_tier: { type: enum, values: [free, pro] }
        events:
          - name: Clicked Upgrade Button
            sources: [web]
            properties: { tier: { $ref: plan_tier } }
          - name: Signed Up
        """;

    private const string Billing = """
        version: 1
        owner: billing
        events:
          - name: Paid Invoice
            sources: [billing-api]
            properties:
              tier: { $ref: plan_tier, required: true }
              amount: { type: number, required: true }
        """;

    private static (GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(string? source, string code, params (string Path, string Text)[] files)
    {
        var compilation = GeneratorHarness.Compilation(code);
        var driver = GeneratorHarness.CreateDriver(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)), source);
        var ran = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        PipelineChecks.AssertCachedOnSecondRun(ran, compilation);
        return (ran, output, diagnostics);
    }

    private static IEnumerable<string> Members(Compilation compilation, string type) =>
        compilation.GetTypeByMetadataName("Test.App.Analytics." + type)!.GetMembers().Select(m => m.Name);

    [Fact]
    public void Two_files_form_one_plan_with_definitions_shared_across_them()
    {
        var (_, output, diagnostics) = Run(null, "", ("/repo/tracking-plan.yaml", Main), ("/repo/billing.tracking-plan.yaml", Billing));

        Assert.Empty(diagnostics);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("TrackPaidInvoice", Members(output, "RipeAnalytics"));
        Assert.Contains("TrackClickedUpgradeButton", Members(output, "RipeAnalytics"));
        Assert.Contains("Tier", Members(output, "PaidInvoiceProperties")); // $ref to a definition of the other file
    }

    [Fact]
    public void A_source_project_gets_only_its_calls_and_the_plan_version()
    {
        var (_, web, _) = Run("web", "", ("/repo/tracking-plan.yaml", Main), ("/repo/billing.tracking-plan.yaml", Billing));
        var (_, billing, _) = Run("billing-api", "", ("/repo/tracking-plan.yaml", Main), ("/repo/billing.tracking-plan.yaml", Billing));

        Assert.Contains("TrackClickedUpgradeButton", Members(web, "RipeAnalytics"));
        Assert.Contains("TrackSignedUp", Members(web, "RipeAnalytics")); // no sources: every source's
        Assert.DoesNotContain("TrackPaidInvoice", Members(web, "RipeAnalytics"));
        Assert.Null(web.GetTypeByMetadataName("Test.App.Analytics.PaidInvoiceProperties"));
        Assert.Contains("TrackPaidInvoice", Members(billing, "RipeAnalytics"));
        Assert.DoesNotContain("TrackClickedUpgradeButton", Members(billing, "RipeAnalytics"));

        var facade = web.GetTypeByMetadataName("Test.App.Analytics.RipeAnalytics")!;
        Assert.Equal("2.3.0", facade.GetMembers("PlanVersion").OfType<IFieldSymbol>().Single().ConstantValue);
        Assert.Equal("web", facade.GetMembers("Source").OfType<IFieldSymbol>().Single().ConstantValue);
    }

    [Fact]
    public async Task Calling_another_sources_event_is_RIPE2005_naming_its_source()
    {
        const string Code = "class C { void M(Test.App.Analytics.RipeAnalytics a) => a.TrackPaidInvoice(new() { Amount = 1 }); }";
        var main = new InMemoryAdditionalText("/repo/tracking-plan.yaml", Main);
        var billing = new InMemoryAdditionalText("/repo/billing.tracking-plan.yaml", Billing);
        var (_, output, _) = Run("web", Code, ("/repo/tracking-plan.yaml", Main), ("/repo/billing.tracking-plan.yaml", Billing));
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(main, billing), new TestOptionsProvider("Test.App", source: "web"));

        var diagnostics = await output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RawTrackCallAnalyzer()), options).GetAnalyzerDiagnosticsAsync();

        Assert.Contains(output.GetDiagnostics(), d => d.Id == "CS1061"); // not generated here: a compile error
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "RIPE2005");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("'Paid Invoice' is implemented by billing-api", diagnostic.GetMessage());
        Assert.Contains("source 'web'", diagnostic.GetMessage());
        Assert.Equal("TrackPaidInvoice", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public void A_name_defined_in_two_files_is_RIPE0017_at_both_places()
    {
        const string Other = "version: 1\nplanVersion: 3.0.0\ndefinitions:\n  plan_tier: string\nevents:\n  - name: Signed Up\n";

        var (_, output, diagnostics) = Run(null, "", ("/repo/tracking-plan.yaml", Main), ("/repo/other.tracking-plan.yaml", Other));

        var conflicts = diagnostics.Where(d => d.Id == "RIPE0017").Select(d => (Path: d.Location.GetLineSpan().Path, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1)).OrderBy(x => x).ToList();
        Assert.Equal(
            new[] { ("/repo/other.tracking-plan.yaml", 2), ("/repo/other.tracking-plan.yaml", 4), ("/repo/other.tracking-plan.yaml", 6), ("/repo/tracking-plan.yaml", 2), ("/repo/tracking-plan.yaml", 6), ("/repo/tracking-plan.yaml", 11) },
            conflicts);
        Assert.Contains(diagnostics, d => d.Id == "RIPE0017" && d.GetMessage().Contains("Event 'Signed Up' is also defined in tracking-plan.yaml (line 11)"));
        Assert.Single(output.GetTypeByMetadataName("Test.App.Analytics.RipeAnalytics")!.GetMembers("TrackSignedUp"));
    }

    [Fact]
    public void Diagnostics_land_on_their_own_files_lines()
    {
        const string Broken = "version: 1\nevents:\n  - name: Paid Invoice\n    sources: [billing]\n    properties: { amount: money }\n";

        var (_, _, diagnostics) = Run(null, "", ("/repo/tracking-plan.yaml", Main), ("/repo/billing.tracking-plan.yaml", Broken));

        var unknownSource = Assert.Single(diagnostics, d => d.Id == "RIPE0018");
        Assert.Equal(("/repo/billing.tracking-plan.yaml", 3), (unknownSource.Location.GetLineSpan().Path, unknownSource.Location.GetLineSpan().StartLinePosition.Line));
        Assert.Contains("web, billing-api", unknownSource.GetMessage());
        var unknownType = Assert.Single(diagnostics, d => d.Id == "RIPE0004");
        Assert.Equal(("/repo/billing.tracking-plan.yaml", 4), (unknownType.Location.GetLineSpan().Path, unknownType.Location.GetLineSpan().StartLinePosition.Line));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("1.2")]
    [InlineData("v1.2.3")]
    [InlineData("01.2.3")]
    public void A_plan_version_that_is_not_semver_is_RIPE0019(string version)
    {
        var run = GeneratorHarness.Run($"version: 1\nplanVersion: \"{version}\"\nevents:\n  - name: Signed Up\n");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "RIPE0019");
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain("PlanVersion", run.Source("RipeAnalytics.g.cs"));
    }

    [Fact]
    public async Task The_plan_analyzer_reports_each_files_findings_on_that_file()
    {
        const string Part = "version: 1\nevents:\n  - name: clicked button\n    properties: { button: { type: enum, values: [a, b] } }\n";
        var main = new InMemoryAdditionalText("/repo/tracking-plan.yaml", Main);
        var part = new InMemoryAdditionalText("/repo/ui.tracking-plan.yaml", Part);
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(main, part), new TestOptionsProvider("Test.App"));

        var diagnostics = await GeneratorHarness.Compilation("class A { }")
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TrackingPlanAnalyzer()), options).GetAnalyzerDiagnosticsAsync();

        var flattened = Assert.Single(diagnostics, d => d.Id == "RIPE1001");
        Assert.Equal(("/repo/ui.tracking-plan.yaml", 2), (flattened.Location.GetLineSpan().Path, flattened.Location.GetLineSpan().StartLinePosition.Line));
        Assert.Single(diagnostics.Where(d => d.Id == "RIPE1001")); // reported once, not once per file
    }

    [Fact]
    public async Task The_never_tracked_report_lists_only_the_projects_own_events()
    {
        var main = new InMemoryAdditionalText("/repo/tracking-plan.yaml", Main);
        var billing = new InMemoryAdditionalText("/repo/billing.tracking-plan.yaml", Billing);
        var (_, output, _) = Run("web", "", ("/repo/tracking-plan.yaml", Main), ("/repo/billing.tracking-plan.yaml", Billing));
        var enabled = output.WithOptions(output.Options.WithSpecificDiagnosticOptions(
            output.Options.SpecificDiagnosticOptions.SetItem("RIPE2004", ReportDiagnostic.Warn)));
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(main, billing), new TestOptionsProvider("Test.App", source: "web"));

        var diagnostics = await enabled.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RawTrackCallAnalyzer()), options).GetAnalyzerDiagnosticsAsync();

        var neverTracked = diagnostics.Where(d => d.Id == "RIPE2004").Select(d => d.GetMessage()).OrderBy(m => m).ToList();
        Assert.Equal(2, neverTracked.Count);
        Assert.Contains(neverTracked, m => m.Contains("'Clicked Upgrade Button'"));
        Assert.Contains(neverTracked, m => m.Contains("'Signed Up'"));
    }

    [Fact]
    public void A_project_source_the_plan_does_not_list_is_RIPE0020()
    {
        var (_, output, diagnostics) = Run("webb", "", ("/repo/tracking-plan.yaml", Main), ("/repo/billing.tracking-plan.yaml", Billing));

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "RIPE0020");
        Assert.Equal(("/repo/tracking-plan.yaml", 3), (diagnostic.Location.GetLineSpan().Path, diagnostic.Location.GetLineSpan().StartLinePosition.Line));
        Assert.Contains("'webb'", diagnostic.GetMessage());
        Assert.DoesNotContain("TrackClickedUpgradeButton", Members(output, "RipeAnalytics"));
    }
}
