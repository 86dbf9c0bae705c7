using System.Linq;
using Microsoft.CodeAnalysis;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>Wrong use of the generated API must not compile.</summary>
public class CompileErrorTests
{
    private const string Plan = """
        version: 1
        options: { namespace: App.Analytics, className: Analytics }
        definitions:
          plan_tier: { type: enum, values: [free, pro] }
        identify:
          traits:
            email: { type: string, required: true }
            plan: { $ref: plan_tier }
        events:
          - name: Clicked Book a Demo Button
            properties:
              source_page: { type: string, required: true }
              seats: integer
          - name: Old Event
            deprecated: Use Clicked Book a Demo Button
        """;

    private static string[] ErrorIds(string body)
    {
        string code = $$"""
            using App.Analytics;
            public static class UserCode
            {
                public static void Run(Analytics analytics)
                {
                    {{body}}
                }
            }
            """;
        var run = GeneratorHarness.Run(Plan, code);
        Assert.Empty(run.GeneratorDiagnostics);
        return run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error || d.Id == "CS0618").Select(d => d.Id).Distinct().ToArray();
    }

    [Fact]
    public void Correct_usage_compiles()
    {
        Assert.Empty(ErrorIds("""
            analytics.TrackClickedBookADemoButton(new ClickedBookADemoButtonProperties { SourcePage = "/pricing", Seats = 5 });
            analytics.Identify("user-1", new UserTraits { Email = "a@b.c", Plan = PlanTier.Pro });
            """));
    }

    [Fact]
    public void Missing_required_property_is_CS9035()
    {
        Assert.Equal(new[] { "CS9035" }, ErrorIds("""analytics.TrackClickedBookADemoButton(new ClickedBookADemoButtonProperties { Seats = 5 });"""));
    }

    [Fact]
    public void Wrong_property_type_is_a_conversion_error()
    {
        Assert.Equal(new[] { "CS0029" }, ErrorIds("""analytics.TrackClickedBookADemoButton(new ClickedBookADemoButtonProperties { SourcePage = "/", Seats = "five" });"""));
    }

    [Fact]
    public void Enum_property_rejects_strings()
    {
        Assert.Equal(new[] { "CS0029" }, ErrorIds("""analytics.Identify("u", new UserTraits { Email = "a@b.c", Plan = "pro" });"""));
    }

    [Fact]
    public void Misspelled_event_is_CS1061()
    {
        Assert.Equal(new[] { "CS1061" }, ErrorIds("""analytics.TrackClickedBookDemoButton(new ClickedBookADemoButtonProperties { SourcePage = "/" });"""));
    }

    [Fact]
    public void Unknown_property_is_CS0117()
    {
        Assert.Equal(new[] { "CS0117" }, ErrorIds("""analytics.TrackClickedBookADemoButton(new ClickedBookADemoButtonProperties { SourcePage = "/", Button = "x" });"""));
    }

    [Fact]
    public void Deprecated_event_is_obsolete_with_the_plan_reason()
    {
        var code = """
            public static class UserCode
            {
                public static void Run(App.Analytics.Analytics analytics) => analytics.TrackOldEvent();
            }
            """;
        var warning = GeneratorHarness.Run(Plan, code).Output.GetDiagnostics().Single(d => d.Id == "CS0618");
        Assert.Contains("Use Clicked Book a Demo Button", warning.GetMessage());
    }
}
