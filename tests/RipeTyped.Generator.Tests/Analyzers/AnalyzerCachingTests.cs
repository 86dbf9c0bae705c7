using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RipeTyped.Generator.Analyzers;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests.Analyzers;

/// <summary>
/// The analyzers parse a plan text once, whatever the number of analyzers, compilations and threads asking, observed
/// from outside: the plan's SourceText counts how often its whole text is read (a parse reads it once).
/// </summary>
[Collection(PlanCacheCollection.Name)]
public class AnalyzerCachingTests
{
    [Fact]
    public async Task Plan_is_parsed_once_across_csharp_edits_and_analyzers()
    {
        var text = new CountingText("events:\n  - name: Clicked Button\n");
        var plan = new CountingAdditionalText("/caching-test/tracking-plan.yaml", text);
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(plan));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new TrackingPlanAnalyzer(), new RawTrackCallAnalyzer());
        var first = GeneratorHarness.Compilation("class A { }");
        var edited = first.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { void M(RipeTyped.RipeClient c) => c.Track(\"Clicked Button\"); }", GeneratorHarness.ParseOptions()));

        var before = await first.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
        var after = await edited.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();

        Assert.Contains(before, d => d.Id == "RIPE1001");
        Assert.Contains(after, d => d.Id == "RIPE2003");
        Assert.Equal(1, text.WholeTextReads);
    }

    [Fact]
    public void Concurrent_analyzers_share_one_parse_and_never_throw()
    {
        for (int round = 0; round < 20; round++)
        {
            var text = new CountingText("events:\n  - name: Clicked Button\n    properties: { a: string }\n");
            var plan = new CountingAdditionalText($"/race-{round}/tracking-plan.yaml", text);
            var results = new AnalyzedPlan[32];
            using var start = new Barrier(results.Length);
            var threads = Enumerable.Range(0, results.Length).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                results[i] = AnalyzedPlan.Get(plan, "App", CancellationToken.None)!;
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            Assert.Equal(1, text.WholeTextReads);
            Assert.All(results, r => Assert.Same(results[0], r));
        }
    }

    [Fact]
    public void Another_namespace_or_text_is_another_plan()
    {
        var text = new CountingText("events:\n  - name: Clicked Button\n");
        var plan = new CountingAdditionalText("/ns-test/tracking-plan.yaml", text);

        var app = AnalyzedPlan.Get(plan, "App", CancellationToken.None)!;
        var other = AnalyzedPlan.Get(plan, "Other", CancellationToken.None)!;
        var edited = AnalyzedPlan.Get(new CountingAdditionalText(plan.Path, new CountingText("events:\n  - name: Clicked Link\n")), "App", CancellationToken.None)!;

        Assert.NotSame(app, other);
        Assert.Equal("Other.RipeAnalytics", other.FacadeMetadataName);
        Assert.Equal("Clicked Link", edited.Plan.Events.Single().Name);
        Assert.Same(app, AnalyzedPlan.Get(plan, "App", CancellationToken.None));
    }

    [Fact]
    public async Task Generator_and_analyzers_share_one_parse_of_a_plan_edit()
    {
        // As in a build or the IDE: the generator and the analyzers of one compilation get the same plan text.
        var text = new CountingText("events:\n  - name: Clicked button\n    properties: { button: string }\n");
        var plan = new CountingAdditionalText("/shared-parse/tracking-plan.yaml", text);
        var compilation = GeneratorHarness.Compilation("class A { void M(Test.App.Analytics.RipeAnalytics a) => a.TrackClickedButton(new() { Button = \"x\" }); }");
        GeneratorHarness.CreateDriver(plan).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new TrackingPlanAnalyzer(), new RawTrackCallAnalyzer());
        var analyzerDiagnostics = await generated.WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(plan), new TestOptionsProvider("Test.App"))).GetAnalyzerDiagnosticsAsync();

        Assert.Empty(generatorDiagnostics);
        Assert.DoesNotContain(generated.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(analyzerDiagnostics, d => d.Id == "RIPE1001");
        Assert.Equal(1, text.WholeTextReads);
    }

    [Fact]
    public void A_re_read_plan_with_the_same_text_is_not_parsed_again()
    {
        // A host that re-reads an unchanged file hands over a new SourceText with the same content: the same loaded plan.
        const string Plan = "events:\n  - name: Clicked Button\n";
        var first = AnalyzedPlan.Get(new CountingAdditionalText("/re-read/tracking-plan.yaml", new CountingText(Plan)), "App", CancellationToken.None);
        var second = AnalyzedPlan.Get(new CountingAdditionalText("/re-read/tracking-plan.yaml", new CountingText(Plan)), "App", CancellationToken.None);

        Assert.NotNull(first);
        Assert.Same(first, second);
    }

    [Fact]
    public void The_content_cache_keeps_only_the_last_few_plans()
    {
        // Many projects and edits in one process: the cache by content holds a bounded number of plans, newest kept.
        var files = Enumerable.Range(0, RipeTyped.Generator.Loading.PlanAnalysisCache.ContentCapacity + 1)
            .Select(i => new[] { new RipeTyped.Generator.Plan.PlanText($"/bounded-{i}/tracking-plan.yaml", $"events:\n  - name: Event {i}\n") })
            .ToList();
        var first = RipeTyped.Generator.Loading.PlanAnalysisCache.Get(files[0], "App", null);
        foreach (var later in files.Skip(1))
        {
            RipeTyped.Generator.Loading.PlanAnalysisCache.Get(later, "App", null);
        }

        // Evicted, so loaded again. (Other tests load plans in parallel: they can only evict more, never keep it.)
        Assert.NotSame(first, RipeTyped.Generator.Loading.PlanAnalysisCache.Get(files[0], "App", null));
    }

    [Fact]
    public void An_edit_replaces_the_plans_previous_version_in_the_content_cache()
    {
        // A large plan edited many times keeps one version alive, not the last eight; another project's plan stays.
        var other = new[] { new RipeTyped.Generator.Plan.PlanText("/versions-other/tracking-plan.yaml", "events:\n  - name: Other Event\n") };
        var version1 = new[] { new RipeTyped.Generator.Plan.PlanText("/versions/tracking-plan.yaml", "events:\n  - name: Event One\n") };
        var version2 = new[] { new RipeTyped.Generator.Plan.PlanText("/versions/tracking-plan.yaml", "events:\n  - name: Event Two\n") };
        var otherLoad = RipeTyped.Generator.Loading.PlanAnalysisCache.Get(other, "App", null);
        var first = RipeTyped.Generator.Loading.PlanAnalysisCache.Get(version1, "App", null);
        var edited = RipeTyped.Generator.Loading.PlanAnalysisCache.Get(version2, "App", null);

        Assert.Same(edited, RipeTyped.Generator.Loading.PlanAnalysisCache.Get(version2, "App", null));
        Assert.NotSame(first, RipeTyped.Generator.Loading.PlanAnalysisCache.Get(version1, "App", null));
        Assert.Same(otherLoad, RipeTyped.Generator.Loading.PlanAnalysisCache.Get(other, "App", null));
    }

    private sealed class CountingAdditionalText(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}

/// <summary>Tests of the process-wide plan cache run alone: other tests' plans would evict entries under their feet.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PlanCacheCollection
{
    public const string Name = "Plan cache";
}
