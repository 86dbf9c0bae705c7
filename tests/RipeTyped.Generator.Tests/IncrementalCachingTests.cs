using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RipeTyped.Generator.Pipeline;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>Editing C# must not re-read the plan; editing the plan must.</summary>
public class IncrementalCachingTests
{
    private static readonly string Plan = GeneratorHarness.ReadPlan("representative.yaml");

    private static GeneratorRunResult RunTwice(Func<GeneratorDriver, Compilation, (GeneratorDriver, Compilation)> change)
    {
        var compilation = GeneratorHarness.Compilation("public class UserCode { }");
        var driver = GeneratorHarness.CreateDriver(Plan).RunGenerators(compilation);
        var (changedDriver, changedCompilation) = change(driver, compilation);
        return changedDriver.RunGenerators(changedCompilation).GetRunResult().Results.Single();
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Fact]
    public void Editing_csharp_reuses_the_parsed_plan_and_skips_emission()
    {
        var result = RunTwice((driver, compilation) =>
            (driver, compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class MoreCode { }", GeneratorHarness.ParseOptions()))));

        Assert.All(Reasons(result, TrackingNames.PlanFiles), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(result, TrackingNames.PlanModel), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(Reasons(result, TrackingNames.Output), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(Reasons(result, TrackingNames.TypeFiles), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void Editing_one_event_re_emits_only_that_events_type()
    {
        var compilation = GeneratorHarness.Compilation("public class UserCode { }");
        var planText = new InMemoryAdditionalText(GeneratorHarness.PlanPath, Plan);
        var driver = GeneratorHarness.CreateDriver(planText).RunGenerators(compilation);
        string edited = Plan.Replace("description: \"The order's id\"", "description: \"The order's id, as shown to the customer\"");
        Assert.NotEqual(Plan, edited);

        driver = driver.ReplaceAdditionalText(planText, new InMemoryAdditionalText(GeneratorHarness.PlanPath, edited));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var outputs = result.TrackedSteps[TrackingNames.TypeFiles].SelectMany(s => s.Outputs).ToList();
        var modified = outputs.Where(o => o.Reason != IncrementalStepRunReason.Unchanged && o.Reason != IncrementalStepRunReason.Cached).ToList();
        var changed = Assert.Single(modified);
        Assert.Equal(IncrementalStepRunReason.Modified, changed.Reason);
        Assert.Equal("OrderCompletedProperties", ((RipeTyped.Generator.Emit.TypeFile)changed.Value).Type.Name);
        Assert.True(outputs.Count > 3, "the plan has several generated types");
        Assert.Contains("as shown to the customer", result.GeneratedSources.Single(s => s.HintName == "OrderCompletedProperties.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Editing_one_variant_re_emits_only_that_variants_type()
    {
        const string Variants = """
            events:
              - name: Signed Up
                properties: { method: { type: enum, values: [email, sso], required: true }, referrer: string }
                variants:
                  - csharpName: WithEmail
                    when: { method: email }
                    properties: { email: { type: string, description: Where the link goes } }
                  - csharpName: WithSso
                    when: { method: sso }
                    properties: { provider: string }
            """;
        var compilation = GeneratorHarness.Compilation("public class UserCode { }");
        var planText = new InMemoryAdditionalText(GeneratorHarness.PlanPath, Variants);
        var driver = GeneratorHarness.CreateDriver(planText).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(planText, new InMemoryAdditionalText(GeneratorHarness.PlanPath, Variants.Replace("Where the link goes", "Where the sign-in link goes")));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var outputs = result.TrackedSteps[TrackingNames.TypeFiles].SelectMany(s => s.Outputs).ToList();
        var changed = Assert.Single(outputs, o => o.Reason != IncrementalStepRunReason.Unchanged && o.Reason != IncrementalStepRunReason.Cached);
        Assert.Equal("SignedUpWithEmailProperties", ((RipeTyped.Generator.Emit.TypeFile)changed.Value).Type.Name);
        Assert.Equal(3, outputs.Count);
    }

    [Fact]
    public void Editing_the_plan_rebuilds_the_model()
    {
        var compilation = GeneratorHarness.Compilation("public class UserCode { }");
        var planText = new InMemoryAdditionalText(GeneratorHarness.PlanPath, Plan);
        var driver = GeneratorHarness.CreateDriver(planText).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(planText, new InMemoryAdditionalText(GeneratorHarness.PlanPath, Plan + "\n  - name: Added Later\n"));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.PlanModel));
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("TrackAddedLater", StringComparison.Ordinal));
    }

    [Fact]
    public void A_line_shift_re_reports_diagnostics_and_re_emits_no_source()
    {
        // One property with an unknown type: a diagnostic whose line moves when a comment is added above it.
        const string Shifted = "version: 1\nevents:\n  - name: Opened Thing\n    properties:\n      id: { type: unknown-type }\n      name: string\n  - name: Closed Thing\n";
        var compilation = GeneratorHarness.Compilation("public class UserCode { }");
        var planText = new InMemoryAdditionalText(GeneratorHarness.PlanPath, Shifted);
        var driver = GeneratorHarness.CreateDriver(planText).RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single();

        driver = driver.ReplaceAdditionalText(planText, new InMemoryAdditionalText(GeneratorHarness.PlanPath, "# A comment moves every line down.\n" + Shifted));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.PlanModel));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.Diagnostics));
        Assert.All(Reasons(result, TrackingNames.Spec), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        Assert.All(Reasons(result, TrackingNames.Output), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(Reasons(result, TrackingNames.TypeFiles), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.True(before.GeneratedSources.Length > 1);
        Assert.Equal(before.GeneratedSources.Select(s => s.SourceText.ToString()), result.GeneratedSources.Select(s => s.SourceText.ToString()));
    }

    [Fact]
    public void A_line_shift_moves_the_reported_diagnostics()
    {
        string plan = "version: 1\nevents:\n  - name: Opened Thing\n    properties: { id: { type: unknown-type } }\n";
        var compilation = GeneratorHarness.Compilation("public class UserCode { }");
        var planText = new InMemoryAdditionalText(GeneratorHarness.PlanPath, plan);
        var driver = GeneratorHarness.CreateDriver(planText).RunGenerators(compilation);
        int lineBefore = Assert.Single(driver.GetRunResult().Diagnostics, d => d.Id == "RIPE0004").Location.GetLineSpan().StartLinePosition.Line;

        driver = driver.ReplaceAdditionalText(planText, new InMemoryAdditionalText(GeneratorHarness.PlanPath, "# moved\n" + plan));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.Diagnostics));
        Assert.Equal(lineBefore + 1, Assert.Single(result.Diagnostics, d => d.Id == "RIPE0004").Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Pipeline_outputs_hold_no_symbols_syntax_or_compilations()
    {
        var result = RunTwice((driver, compilation) => (driver, compilation));
        var ours = new[] { TrackingNames.PlanFiles, TrackingNames.ProjectInfo, TrackingNames.PlanModel, TrackingNames.CompilationInfo, TrackingNames.Spec, TrackingNames.Diagnostics, TrackingNames.Output, TrackingNames.TypeFiles };
        Assert.All(ours, name => Assert.True(result.TrackedSteps.ContainsKey(name), name));
        PipelineChecks.AssertPlainData(result);
    }
}
