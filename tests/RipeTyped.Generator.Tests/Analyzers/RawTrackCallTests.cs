using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using RipeTyped.CodeFixes;
using RipeTyped.Generator.Analyzers;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests.Analyzers;

/// <summary>String-typed Track calls in C#: diagnostics with exact spans, and the code fix to the typed method.</summary>
public class RawTrackCallTests
{
    private const string PlanFile = "/0/tracking-plan.yaml";

    private const string Plan = """
        version: 1
        options: { namespace: App.Analytics, className: AppAnalytics }
        definitions:
          plan_tier: { type: enum, values: [free, pro] }
        events:
          - name: Clicked Book a Demo Button
            description: x
            properties:
              source_page: { type: string, required: true }
              seats: integer
              plan: { $ref: plan_tier }
          - name: Logged Out
            description: x
          - name: Exported Report
            description: x
        """;

    private static CSharpCodeFixTest<RawTrackCallAnalyzer, UseTypedMethodCodeFix, DefaultVerifier> CreateTest(string code, string? fixedCode = null) =>
        CodeFixTestSetup.Create(Plan, PlanFile, code, fixedCode ?? code);

    /// <summary>The diagnostics stay and no fix is offered: the fixed state equals the test state.</summary>
    private static void ExpectNoFix(CSharpCodeFixTest<RawTrackCallAnalyzer, UseTypedMethodCodeFix, DefaultVerifier> test) =>
        test.FixedState.ExpectedDiagnostics.AddRange(test.TestState.ExpectedDiagnostics);

    private static string Code(string body) => $$"""
        using RipeTyped;
        using App.Analytics;

        class UserCode
        {
            void Run(RipeClient client)
            {
                {{body}}
            }
        }
        """;

    [Fact]
    public async Task Event_not_in_the_plan_is_a_warning_with_a_suggestion()
    {
        var test = CreateTest(Code("""client.Track({|#0:"Clicked Book Demo Button"|});"""));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("RIPE2001", DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("Clicked Book Demo Button", "tracking-plan.yaml", "; did you mean 'Clicked Book a Demo Button'?"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Non_flattened_raw_event_proposes_names_from_the_constant_property()
    {
        var test = CreateTest(Code("""client.Track({|#0:"Clicked Button"|}, new RipeProperties { ["button"] = "Book a Demo" });"""));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("RIPE2001", DiagnosticSeverity.Warning).WithLocation(0));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("RIPE2002", DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("Clicked Button", "'Clicked Button' names only a generic button and property 'button' says which one", "'Clicked Book a Demo Button'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Non_constant_event_names_are_not_analyzed()
    {
        await CreateTest(Code("""string name = System.Console.ReadLine()!; client.Track(name);""")).RunAsync();
    }

    [Fact]
    public async Task Typed_calls_are_clean()
    {
        await CreateTest(Code("""new AppAnalytics(client).TrackLoggedOut();""")).RunAsync();
    }

    [Fact]
    public async Task Event_in_the_plan_is_fixed_to_the_typed_method_with_mapped_properties()
    {
        var test = CreateTest(
            Code("""client.Track({|#0:"Clicked Book a Demo Button"|}, new RipeProperties { {|#1:["source_page"] = "/pricing"|}, {|#2:["seats"] = 5|}, {|#3:["plan"] = "pro"|} });"""),
            Code("""new AppAnalytics(client).TrackClickedBookADemoButton(new ClickedBookADemoButtonProperties { SourcePage = "/pricing", Seats = 5, Plan = PlanTier.Pro });"""));
        // The entries travel to the fix as additional locations: it takes each value from there and never reads a key.
        test.ExpectedDiagnostics.Add(new DiagnosticResult("RIPE2003", DiagnosticSeverity.Info).WithLocation(0).WithLocation(1).WithLocation(2).WithLocation(3)
            .WithArguments("Clicked Book a Demo Button", "AppAnalytics.TrackClickedBookADemoButton"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Event_without_properties_keeps_the_explicit_identity()
    {
        var test = CreateTest(
            Code("""client.Track({|#0:"Logged Out"|}, null, RipeIdentity.ForUser("u-1"));"""),
            Code("""new AppAnalytics(client).TrackLoggedOut(identity: RipeIdentity.ForUser("u-1"));"""));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("RIPE2003", DiagnosticSeverity.Info).WithLocation(0));
        await test.RunAsync();
    }

    [Fact]
    public async Task No_fix_is_offered_when_a_required_property_is_missing()
    {
        // The rewritten call would not compile (CS9035), so the diagnostic stays but no fix is offered.
        var test = CreateTest(Code("""client.Track({|#0:"Clicked Book a Demo Button"|}, new RipeProperties { ["seats"] = 5 });"""));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("RIPE2003", DiagnosticSeverity.Info).WithLocation(0));
        ExpectNoFix(test);
        await test.RunAsync();
    }

    [Fact]
    public async Task No_fix_is_offered_for_unknown_keys_or_wrong_types()
    {
        var test = CreateTest(Code("""
            client.Track({|#0:"Clicked Book a Demo Button"|}, new RipeProperties { ["source_page"] = "/", ["button"] = "x" });
                    client.Track({|#1:"Clicked Book a Demo Button"|}, new RipeProperties { ["source_page"] = 42 });
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("RIPE2003", DiagnosticSeverity.Info).WithLocation(0));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("RIPE2003", DiagnosticSeverity.Info).WithLocation(1));
        ExpectNoFix(test);
        await test.RunAsync();
    }

    [Fact]
    public async Task Untracked_plan_events_are_reported_when_opted_in()
    {
        var test = CreateTest(Code("""
            new AppAnalytics(client).TrackLoggedOut();
                    new AppAnalytics(client).TrackExportedReport();
            """));
        test.DisabledDiagnostics.Clear();
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndotnet_diagnostic.RIPE2004.severity = suggestion\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("RIPE2004", DiagnosticSeverity.Info).WithSpan(PlanFile, 6, 11, 6, 37).WithArguments("Clicked Book a Demo Button"));
        await test.RunAsync();
    }

    [Fact]
    public void Untracked_event_report_is_off_by_default()
    {
        Assert.False(new RawTrackCallAnalyzer().SupportedDiagnostics.Single(d => d.Id == "RIPE2004").IsEnabledByDefault);
    }

    [Fact]
    public async Task Csharp_rules_can_be_configured_per_file_in_editorconfig()
    {
        var test = CreateTest(Code("""client.Track("Clicked Book Demo Button");"""));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.RIPE2001.severity = none\n"));
        await test.RunAsync();
    }
}
