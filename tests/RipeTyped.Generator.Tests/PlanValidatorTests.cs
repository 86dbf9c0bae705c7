using System.Collections.Generic;
using System.Linq;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Plan;

namespace RipeTyped.Generator.Tests;

/// <summary>Shape, then meaning: the validator builds a new plan of the sound items and leaves the plan as read untouched.</summary>
public class PlanValidatorTests
{
    private const string Plan = """
        version: 1
        definitions:
          tier: { type: enum, values: [free, pro, pro, ""] }
          loop_a: { $ref: loop_b }
          loop_b: { $ref: loop_a }
        events:
          - name: Signed Up
            properties:
              tier: { $ref: tier, required: true }
              code: { type: string, pattern: "[" }
              "": string
          - name: Signed Up
          - name: ""
        """;

    [Fact]
    public void Validation_leaves_the_read_plan_as_written()
    {
        var diagnostics = new List<PlanDiagnostic>();
        TrackingPlan read = PlanReader.Read(Plan, "plan.yaml", diagnostics);
        string before = Describe(read);

        ValidatedPlan valid = PlanValidator.Validate(read, diagnostics);

        Assert.Equal(before, Describe(read));
        Assert.NotSame(read, valid.Content);
        Assert.Equal(3, read.Events.Count);
    }

    [Fact]
    public void The_validated_plan_holds_only_sound_items_with_references_resolved()
    {
        var diagnostics = new List<PlanDiagnostic>();
        ValidatedPlan valid = PlanValidator.Validate(PlanReader.Read(Plan, "plan.yaml", diagnostics), diagnostics);

        var signedUp = Assert.Single(valid.Events);
        Assert.Equal(new[] { "tier", "code" }, signedUp.Properties.Select(p => p.Name));
        Assert.Equal(valid.Definitions.Single(d => d.Name == "tier"), valid.FinalRef(signedUp.Properties[0].Schema));
        Assert.True(valid.IsRequired(signedUp.Properties[0].Schema));
        Assert.Null(signedUp.Properties[1].Schema.Pattern);
        Assert.Equal(new[] { "free", "pro" }, valid.Definitions.Single(d => d.Name == "tier").Schema.EnumValues.Select(v => v.Value));
        Assert.All(valid.Definitions.Where(d => d.Name.StartsWith("loop", System.StringComparison.Ordinal)), d => Assert.Equal(PropertyKind.Unknown, d.Schema.Kind));
        Assert.Equal(
            new[] { "RIPE0007", "RIPE0007", "RIPE0009", "RIPE0010", "RIPE0010", "RIPE0010", "RIPE0015", "RIPE0015" },
            diagnostics.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal));
    }

    private static string Describe(TrackingPlan plan) => string.Join("\n",
        plan.Definitions.Select(d => $"def {d.Name} {d.Schema.Kind} ref={d.Schema.Ref?.Value} values={string.Join(",", d.Schema.EnumValues.Select(v => v.Value))}")
            .Concat(plan.Events.Select(e => $"event {e.Name}: " + string.Join(", ", e.Properties.Select(p => $"{p.Name} {p.Schema.Kind} pattern={p.Schema.Pattern?.Value}")))));
}
