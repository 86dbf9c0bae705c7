using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RipeTyped.Generator.Analyzers;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>
/// A large plan compiled once, in its own library: the library generates the types; an app that references it sets
/// <c>RipeTypedGenerate=false</c>, generates nothing and reports none of the plan's own findings, and still has its C#
/// calls judged against the plan.
/// </summary>
public class PlanLibraryTests
{
    private const string PlanPath = "/lib/tracking-plan.yaml";

    // The namespace is the plan's, so the library and the app name the types alike. 'clicked_thing' breaks the
    // event naming convention: a plan finding (RIPE1xxx) that belongs to the library's build.
    private const string Plan = """
        options: { namespace: Shop.Analytics, className: ShopAnalytics }
        events:
          - name: Order Completed
            properties:
              order_id: { type: string, required: true }
          - name: clicked_thing
        """;

    private static readonly Dictionary<string, string> GenerateOff = new() { ["build_property.RipeTypedGenerate"] = "false" };

    [Fact]
    public void With_generation_off_the_generator_adds_no_code_and_reports_nothing()
    {
        var plan = new InMemoryAdditionalText(PlanPath, Plan);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new TrackingPlanGenerator().AsSourceGenerator() }, new[] { plan }, GeneratorHarness.ParseOptions(),
            new TestOptionsProvider("App", globals: GenerateOff));
        driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(""), out _, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Empty(driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources));
    }

    [Fact]
    public async Task An_app_of_a_plan_library_compiles_against_its_types_and_keeps_the_CSharp_rules_only()
    {
        MetadataReference library = BuildLibrary();
        var app = CSharpCompilation.Create("App",
            new[]
            {
                CSharpSyntaxTree.ParseText("""
                    using RipeTyped;
                    using Shop.Analytics;

                    class Checkout
                    {
                        void Typed(ShopAnalytics analytics) => analytics.TrackOrderCompleted(new() { OrderId = "o-1" });

                        void Raw(RipeClient client) => client.Track("Order Complete");
                    }
                    """, GeneratorHarness.ParseOptions()),
            },
            GeneratorHarness.References.Add(library),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(app.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(PlanPath, Plan)), new TestOptionsProvider("App", globals: GenerateOff));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new RawTrackCallAnalyzer(), new TrackingPlanAnalyzer());
        var found = await app.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();

        // The raw call is judged against the plan (a near miss of 'Order Completed'); the plan's naming finding is not repeated here.
        var raw = Assert.Single(found);
        Assert.Equal("RIPE2001", raw.Id);
        Assert.Contains("Order Completed", raw.GetMessage());
    }

    [Fact]
    public async Task The_library_that_generates_reports_the_plans_own_findings()
    {
        var compilation = GeneratorHarness.Compilation("");
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(PlanPath, Plan)), new TestOptionsProvider("Lib"));
        var found = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TrackingPlanAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
        Assert.Contains(found, d => d.Id.StartsWith("RIPE1", System.StringComparison.Ordinal));
    }

    private static MetadataReference BuildLibrary()
    {
        var run = GeneratorHarness.Run(Plan, planPath: PlanPath, rootNamespace: "Lib");
        using var stream = new MemoryStream();
        var result = run.Output.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
