using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using RipeTyped.Generator.Analyzers;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>
/// A plan with any file name is read when the package's props mark it (<c>RipeTypedPlanFile</c> →
/// <c>RipeTypedPlan="true"</c> item metadata); the generator and the analyzers pick the same file.
/// </summary>
public class PlanFileSelectionTests
{
    private const string PlanPath = "/project/analytics/web.yaml";
    private const string MetadataKey = "build_metadata.AdditionalFiles.RipeTypedPlan";

    private const string Plan = """
        events:
          - name: Signed Up
            description: A visitor created an account.
            properties:
              plan: string
        """;

    private static GeneratorDriverRunResult Run(Dictionary<string, string>? planMetadata)
    {
        var files = planMetadata is null ? null : new Dictionary<string, Dictionary<string, string>> { [PlanPath] = planMetadata };
        var driver = CSharpGeneratorDriver.Create(
            new[] { new TrackingPlanGenerator().AsSourceGenerator() },
            new[] { new InMemoryAdditionalText(PlanPath, Plan) },
            GeneratorHarness.ParseOptions(),
            new TestOptionsProvider("Test.App", files));
        return driver.RunGenerators(GeneratorHarness.Compilation("")).GetRunResult();
    }

    [Fact]
    public void A_marked_plan_with_any_name_is_generated()
    {
        var result = Run(new Dictionary<string, string> { [MetadataKey] = "true" });

        var hintNames = result.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains("RipeAnalytics.g.cs", hintNames);
        Assert.Contains("SignedUpProperties.g.cs", hintNames);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public void An_unmarked_file_without_the_plan_name_is_ignored(string? marked)
    {
        var result = Run(marked is null ? null : new Dictionary<string, string> { [MetadataKey] = marked });

        Assert.Empty(result.Results.Single().GeneratedSources);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public async Task The_plan_analyzer_reports_on_the_marked_file()
    {
        var test = new CSharpAnalyzerTest<TrackingPlanAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = "class Program { }",
        };
        test.TestState.AdditionalFiles.Add(("/0/web.yaml", """
            events:
              - name: Clicked Button
                description: A button was clicked.
                properties:
                  button: { type: enum, values: [Book a Demo, Start Trial] }
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"""
            is_global = true

            [/0/web.yaml]
            {MetadataKey} = true
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("RIPE1001", DiagnosticSeverity.Warning).WithSpan("/0/web.yaml", 2, 11, 2, 25)
            .WithArguments("Clicked Button", "'Clicked Button' names only a generic button and property 'button' says which one", "'Clicked Book a Demo Button', 'Clicked Start Trial Button'"));
        await test.RunAsync();
    }
}
