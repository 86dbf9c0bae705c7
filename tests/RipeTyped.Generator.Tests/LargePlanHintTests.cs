using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>RIPE1012: a plan large enough to be worth its own library is pointed out in an app, never in that library.</summary>
public class LargePlanHintTests
{
    private static string Plan(int events) =>
        "version: 1\nevents:\n" + string.Concat(Enumerable.Range(0, events).Select(i => $"  - name: Completed Step {i}\n    description: Step {i} was completed.\n"));

    private static Diagnostic[] Hints(GeneratorRun run) => run.GeneratorDiagnostics.Where(d => d.Id == "RIPE1012").ToArray();

    [Fact]
    public void An_app_compiling_a_plan_of_200_calls_is_told_once_with_the_count()
    {
        var run = GeneratorHarness.Run(Plan(200), "namespace App { public static class Checkout { } }");

        var hint = Assert.Single(Hints(run));
        Assert.Equal(DiagnosticSeverity.Info, hint.Severity);
        Assert.Contains("200 typed calls", hint.GetMessage());
        Assert.Contains("ripe-typed init --library", hint.GetMessage());
        Assert.EndsWith("tracking-plan.yaml", hint.Location.GetLineSpan().Path);
    }

    [Fact]
    public void A_smaller_plan_gets_no_hint()
    {
        var run = GeneratorHarness.Run(Plan(199), "namespace App { public static class Checkout { } }");

        Assert.Empty(Hints(run));
    }

    [Fact]
    public void A_library_that_holds_only_the_plan_gets_no_hint()
    {
        // What the SDK compiles in a project without .cs files of its own: generated files under obj/ only.
        var compilation = CSharpCompilation.Create(
            "Shop.Analytics",
            new[] { CSharpSyntaxTree.ParseText("global using global::System;", GeneratorHarness.ParseOptions(), path: "/lib/obj/Debug/net10.0/Shop.Analytics.GlobalUsings.g.cs") },
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = GeneratorHarness.CreateDriver(Plan(300)).RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        PipelineChecks.AssertCachedOnSecondRun(driver, compilation);

        Assert.DoesNotContain(diagnostics, d => d.Id == "RIPE1012");
        Assert.NotEmpty(driver.GetRunResult().GeneratedTrees); // the library does generate the plan's code
    }
}
