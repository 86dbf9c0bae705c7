using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using RipeTyped.Generator.Analyzers;

namespace RipeTyped.Generator.Tests.Analyzers;

/// <summary>Plan naming and hygiene rules, reported at exact YAML positions (Microsoft.CodeAnalysis.Testing).</summary>
public class PlanAnalyzerTests
{
    private const string PlanFile = "/0/tracking-plan.yaml";

    private static Task VerifyAsync(string plan, params DiagnosticResult[] expected) => VerifyAsync(plan, null, expected);

    private static async Task VerifyAsync(string plan, (string Path, string Text)? config, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TrackingPlanAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = "class Program { }",
        };
        test.TestState.AdditionalFiles.Add((PlanFile, plan));
        if (config is { } file)
        {
            test.TestState.AnalyzerConfigFiles.Add(file);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    private static DiagnosticResult At(string id, int line, int column, int endColumn) =>
        new DiagnosticResult(id, id == "RIPE1007" ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning).WithSpan(PlanFile, line, column, line, endColumn);

    [Fact]
    public async Task Generic_event_with_enum_discriminator_proposes_flattened_names()
    {
        await VerifyAsync(
            """
            events:
              - name: Clicked Button
                description: A button was clicked.
                properties:
                  button: { type: enum, values: [Book a Demo, Start Trial] }
            """,
            At("RIPE1001", 2, 11, 25).WithArguments("Clicked Button", "'Clicked Button' names only a generic button and property 'button' says which one", "'Clicked Book a Demo Button', 'Clicked Start Trial Button'"));
    }

    [Fact]
    public async Task Flattened_events_are_clean()
    {
        await VerifyAsync(
            """
            events:
              - name: Clicked Book a Demo Button
                description: The CTA was clicked.
                properties:
                  source_page: string
              - name: Logged In
                description: The user logged in.
            """);
    }

    [Fact]
    public async Task Generic_event_without_discriminator_is_flagged()
    {
        await VerifyAsync(
            """
            events:
              - name: Submitted Form
                description: A form was submitted.
            """,
            At("RIPE1001", 2, 11, 25));
    }

    [Fact]
    public async Task Specific_event_with_enum_discriminator_and_generic_noun_is_flagged()
    {
        await VerifyAsync(
            """
            events:
              - name: Clicked Pricing Page Button
                description: A button on the pricing page was clicked.
                properties:
                  label: { type: enum, values: [monthly, yearly] }
            """,
            At("RIPE1001", 2, 11, 38));
    }

    [Fact]
    public async Task Event_casing_follows_the_plan_setting()
    {
        await VerifyAsync(
            """
            events:
              - name: clicked signup button
                description: x
            """,
            At("RIPE1002", 2, 11, 32).WithArguments("clicked signup button", "Title Case, past-tense verb first", "expected 'Clicked Signup Button'"));
    }

    [Fact]
    public async Task Event_word_order_wants_the_verb_first()
    {
        await VerifyAsync(
            """
            events:
              - name: Demo Booked
                description: x
            """,
            At("RIPE1002", 2, 11, 22).WithArguments("Demo Booked", "Title Case, past-tense verb first", "expected 'Booked Demo'"));
    }

    [Fact]
    public async Task Object_verb_order_and_snake_case_can_be_chosen()
    {
        await VerifyAsync(
            """
            options: { eventCase: snake, eventWordOrder: object-verb, propertyCase: camel }
            events:
              - name: demo_booked
                description: x
                properties:
                  sourcePage: string
            """);
    }

    [Fact]
    public async Task Property_casing_follows_the_plan_setting()
    {
        await VerifyAsync(
            """
            events:
              - name: Booked Demo
                description: x
                properties:
                  sourcePage: string
            """,
            At("RIPE1003", 5, 7, 17).WithArguments("sourcePage", "snake_case", "source_page"));
    }

    [Fact]
    public async Task Names_differing_by_case_only_are_flagged_once()
    {
        await VerifyAsync(
            """
            events:
              - name: Booked Demo
                description: x
              - name: Booked DEMO
                description: x
            """,
            At("RIPE1004", 4, 11, 22).WithArguments("Event", "Booked DEMO", "Booked Demo", "2", "events"));
    }

    [Fact]
    public async Task Over_long_names_are_flagged()
    {
        string longName = "Clicked " + new string('X', 60);
        await VerifyAsync(
            $"""
            events:
              - name: {longName}
                description: x
            """,
            At("RIPE1005", 2, 11, 11 + longName.Length));
    }

    [Fact]
    public async Task Reserved_property_names_are_flagged()
    {
        await VerifyAsync(
            """
            events:
              - name: Booked Demo
                description: x
                properties:
                  user_id: string
                  invited_user_id: string
            """,
            At("RIPE1006", 5, 7, 14).WithArguments("user_id", "userId"));
    }

    [Fact]
    public async Task Missing_description_is_a_suggestion()
    {
        await VerifyAsync(
            """
            events:
              - name: Booked Demo
            """,
            At("RIPE1007", 2, 11, 22));
    }

    [Fact]
    public async Task Unused_definition_is_flagged()
    {
        await VerifyAsync(
            """
            definitions:
              tier: { type: enum, values: [a, b] }
              used: string
            events:
              - name: Booked Demo
                description: x
                properties:
                  seats: { $ref: used }
            """,
            At("RIPE1009", 2, 3, 7).WithArguments("tier"));
    }

    [Fact]
    public async Task Severity_is_configurable_like_any_roslyn_rule()
    {
        await VerifyAsync(
            "events:\n  - name: Booked Demo\n",
            ("/.globalconfig", "is_global = true\ndotnet_diagnostic.RIPE1007.severity = error\n"),
            new DiagnosticResult("RIPE1007", DiagnosticSeverity.Error).WithSpan(PlanFile, 2, 11, 2, 22));
    }

    [Theory]
    [InlineData("/.globalconfig", "is_global = true\ndotnet_diagnostic.RIPE1007.severity = none\n")]
    [InlineData("/.editorconfig", "root = true\nis_global = true\ndotnet_diagnostic.RIPE1007.severity = none\n")]
    public async Task Plan_rules_can_be_turned_off_in_global_configuration(string configPath, string config)
    {
        // Roslyn applies file-section options only to C# files; rules located in tracking-plan.yaml take global options.
        await VerifyAsync("events:\n  - name: Booked Demo\n", (configPath, config));
    }

    [Fact]
    public async Task The_sample_plan_is_clean()
    {
        await VerifyAsync(System.IO.File.ReadAllText(Infrastructure.RepositoryFiles.Path("tracking-plan.yaml")));
    }

    [Fact]
    public async Task Broken_yaml_gives_no_analyzer_exception()
    {
        await VerifyAsync("events: [ {name: \"unterminated\n  - :: ]]");
    }
}
