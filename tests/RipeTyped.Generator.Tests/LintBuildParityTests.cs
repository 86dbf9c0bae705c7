using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RipeTyped.Cli;
using RipeTyped.Generator.Analyzers;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>
/// One plan, one set of diagnostics: <c>ripe-typed lint</c> and a build (generator + plan analyzer) report the same plan
/// diagnostics, ID, line, column and message, over the sample plan, hostile plans and the fuzz corpus.
/// </summary>
public class LintBuildParityTests
{
    // Diagnostics about the project rather than the plan: the C# version (the CLI knows no project's compiler).
    private static readonly string[] ProjectOnly = { "RIPE0012" };

    public static TheoryData<string> Plans()
    {
        var plans = new TheoryData<string>
        {
            File.ReadAllText(RepositoryFiles.Path("tracking-plan.yaml")),
            GeneratorHarness.ReadPlan("representative.yaml"),
            // Hostile: tabs, duplicate keys, BOM and CRLF, a cycle, a bad pattern, names that collide, not YAML at all.
            "version: 1\nevents:\n  - name: Signed Up\n\tproperties: {}\n",
            "version: 1\nevents:\n  - name: Signed Up\n    properties:\n      plan: string\n      plan: integer\n",
            "\uFEFFversion: 1\r\nevents:\r\n  - name: Signed Up\r\n    colour: blue\r\n  - name: Logged In\r\n",
            "version: 1\ndefinitions:\n  a: { $ref: b }\n  b: { $ref: a }\nevents:\n  - name: clicked button\n    properties:\n      x: { $ref: a }\n      y: { type: string, pattern: \"[\" }\n",
            "version: 1\nevents:\n  - name: Site Id\n  - name: site id\n  - name: SiteId\n    properties: { State: string, state: integer, \"\": string }\n",
            "version: 2\noptions: { eventCase: shouty, className: \"1x\" }\nevents: [ { name: \"\" }, { name: Opened } ]\n",
            "{{{{ not: yaml",
            "\0\u0001binary\u00ff",
            // A tab YamlDotNet reports without a position; an empty plan and one of comments only (RIPE0022).
            "version: 1\nevents:\n  - name: Signed Up\n    properties:\n\t  plan: string\n",
            "",
            "# The plan comes later.\n",
        };
        return plans;
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Lint_and_build_report_the_same_plan_diagnostics(string plan)
    {
        AssertSameDiagnostics(plan);
    }

    [Fact]
    public void Lint_and_build_agree_on_a_hundred_fuzzed_plans()
    {
        // The fuzz tests' generators, fixed seed: mutated real plans (mostly errors) and random plans (mostly naming findings).
        var plans = new List<string>();
        int withDiagnostics = 0;
        Action<string> compare = plan =>
        {
            plans.Add(plan);
            withDiagnostics += AssertSameDiagnostics(plan) > 0 ? 1 : 0;
        };
        Check.One(FuzzTests.Deterministic.WithMaxTest(60), Prop.ForAll(Arb.From(FuzzTests.MutatedPlan()), compare));
        Check.One(FuzzTests.Deterministic.WithMaxTest(40), Prop.ForAll(Arb.From(FuzzTests.BuiltPlan()), compare));

        // The comparison means something only if the corpus gives diagnostics to compare.
        Assert.True(withDiagnostics > plans.Count / 2, $"{withDiagnostics} of {plans.Count} plans gave diagnostics");
    }

    private static int AssertSameDiagnostics(string plan)
    {
        List<string> build = FromBuild(plan);
        List<string> lint = FromLint(plan);
        Assert.True(build.SequenceEqual(lint), "build:\n  " + string.Join("\n  ", build) + "\nlint:\n  " + string.Join("\n  ", lint) + "\n--- plan ---\n" + plan);
        return build.Count;
    }

    private static List<string> FromBuild(string plan)
    {
        var file = new InMemoryAdditionalText(GeneratorHarness.PlanPath, plan);
        var compilation = GeneratorHarness.Compilation("class A { }");
        var generator = GeneratorHarness.CreateDriver(file).RunGenerators(compilation).GetRunResult().Diagnostics;
        var analyzer = compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TrackingPlanAnalyzer()), new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(file), new TestOptionsProvider("Test.App")))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return generator.Concat(analyzer)
            .Where(d => !ProjectOnly.Contains(d.Id))
            .Select(d => Key(d.Id, d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Location.GetLineSpan().StartLinePosition.Character + 1, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(k => k, StringComparer.Ordinal)
            .ToList();
    }

    private static List<string> FromLint(string plan)
    {
        string directory = Path.Combine(Path.GetTempPath(), "ripetyped-parity-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string path = Path.Combine(directory, "tracking-plan.yaml");
            File.WriteAllText(path, plan, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            var output = new StringWriter();
            int exit = CliApp.Run(new[] { "lint", path, "--format", "sarif", "--namespace", "Test.App.Analytics" }, output, new StringWriter());
            Assert.True(exit is 0 or 1 or 3, "lint exit " + exit); // 3: not YAML (RIPE0001 is still reported)
            using var sarif = JsonDocument.Parse(output.ToString());
            return sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r =>
                {
                    var region = r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
                    return Key(r.GetProperty("ruleId").GetString()!, region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), r.GetProperty("message").GetProperty("text").GetString()!);
                })
                .OrderBy(k => k, StringComparer.Ordinal)
                .ToList();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Key(string id, int line, int column, string message) => $"{line},{column} {id}: {message}";
}
