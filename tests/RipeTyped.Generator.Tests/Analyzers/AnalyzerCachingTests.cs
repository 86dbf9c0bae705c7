using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RipeTyped.Generator.Analyzers;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests.Analyzers;

public class AnalyzerCachingTests
{
    [Fact]
    public async Task Plan_is_parsed_once_across_csharp_edits_and_analyzers()
    {
        const string path = "/caching-test/tracking-plan.yaml";
        var plan = new InMemoryAdditionalText(path, "events:\n  - name: Clicked Button\n");
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(plan));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new TrackingPlanAnalyzer(), new RawTrackCallAnalyzer());
        var first = GeneratorHarness.Compilation("class A { }");
        var edited = first.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { void M(RipeTyped.RipeClient c) => c.Track(\"Clicked Button\"); }", GeneratorHarness.ParseOptions()));

        var before = await first.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
        var after = await edited.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();

        Assert.Contains(before, d => d.Id == "RIPE1001");
        Assert.Contains(after, d => d.Id == "RIPE2003");
        Assert.Equal(1, AnalyzedPlan.ParseCounts[path]);
    }
}
