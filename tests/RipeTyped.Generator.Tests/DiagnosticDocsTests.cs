using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RipeTyped.Generator.Analyzers;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>
/// The docs/diagnostics pages are checked against the product: each page's "Bad" plan raises its rule with the
/// message the page quotes, and its "Good" plan does not.
/// </summary>
public class DiagnosticDocsTests
{
    public static TheoryData<string> PagesWithPlanExamples()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(RepositoryFiles.Path("docs/diagnostics"), "RIPE*.md").OrderBy(f => f))
        {
            // Pages whose Bad and Good examples are plans and which quote the message (not RIPE0099, RIPE2xxx).
            string text = File.ReadAllText(file);
            string id = Path.GetFileNameWithoutExtension(file);
            if (text.Contains("## Bad\n\n```yaml", System.StringComparison.Ordinal) &&
                text.Contains("## Good\n\n```yaml", System.StringComparison.Ordinal) &&
                text.Contains("\n> " + id + ":", System.StringComparison.Ordinal))
            {
                data.Add(id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesWithPlanExamples))]
    public async Task Page_examples_match_the_rule(string id)
    {
        string page = File.ReadAllText(RepositoryFiles.Path($"docs/diagnostics/{id}.md"));
        string bad = Block(page, "## Bad");
        string good = Block(page, "## Good");
        string quoted = Regex.Match(page, @"^> (RIPE\d+: .*)$", RegexOptions.Multiline).Groups[1].Value;

        var badDiagnostics = await DiagnoseAsync(bad);
        var raised = badDiagnostics.Where(d => d.Id == id).ToList();
        Assert.True(raised.Count > 0, $"{id}: the Bad example does not raise it; got {string.Join(", ", badDiagnostics.Select(d => d.Id))}");
        Assert.Contains(quoted, raised.Select(d => $"{d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"));
        Assert.DoesNotContain(await DiagnoseAsync(good), d => d.Id == id);
    }

    private static string Block(string page, string heading)
    {
        int start = page.IndexOf(heading + "\n\n```yaml\n", System.StringComparison.Ordinal);
        Assert.True(start >= 0, heading + " block missing");
        start = page.IndexOf('\n', page.IndexOf("```yaml", start, System.StringComparison.Ordinal)) + 1;
        return page.Substring(start, page.IndexOf("```", start, System.StringComparison.Ordinal) - start);
    }

    private static async Task<IReadOnlyList<Diagnostic>> DiagnoseAsync(string plan)
    {
        var run = GeneratorHarness.Run(plan);
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(GeneratorHarness.PlanPath, plan)));
        var analyzerDiagnostics = await run.Output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TrackingPlanAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
        return run.GeneratorDiagnostics.Concat(analyzerDiagnostics).ToList();
    }
}
