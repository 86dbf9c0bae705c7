using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Plan;
using RipeTyped.Generator.Spec;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>Event variants: one wire name, a typed method per property set, the selecting value sent by the method itself.</summary>
public class VariantTests
{
    private const string Plan = """
        options: { namespace: Variant.Tracking }
        events:
          - name: Signed Up
            properties:
              signup_method: { type: enum, values: [email, google, sso], required: true }
              referrer: string
            variants:
              - csharpName: WithEmail
                when: { signup_method: email }
                properties:
                  email: { type: string, required: true }
              - csharpName: WithSso
                when: { signup_method: [google, sso] }
              - csharpName: Plain
          - name: Button Clicked
            properties:
              attempt: integer
              primary: boolean
            variants:
              - csharpName: First
                when: { attempt: 1 }
              - csharpName: OnlyPrimary
                when: { primary: True }   # YAML's spelling too; sent as JSON true
          - name: Deleted
            properties:
              kind: { type: string, required: true }
            variants:
              - csharpName: Account
                when: { kind: account }
        """;

    [Fact]
    public async Task A_variant_of_one_value_sends_the_value_itself_and_the_event_name()
    {
        var assembly = CompileAndLoad(Plan);
        var type = assembly.GetType("Variant.Tracking.SignedUpWithEmailProperties")!;
        Assert.Null(type.GetProperty("SignupMethod"));
        object properties = Activator.CreateInstance(type)!;
        type.GetProperty("Email")!.SetValue(properties, "ada@example.com");

        var bodies = await TrackAsync(assembly, "TrackSignedUpWithEmail", properties);

        var body = Assert.Single(bodies);
        Assert.Equal("Signed Up", body.GetProperty("event").GetString());
        Assert.Equal("""{"signup_method":"email","email":"ada@example.com"}""", body.GetProperty("properties").GetRawText());
    }

    [Fact]
    public async Task A_variant_with_nothing_required_sends_its_value_when_called_without_properties()
    {
        var assembly = CompileAndLoad(Plan);

        var first = Assert.Single(await TrackAsync(assembly, "TrackButtonClickedFirst", new object?[] { null }));
        var primary = Assert.Single(await TrackAsync(assembly, "TrackButtonClickedOnlyPrimary", new object?[] { null }));
        var account = Assert.Single(await TrackAsync(assembly, "TrackDeletedAccount"));

        Assert.Equal("""{"attempt":1}""", first.GetProperty("properties").GetRawText());
        Assert.Equal("""{"primary":true}""", primary.GetProperty("properties").GetRawText());
        Assert.Equal("""{"kind":"account"}""", account.GetProperty("properties").GetRawText());
    }

    [Fact]
    public void A_variant_of_several_values_types_the_member_with_an_enum_of_just_those()
    {
        var assembly = CompileAndLoad(Plan);
        var type = assembly.GetType("Variant.Tracking.SignedUpWithSsoProperties")!;
        var member = type.GetProperty("SignupMethod")!;

        Assert.Equal(new[] { "Google", "Sso" }, Enum.GetNames(member.PropertyType));
        Assert.Equal(type, member.PropertyType.DeclaringType);
        object properties = Activator.CreateInstance(type)!;
        member.SetValue(properties, Enum.Parse(member.PropertyType, "Sso"));
        Assert.Equal("""{"signup_method":"sso"}""", Json((IRipeProperties)properties));
    }

    [Fact]
    public void The_event_keeps_its_method_and_a_variant_without_when_takes_the_common_properties_and_its_own()
    {
        var run = GeneratorHarness.Run(Plan);
        string facade = run.Source("RipeAnalytics.g.cs");

        Assert.Contains("public void TrackSignedUp(__N.SignedUpProperties properties, __I? identity = null) => __.Track(_client, \"Signed Up\", properties, identity);", facade);
        Assert.Contains("public void TrackSignedUpPlain(__N.SignedUpPlainProperties properties, __I? identity = null) => __.Track(_client, \"Signed Up\", properties, identity);", facade);
        Assert.Contains("void TrackSignedUpWithEmail(__N.SignedUpWithEmailProperties properties, __I? identity = null);", facade);
        Assert.Contains("public void TrackDeletedAccount(__I? identity = null) => _client.Track(\"Deleted\", new __N.DeletedAccountProperties(), identity);", facade);
        // The variant reuses the event's enum type rather than declaring its own.
        Assert.Contains("public required global::Variant.Tracking.SignedUpProperties.SignupMethodKind SignupMethod { get; set; }", run.Source("SignedUpPlainProperties.g.cs"));
        Assert.DoesNotContain("enum", run.Source("SignedUpPlainProperties.g.cs"));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
    }

    public static TheoryData<string, string, int, int, string> InvalidVariants() => new()
    {
        { "variants:\n      - csharpName: A\n      - csharpName: A\n", "RIPE0007", 6, 21, "Variant of event 'E' 'A' is defined more than once (first at line 5)" },
        { "variants:\n      - csharpName: A\n        when: { nope: x }\n", "RIPE0023", 6, 17, "'when' names 'nope', which is not a property of the event" },
        { "variants:\n      - csharpName: A\n        when: { kind: c }\n", "RIPE0023", 6, 23, "'c' is not a value of enum 'kind' (a, b)" },
        { "variants:\n      - csharpName: A\n        when: { n: [1, 2] }\n", "RIPE0023", 6, 24, "'n' is an integer: it selects a variant by one value" },
        { "variants:\n      - csharpName: A\n        when: { n: x }\n", "RIPE0023", 6, 20, "'x' is not an integer, the type of 'n'" },
        { "variants:\n      - csharpName: A\n        when: { at: x }\n", "RIPE0023", 6, 17, "'at' is a date-time; 'when' needs an enum, string, integer, number or boolean property" },
        { "variants:\n      - csharpName: A\n        when: { kind: a }\n      - csharpName: B\n        when: { kind: [b, a] }\n", "RIPE0023", 8, 27, "the value 'a' of 'kind' already selects variant 'A' (line 5)" },
        { "variants:\n      - csharpName: A\n        properties:\n          n: string\n", "RIPE0023", 7, 11, "property 'n' is a common property of the event" },
        { "variants:\n      - csharpName: with email\n", "RIPE0023", 5, 21, "csharpName must be a C# identifier" },
        { "variants:\n      - description: no name\n", "RIPE0005", 5, 9, "Each variant of event 'E' needs 'csharpName'" },
        { "variants:\n      - csharpName: A\n        when: { kind: a, n: 1 }\n", "RIPE0003", 6, 15, "'when of variant 'A' of event 'E'' must be a mapping of one property" },
        { "variants:\n      - csharpName: A\n        whenever: { kind: a }\n", "RIPE0002", 6, 9, "Unknown key 'whenever' in a variant of event 'E'" },
    };

    [Theory]
    [MemberData(nameof(InvalidVariants))]
    public void An_invalid_variant_is_reported_at_its_line_and_the_rest_still_compiles(string variants, string id, int line, int column, string message)
    {
        string plan = "events:\n  - name: E\n    properties: { kind: { type: enum, values: [a, b] }, n: integer, at: date-time }\n    " + variants;
        var run = GeneratorHarness.Run(plan);

        Assert.Empty(run.Exceptions);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((line, column), (position.Line + 1, position.Character + 1));
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.CompilationProblems);
        Assert.Contains("public void TrackE(", run.Source("RipeAnalytics.g.cs"));
    }

    [Fact]
    public void Variants_on_a_page_are_an_unknown_key()
    {
        var run = GeneratorHarness.Run("pages:\n  - name: Pricing\n    variants:\n      - csharpName: A\n");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RIPE0002", diagnostic.Id);
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void An_invalid_variant_is_left_out_and_a_valid_one_of_the_same_event_stays()
    {
        var run = GeneratorHarness.Run("events:\n  - name: E\n    properties: { kind: { type: enum, values: [a, b] } }\n    variants:\n      - csharpName: Bad\n        when: { kind: z }\n      - csharpName: Good\n        when: { kind: b }\n");

        string facade = run.Source("RipeAnalytics.g.cs");
        Assert.DoesNotContain("TrackEBad", facade);
        Assert.Contains("TrackEGood", facade);
        Assert.DoesNotContain(run.CompilationProblems, d => !d.Id.StartsWith("RIPE", StringComparison.Ordinal));
    }

    [Fact]
    public void A_variant_method_named_like_another_event_is_numbered_with_RIPE1010_and_the_event_keeps_its_name()
    {
        var run = GeneratorHarness.Run("events:\n  - name: Signed Up\n    variants:\n      - csharpName: WithEmail\n        properties: { email: string }\n  - name: Signed Up With Email\n    properties: { address: string }\n");

        var collision = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RIPE1010", collision.Id);
        Assert.Equal(3, collision.Location.GetLineSpan().StartLinePosition.Line);
        string facade = run.Source("RipeAnalytics.g.cs");
        Assert.Contains("public void TrackSignedUpWithEmail(__N.SignedUpWithEmailProperties? properties = null", facade);
        Assert.Contains("public void TrackSignedUpWithEmail2(__N.SignedUpWithEmail2Properties? properties = null", facade);
        Assert.DoesNotContain(run.CompilationProblems, d => !d.Id.StartsWith("RIPE", StringComparison.Ordinal));
    }

    [Fact]
    public void A_variant_member_colliding_with_a_common_one_in_csharp_gets_another_name_and_both_are_sent()
    {
        var assembly = CompileAndLoad("options: { namespace: Variant.Tracking }\nevents:\n  - name: E\n    properties: { item_id: string, s_pattern0: string }\n    variants:\n      - csharpName: V\n        properties:\n          itemId: string\n          code: { type: string, pattern: \"^x\" }\n", "RIPE1010");
        var type = assembly.GetType("Variant.Tracking.EVProperties")!;
        object properties = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            property.SetValue(properties, "x-" + property.Name);
        }

        var json = JsonDocument.Parse(Json((IRipeProperties)properties)).RootElement;
        Assert.Equal(new[] { "item_id", "s_pattern0", "itemId", "code" }, json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(4, json.EnumerateObject().Select(p => p.Value.GetString()).Distinct().Count());
    }

    [Fact]
    public void Hostile_variant_text_stays_inside_its_comment_and_string()
    {
        const string Hostile = "a\"b\\c */ </summary> \n#error x";
        string plan = "events:\n  - name: E\n    properties: { s: string }\n    variants:\n      - csharpName: V\n        description: \"" + Hostile.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"\n        when: { s: \"" + Hostile.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\" }\n";
        var run = GeneratorHarness.Run(plan);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var type = run.Load().GetType("Test.App.Analytics.EVProperties")!;
        Assert.Equal(JsonSerializer.Serialize(new { s = Hostile }), Json((IRipeProperties)Activator.CreateInstance(type)!));
    }

    [Fact]
    public void A_variant_of_an_event_of_another_source_is_reported_as_such_and_not_generated()
    {
        var diagnostics = new List<PlanDiagnostic>();
        var plan = PlanLoader.Load("version: 1\nsources: [web, api]\nevents:\n  - name: E\n    sources: [api]\n    variants:\n      - csharpName: V\n", "tracking-plan.yaml", diagnostics);
        var spec = SpecBuilder.Build(plan, "App", "web", diagnostics);

        Assert.Empty(diagnostics);
        Assert.Empty(spec.Events);
        Assert.Equal(new[] { "TrackE", "TrackEV" }, spec.OtherSourceCalls.Select(c => c.MethodName));
        Assert.Equal("E", Assert.Single(spec.EventNames).WireName);
    }

    [Fact]
    public void Lint_checks_variant_properties_and_counts_their_refs_as_uses()
    {
        var run = GeneratorHarness.Run("definitions:\n  code: string\nevents:\n  - name: Clicked A\n    description: d\n    variants:\n      - csharpName: V\n        properties:\n          Bad Name: string\n          code: { $ref: code }\n");
        var lint = new List<PlanDiagnostic>();
        var loaded = PlanLoader.Load("version: 1\ndefinitions:\n  code: string\nevents:\n  - name: Clicked A\n    description: d\n    variants:\n      - csharpName: V\n        properties:\n          Bad Name: string\n          code: { $ref: code }\n", "tracking-plan.yaml", lint);
        Lint.PlanLinter.Lint(loaded, lint);

        Assert.Contains(lint, d => d.Id == "RIPE1003" && d.Span.DisplayLine == 10);
        Assert.DoesNotContain(lint, d => d.Id == "RIPE1009");
        Assert.Empty(run.CompilationProblems);
    }

    private static async Task<List<JsonElement>> TrackAsync(Assembly assembly, string method, params object?[] properties)
    {
        var facadeType = assembly.GetTypes().Single(t => t.Name == "RipeAnalytics");
        var track = facadeType.GetMethod(method)!;
        var handler = new RecordingHandler();
        await using (var client = LoadedCode.RecordingClient(handler))
        {
            object facade = Activator.CreateInstance(facadeType, client)!;
            track.Invoke(facade, properties.Append(null).ToArray());
            await client.FlushAsync();
        }

        return handler.Bodies.Select(b => JsonDocument.Parse(b).RootElement).ToList();
    }

    private static string Json(IRipeProperties properties) => LoadedCode.Json(properties);

    private static Assembly CompileAndLoad(string plan, params string[] expectedDiagnostics)
    {
        var run = GeneratorHarness.Run(plan);
        Assert.Equal(expectedDiagnostics, run.GeneratorDiagnostics.Select(d => d.Id));
        return run.Load();
    }
}
