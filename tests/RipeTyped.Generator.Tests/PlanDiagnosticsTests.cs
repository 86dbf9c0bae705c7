using System.Linq;
using Microsoft.CodeAnalysis;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>Bad plans give RIPE diagnostics at the right YAML line and column, and never broken code.</summary>
public class PlanDiagnosticsTests
{
    private static Diagnostic Single(GeneratorRun run, string id)
    {
        Assert.Empty(run.Exceptions);
        Assert.DoesNotContain(run.CompilationProblems, d => !d.Id.StartsWith("RIPE", System.StringComparison.Ordinal));
        return Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
    }

    private static (int Line, int Column) Position(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.PlanPath, span.Path);
        return (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    [Fact]
    public void Yaml_syntax_error_is_RIPE0001_at_its_line()
    {
        string path = GeneratorHarness.FreshPlanPath();
        var run = GeneratorHarness.Run("events:\n  - name: A\n    properties: {a: string\n", planPath: path);
        var diagnostic = Single(run, "RIPE0001");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(path, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void While_the_yaml_is_broken_the_last_readable_version_stays_generated()
    {
        string path = GeneratorHarness.FreshPlanPath();
        var compilation = GeneratorHarness.Compilation("class A { void M(Test.App.Analytics.RipeAnalytics a) => a.TrackSignedUp(new() { Plan = \"pro\" }); }");
        var plan = new InMemoryAdditionalText(path, "events:\n  - name: Signed Up\n    properties: { plan: string }\n");
        var driver = GeneratorHarness.CreateDriver(plan).RunGenerators(compilation);
        var typing = new InMemoryAdditionalText(path, "events:\n  - name: Signed Up\n    properties: { plan: string\n  - name: Logged In\n");

        driver = driver.ReplaceAdditionalText(plan, typing).RunGeneratorsAndUpdateCompilation(compilation, out var whileBroken, out var brokenDiagnostics);

        Assert.Equal("RIPE0001", Assert.Single(brokenDiagnostics).Id);
        Assert.DoesNotContain(whileBroken.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);

        driver = driver.ReplaceAdditionalText(typing, new InMemoryAdditionalText(path, "events:\n  - name: Signed Up\n    properties: { plan: integer }\n"))
            .RunGeneratorsAndUpdateCompilation(compilation, out var fixedUp, out var fixedDiagnostics);
        Assert.Empty(fixedDiagnostics);
        Assert.Contains(fixedUp.GetDiagnostics(), d => d.Id == "CS0029");
    }

    [Fact]
    public void Unknown_key_is_RIPE0002_at_the_key()
    {
        var run = GeneratorHarness.Run("events:\n  - name: Signed Up\n    properties:\n      plan: { type: string, requird: true }\n");
        var diagnostic = Single(run, "RIPE0002");
        Assert.Equal((4, 29), Position(diagnostic));
        Assert.Contains("requird", diagnostic.GetMessage());
    }

    [Fact]
    public void Wrong_type_name_is_RIPE0004_and_the_property_is_left_out()
    {
        var run = GeneratorHarness.Run("events:\n  - name: Signed Up\n    properties:\n      seats: int\n      plan: string\n");
        var diagnostic = Single(run, "RIPE0004");
        Assert.Equal((4, 14), Position(diagnostic));
        var type = run.Output.GetTypeByMetadataName("Test.App.Analytics.SignedUpProperties");
        Assert.NotNull(type);
        var properties = type!.GetMembers().OfType<IPropertySymbol>().Where(p => p.DeclaredAccessibility == Accessibility.Public).Select(p => p.Name).ToList();
        Assert.Equal(new[] { "Plan" }, properties); // the well-typed property stays, the ill-typed one is left out
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("RIPE", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void Unknown_definition_is_RIPE0006()
    {
        var run = GeneratorHarness.Run("events:\n  - name: A\n    properties:\n      plan: { $ref: plan_teir }\n");
        Assert.Equal((4, 21), Position(Single(run, "RIPE0006")));
    }

    [Fact]
    public void Exact_duplicate_event_is_RIPE0007_and_generated_once()
    {
        var run = GeneratorHarness.Run("events:\n  - name: Signed Up\n  - name: Signed Up\n");
        Assert.Equal((3, 11), Position(Single(run, "RIPE0007")));
        Assert.Single(run.Source("RipeAnalytics.g.cs").Split("public void TrackSignedUp(").Skip(1));
    }

    [Fact]
    public void Names_colliding_after_flattening_are_RIPE1010_and_both_get_code()
    {
        var run = GeneratorHarness.Run("events:\n  - name: Signed Up\n  - name: signed-up\n");
        var diagnostic = Single(run, "RIPE1010");
        Assert.Equal((3, 11), Position(diagnostic));
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("'TrackSignedUp'", diagnostic.GetMessage());
        Assert.Contains("'Track_signed_up'", diagnostic.GetMessage());
        string facade = run.Source("RipeAnalytics.g.cs");
        Assert.Contains("public void TrackSignedUp(", facade);
        Assert.Contains("public void Track_signed_up(", facade);
        Assert.Contains("_client.Track(\"signed-up\"", facade);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Colliding_property_names_are_RIPE1010()
    {
        var run = GeneratorHarness.Run("events:\n  - name: A\n    properties:\n      source_page: string\n      sourcePage: string\n");
        Assert.Equal((5, 7), Position(Single(run, "RIPE1010")));
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Unusable_csharpName_is_RIPE1011_and_the_name_is_derived()
    {
        var run = GeneratorHarness.Run("events:\n  - name: Signed Up\n    csharpName: class\n");
        Assert.Equal((3, 17), Position(Single(run, "RIPE1011")));
        Assert.Contains("public void TrackSignedUp(", run.Source("RipeAnalytics.g.cs"));
    }

    [Fact]
    public void Invalid_regex_is_RIPE0009()
    {
        var run = GeneratorHarness.Run("events:\n  - name: A\n    properties:\n      p: { type: string, pattern: \"([a-z\" }\n");
        Assert.Equal((4, 35), Position(Single(run, "RIPE0009")));
    }

    [Fact]
    public void Constraint_on_the_wrong_type_is_RIPE0009()
    {
        var run = GeneratorHarness.Run("events:\n  - name: A\n    properties:\n      p: { type: boolean, minimum: 1 }\n");
        Assert.Equal((4, 27), Position(Single(run, "RIPE0009")));
    }

    [Fact]
    public void Empty_event_name_is_RIPE0010()
    {
        var run = GeneratorHarness.Run("events:\n  - name: \"  \"\n");
        Assert.Equal((2, 11), Position(Single(run, "RIPE0010")));
    }

    [Fact]
    public void Unsupported_version_is_RIPE0013()
    {
        Assert.Equal((1, 10), Position(Single(GeneratorHarness.Run("version: 2\n"), "RIPE0013")));
    }

    [Fact]
    public void Invalid_namespace_option_is_RIPE0014_and_the_default_is_used()
    {
        var run = GeneratorHarness.Run("options:\n  namespace: 1bad.ns\nevents:\n  - name: A\n");
        Assert.Equal((2, 14), Position(Single(run, "RIPE0014")));
        Assert.Contains("namespace Test.App.Analytics", run.Source("RipeAnalytics.g.cs"));
    }

    [Fact]
    public void Circular_definitions_are_RIPE0015()
    {
        var run = GeneratorHarness.Run("definitions:\n  a: { $ref: b }\n  b: { $ref: a }\nevents:\n  - name: E\n    properties:\n      x: { $ref: a }\n");
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "RIPE0015");
        Assert.Empty(run.Exceptions);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Every_definition_on_a_cycle_is_reported_once_and_a_chain_into_it_is_not()
    {
        // lead → a → b → c → a, and self → self.
        var run = GeneratorHarness.Run(
            "definitions:\n  lead: { $ref: a }\n  a: { $ref: b }\n  b: { $ref: c }\n  c: { $ref: a }\n  self: { $ref: self }\n  fine: { type: string }\n" +
            "events:\n  - name: E\n    properties:\n      x: { $ref: lead }\n      y: { $ref: fine }\n");

        var circular = run.GeneratorDiagnostics.Where(d => d.Id == "RIPE0015").Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).OrderBy(l => l);
        Assert.Equal(new[] { 3, 4, 5, 6 }, circular);
        Assert.Empty(run.Exceptions);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Language_version_below_11_is_RIPE0012_and_nothing_is_emitted()
    {
        var run = GeneratorHarness.Run("events:\n  - name: A\n", version: Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp10);
        Assert.Single(run.GeneratorDiagnostics, d => d.Id == "RIPE0012");
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Wrong_shape_is_RIPE0003()
    {
        var run = GeneratorHarness.Run("events:\n  name: A\n");
        Assert.Equal((2, 3), Position(Single(run, "RIPE0003")));
    }

    [Fact]
    public void Every_descriptor_has_a_doc_page()
    {
        var ids = typeof(RipeTyped.Generator.TrackingPlanGenerator).Assembly.GetType("RipeTyped.Generator.Diagnostics.RipeDiagnostics")!
            .GetFields().Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id).ToList();
        Assert.NotEmpty(ids);
        foreach (string id in ids)
        {
            Assert.True(System.IO.File.Exists(RepositoryFiles.Path($"docs/diagnostics/{id}.md")), $"docs/diagnostics/{id}.md is missing");
        }
    }
}
