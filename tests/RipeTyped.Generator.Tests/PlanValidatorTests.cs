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

    [Fact]
    public void Every_field_of_a_sound_plan_flows_through_validation_unchanged()
    {
        // Record equality compares every field: a field the validator forgot to carry would make the stages differ.
        const string Sound = """
            version: 1
            planVersion: 1.2.0
            owner: "@growth"
            sources: [web, api]
            options: { namespace: Acme.Tracking, className: AcmeEvents, eventCase: title, eventWordOrder: verb-object, propertyCase: snake, facadeInterface: false }
            definitions:
              tier: { type: enum, values: [free, { value: pro, csharpName: Professional }], description: The plan tier., examples: [pro] }
            identify:
              traits: { email: { type: string, required: true, examples: [a@b.c] } }
            group:
              traits: { company: string }
            events:
              - name: Signed Up
                description: A user signed up.
                csharpName: Registered
                tags: [funnel]
                sources: [web]
                deprecated: Use Registered Account
                additionalProperties: true
                properties:
                  tier: { $ref: tier, required: true, description: Chosen tier. }
                  seats: { type: integer, csharpName: SeatCount, minimum: 1, maximum: 500, examples: [3, 12] }
                  code: { type: string, pattern: "^[A-Z]+$", minLength: 2, maxLength: 8, nullable: true }
                  lines: { type: array, items: { type: object, properties: { sku: string }, additionalProperties: true } }
                variants:
                  - csharpName: Pro
                    description: A pro sign-up.
                    when: { tier: [pro] }
                    properties: { seats_paid: integer }
            pages:
              - name: Pricing
                owner: "@web"
                properties: { plan: string }
            """;
        var diagnostics = new List<PlanDiagnostic>();
        TrackingPlan read = PlanReader.Read(Sound, "plan.yaml", diagnostics);

        ValidatedPlan valid = PlanValidator.Validate(read, diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(read, valid.Content);
        var neverSet = FieldsNeverSet(read);
        Assert.True(neverSet.Count == 0, "Set in the sound plan: " + string.Join(", ", neverSet));
        Assert.Equal("Professional", valid.Definitions[0].Schema.EnumValues[1].CSharpName!.Value);
        Assert.Equal(new[] { "3", "12" }, valid.Events[0].Properties[1].Schema.Examples.Select(e => e.Value));
        Assert.Equal("@growth", valid.Events[0].Owner!.Value);
        Assert.Equal("@web", valid.Pages[0].Owner!.Value);
    }

    [Fact]
    public void Type_keys_next_to_an_unknown_ref_are_reported_and_left_out()
    {
        var diagnostics = new List<PlanDiagnostic>();
        var read = PlanReader.Read("""
            version: 1
            events:
              - name: Signed Up
                properties:
                  p: { $ref: nope, type: object, properties: { "": string, code: { type: string, pattern: "[" } } }
                  q: { $ref: nope, type: array, items: { type: enum, values: ["", ""] } }
                  r: { $ref: nope, type: string, pattern: "[", values: [a, a] }
            """, "plan.yaml", diagnostics);

        ValidatedPlan valid = PlanValidator.Validate(read, diagnostics);

        Assert.All(valid.Events[0].Properties, p =>
        {
            Assert.Null(p.Schema.Items);
            Assert.Empty(p.Schema.Properties);
            Assert.Empty(p.Schema.EnumValues);
            Assert.Null(p.Schema.Pattern);
        });
        Assert.Equal(3, diagnostics.Count(d => d.Id == "RIPE0006"));
    }

    [Fact]
    public void Examples_of_ref_uses_inside_definitions_are_checked_against_the_type_the_chain_ends_at()
    {
        var diagnostics = new List<PlanDiagnostic>();
        var read = PlanReader.Read("""
            version: 1
            definitions:
              count: { type: integer }
              seats: { $ref: count, examples: [abc, 4] }
              addr: { type: object, properties: { zip: { $ref: count, examples: [notanumber] } } }
            events:
              - name: Signed Up
                properties: { n: { $ref: seats }, a: { $ref: addr }, m: { $ref: count, examples: [bad, 5] } }
            """, "plan.yaml", diagnostics);

        ValidatedPlan valid = PlanValidator.Validate(read, diagnostics);

        Assert.Equal(
            new[] { "abc", "notanumber", "bad" },
            diagnostics.Where(d => d.Id == "RIPE0009").OrderBy(d => d.Span.Start).Select(d => d.MessageArgs[2].Split('\'')[1]));
        var properties = valid.Events[0].Properties.ToDictionary(p => p.Name);
        Assert.Equal(new[] { "4" }, valid.ExamplesOf(properties["n"].Schema).Select(e => e.Value));
        Assert.Equal(new[] { "5" }, valid.ExamplesOf(properties["m"].Schema).Select(e => e.Value));
        Assert.Empty(valid.Definitions.Single(d => d.Name == "addr").Schema.Properties[0].Schema.Examples);
    }

    [Fact]
    public void Merged_sources_name_each_source_once_even_when_a_file_repeats_one()
    {
        var diagnostics = new List<PlanDiagnostic>();
        var plan = PlanLoader.Load(new[]
        {
            new PlanText("tracking-plan.yaml", "version: 1\nsources: [web, web]\n"),
            new PlanText("billing.tracking-plan.yaml", "version: 1\nsources: [api, web]\n"),
        }, diagnostics);

        Assert.Equal(new[] { "web", "api" }, plan.Sources.Select(s => s.Value));
    }

    [Theory]
    [InlineData("namespace: 1Acme", "namespace")]
    [InlineData("className: \"my class\"", "className")]
    [InlineData("eventCase: shouting", "eventCase")]
    [InlineData("eventWordOrder: backwards", "eventWordOrder")]
    [InlineData("propertyCase: shouting", "propertyCase")]
    [InlineData("facadeInterface: maybe", "facadeInterface")]
    public void An_invalid_option_is_reported_once_at_its_line_and_the_default_takes_its_place(string option, string name)
    {
        var diagnostics = new List<PlanDiagnostic>();
        var read = PlanReader.Read("version: 1\noptions: { " + option + " }\nevents:\n  - name: Signed Up\n", "plan.yaml", diagnostics);

        ValidatedPlan valid = PlanValidator.Validate(read, diagnostics);

        var error = Assert.Single(diagnostics);
        Assert.Equal("RIPE0014", error.Id);
        Assert.Equal(2, error.Span.DisplayLine);
        Assert.Contains("'" + name + "'", error.Message);
        Assert.Equal(PlanSettings.Default, valid.Settings);
    }

    [Fact]
    public void Valid_options_are_parsed_once_into_the_settings()
    {
        var diagnostics = new List<PlanDiagnostic>();
        var read = PlanReader.Read(
            "version: 1\noptions: { namespace: Acme.Tracking, className: AcmeEvents, eventCase: snake, eventWordOrder: object-verb, propertyCase: camel, facadeInterface: false }\n",
            "plan.yaml",
            diagnostics);

        var settings = PlanValidator.Validate(read, diagnostics).Settings;

        Assert.Empty(diagnostics);
        Assert.Equal(
            new PlanSettings("Acme.Tracking", "AcmeEvents", Naming.CaseStyle.Snake, Naming.WordOrderStyle.ObjectVerb, Naming.CaseStyle.Camel, FacadeInterface: false),
            settings);
    }

    /// <summary>
    /// The stage records' fields that hold only their default anywhere in <paramref name="plan"/>: a new field must be set
    /// in the sound plan above, or the equality check would not see it dropped.
    /// </summary>
    private static List<string> FieldsNeverSet(TrackingPlan plan)
    {
        var set = new HashSet<string>();
        var all = new HashSet<string>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        void Visit(object? value)
        {
            if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
            {
                return;
            }

            if (value is System.Collections.IEnumerable items)
            {
                foreach (var item in items)
                {
                    Visit(item);
                }

                return;
            }

            var type = value.GetType();
            if (type.Namespace != typeof(TrackingPlan).Namespace)
            {
                return;
            }

            foreach (var property in type.GetProperties().Where(p => p.CanWrite || type.GetConstructors().Any(c => c.GetParameters().Any(a => a.Name == p.Name))))
            {
                string name = type.Name + "." + property.Name;
                all.Add(name);
                object? field = property.GetValue(value);
                bool isDefault = field is null || (field is bool b && !b) || (field is System.Collections.IEnumerable e && !(field is string) && !e.Cast<object>().Any()) ||
                    (field.GetType().IsValueType && field.Equals(System.Activator.CreateInstance(field.GetType())));
                if (!isDefault)
                {
                    set.Add(name);
                }

                Visit(field);
            }
        }

        Visit(plan);
        return all.Except(set).OrderBy(n => n, System.StringComparer.Ordinal).ToList();
    }

    private static string Describe(TrackingPlan plan) => string.Join("\n",
        plan.Definitions.Select(d => $"def {d.Name} {d.Schema.Kind} ref={d.Schema.Ref?.Value} values={string.Join(",", d.Schema.EnumValues.Select(v => v.Value))}")
            .Concat(plan.Events.Select(e => $"event {e.Name}: " + string.Join(", ", e.Properties.Select(p => $"{p.Name} {p.Schema.Kind} pattern={p.Schema.Pattern?.Value}")))));
}
