using System;
using System.Linq;
using RipeTyped.Generator.Emit;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>
/// One snapshot per scenario (as NetEscapades.EnumGenerators does): what the generator writes for each plan feature,
/// reviewed in the pull request that changes it. Each scenario's output also compiles without warnings.
/// </summary>
public class ScenarioSnapshotTests
{
    public static TheoryData<string, string> Scenarios() => new()
    {
        {
            "Options",
            """
            version: 1
            options: { namespace: Contoso.Telemetry, className: ContosoEvents, facadeInterface: false, eventCase: snake, propertyCase: camel }
            events:
              - name: order_completed
                properties: { orderId: { type: string, required: true }, itemCount: integer }
            """
        },
        {
            "CollisionsAndExplicitNames",
            """
            version: 1
            events:
              - name: Site Id Changed
                properties:
                  site id: string
                  site_id: integer
                  State: string
                  state: { type: string, csharpName: StateCode }
              - name: site id changed
              - name: Order Placed
                csharpName: PlaceOrder
                properties:
                  tier: { type: enum, values: [free, { value: "pro+", csharpName: ProPlus }, Free] }
            """
        },
        {
            "Deprecations",
            """
            version: 1
            events:
              - name: Clicked Old Button
                deprecated: Use Clicked New Button; the old button is gone since 2.0.
                properties: { label: string }
              - name: Clicked New Button
                description: The redesigned button.
              - name: Viewed Legacy Page
                deprecated: true
            """
        },
        {
            "OpenProperties",
            """
            version: 1
            identify:
              additionalProperties: true
              traits: { email: { type: string, required: true } }
            events:
              - name: Experiment Viewed
                additionalProperties: true
                properties:
                  experiment: { type: string, required: true }
                  variant: { type: object, additionalProperties: true, properties: { id: string } }
              - name: Anything Goes
                additionalProperties: true
            """
        },
        {
            "MembersDroppedByDiagnostics",
            """
            version: 1
            events:
              - name: Signed Up
                properties:
                  seats: int
                  plan: string
                  code: { type: string, pattern: "[" }
                  missing: { $ref: nowhere }
              - name: Signed Up
            """
        },
        {
            "Variants",
            """
            version: 1
            sources: [web, api]
            definitions:
              plan: { type: enum, values: [free, pro, { value: "pro+", csharpName: ProPlus }] }
            events:
              - name: Signed Up
                description: A user created an account.
                properties:
                  signup_method: { type: enum, values: [email, google, sso], required: true }
                  referrer: { type: string, pattern: "^https?://" }
                  plan: { $ref: plan }
                variants:
                  - csharpName: WithEmail
                    description: Email sign-up <with a link>
                    when: { signup_method: email }
                    properties:
                      email: { type: string, required: true }
                  - csharpName: WithOAuth
                    when: { signup_method: [google, sso] }
                    properties:
                      provider_user_id: string
                  - csharpName: OnPaidPlan
                    when: { plan: [pro, "pro+"] }
              - name: Button Clicked
                sources: [web]
                properties:
                  attempt: integer
                  share: number
                  primary: boolean
                variants:
                  - csharpName: First
                    when: { attempt: 1 }
                  - csharpName: Half
                    when: { share: 0.5 }
                  - csharpName: Primary
                    when: { primary: true }
                    properties:
                      label: { type: string, required: true }
              - name: Order Completed
                sources: [api]
                variants:
                  - csharpName: Gift
                    properties: { recipient: string }
            pages:
              - name: Pricing
                description: The "pricing" page & its plans.
              - name: Names
            """
        },
        {
            "PlanVersionAndSources",
            """
            version: 1
            planVersion: 2.3.1
            sources: [web, api, "ios app"]
            events:
              - name: Logged In
              - name: Paid Invoice
                sources: [api]
                properties: { amount: { type: number, required: true } }
              - name: Shared Link
                sources: [web, "ios app"]
            pages:
              - name: Home
                sources: [web]
            """
        },
        {
            "ArraysOfArrays",
            """
            version: 1
            definitions:
              point: { type: object, properties: { x: { type: number, required: true }, y: number } }
            events:
              - name: Drew Shape
                properties:
                  grid: { type: array, required: true, items: { type: array, items: integer } }
                  paths: { type: array, items: { type: array, items: { $ref: point } } }
                  labels: { type: array, items: { type: array, nullable: true, items: { type: string, nullable: true, pattern: "^[a-z]+$", maxLength: 8 } } }
                  weights: { type: array, items: { type: array, items: { type: number, minimum: 0, maximum: 1 } } }
                  modes: { type: array, items: { type: array, items: { type: enum, values: [fill, stroke] } } }
            """
        },
        {
            // Each type numbers its distinct patterns in member order (a value before its items): a repeated pattern shares
            // a field, a nested object has its own, and a variant whose fixed 'when' property had the first pattern numbers again.
            "Patterns",
            """
            version: 1
            events:
              - name: Signed Up
                properties:
                  channel: { type: string, pattern: "^(web|app)$" }
                  referral_code: { type: string, pattern: "^[A-Z]{4}$" }
                  coupon: { type: string, pattern: "^[A-Z]{4}$" }
                  email: { type: string, required: true, pattern: "^[^@]+@[^@]+$" }
                  tags: { type: array, items: { type: string, pattern: "^[a-z]+$" } }
                  codes: { type: array, items: { type: string, pattern: "^[A-Z]{4}$" } }
                  address: { type: object, properties: { zip: { type: string, pattern: "^[0-9]{5}$" }, codes: { type: array, items: { type: string, pattern: "^[A-Z]{4}$" } } } }
                variants:
                  - csharpName: FromWeb
                    when: { channel: web }
                    properties:
                      landing: { type: string, pattern: "^/" }
            """
        },
        {
            // examples: shown in XML docs (escaped), inherited from a definition unless a use lists its own, checked against the type.
            "Examples",
            """
            version: 1
            definitions:
              currency: { type: enum, values: [EUR, USD], examples: [EUR] }
            events:
              - name: Order Completed
                properties:
                  order_id: { type: string, required: true, description: "The order's id", examples: ["ord_123", "*/ </c> <b> & \"x\""] }
                  total: { type: number, examples: [19.99, 0] }
                  seats: { type: integer, examples: [3, three] }
                  currency: { $ref: currency }
                  billing_currency: { $ref: currency, examples: [USD, GBP] }
                  gift: { type: boolean, examples: true }
                  placed_at: { type: date-time, examples: ["2026-12-05T09:30:00Z", yesterday] }
                  tier: { type: enum, values: [free, pro], examples: [pro, gold] }
                  shipping: { type: object, properties: { city: string }, examples: [Paris] }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_generates_the_snapshotted_sources(string scenario, string plan)
    {
        var run = GeneratorHarness.Run(plan);

        Assert.Empty(run.Exceptions);
        Assert.DoesNotContain(run.CompilationProblems, d => !d.Id.StartsWith("RIPE", StringComparison.Ordinal));
        foreach (var source in run.Sources)
        {
            Snapshot.Match(source.SourceText.ToString(), $"Scenarios/{scenario}/{source.HintName}");
        }

        string diagnostics = string.Concat(run.GeneratorDiagnostics
            .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => $"{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}\n"));
        Snapshot.Match(
            string.Join("\n", run.Sources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal)) + "\n--- diagnostics ---\n" + diagnostics,
            $"Scenarios/{scenario}/_files.txt");
    }

    [Fact]
    public void Polyfills_for_compilations_without_the_required_attributes()
    {
        Snapshot.Match(PolyfillEmitter.Emit(true, true), "Scenarios/Polyfills/RipeTyped.Polyfills.g.cs");
    }
}
