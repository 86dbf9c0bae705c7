using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using RipeTyped.Generator.Pipeline;

namespace RipeTyped.Generator.Tests.Infrastructure;

/// <summary>
/// What every generator run in the tests is checked for (NetEscapades.EnumGenerators' TestHelpers pattern): a second run
/// on an unchanged input reuses every step, and no step output holds symbols, syntax, compilations or locations.
/// </summary>
internal static class PipelineChecks
{
    public static readonly string[] OurSteps =
    {
        TrackingNames.PlanFiles, TrackingNames.ProjectInfo, TrackingNames.PlanModel, TrackingNames.CompilationInfo,
        TrackingNames.Spec, TrackingNames.Diagnostics, TrackingNames.Output, TrackingNames.TypeFiles, TrackingNames.OwnCode,
    };

    /// <summary>Runs <paramref name="driver"/> (already run once) again on a copy of the compilation: nothing may be recomputed.</summary>
    public static void AssertCachedOnSecondRun(GeneratorDriver driver, Compilation compilation)
    {
        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();
        foreach (var step in second.TrackedSteps.Where(s => OurSteps.Contains(s.Key)))
        {
            foreach (var output in step.Value.SelectMany(s => s.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"Step {step.Key} was {output.Reason} on a second run with nothing changed.");
            }
        }

        AssertPlainData(second);
    }

    public static void AssertPlainData(GeneratorRunResult result)
    {
        foreach (var step in result.TrackedSteps.Where(s => OurSteps.Contains(s.Key)))
        {
            foreach (var output in step.Value.SelectMany(s => s.Outputs))
            {
                AssertPlainData(output.Value, step.Key, depth: 0);
            }
        }
    }

    private static void AssertPlainData(object? value, string step, int depth)
    {
        if (value is null || depth > 8 || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or Compilation or Location or SemanticModel or AdditionalText,
            $"Step {step} holds a {value.GetType().Name}; pipeline models must be plain, equatable data.");
        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                AssertPlainData(item, step, depth + 1);
            }

            return;
        }

        if (value.GetType().FullName!.StartsWith("RipeTyped", StringComparison.Ordinal) || value.GetType().Name.StartsWith("ValueTuple", StringComparison.Ordinal))
        {
            foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                AssertPlainData(property.GetValue(value), step, depth + 1);
            }

            foreach (var field in value.GetType().GetFields(BindingFlags.Public | BindingFlags.Instance))
            {
                AssertPlainData(field.GetValue(value), step, depth + 1);
            }
        }
    }
}
