using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using RipeTyped.Cli;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>
/// Syntax errors at their own file and position (not 1,1 of tracking-plan.yaml), an empty plan file as RIPE0022 in the
/// build and in lint, and RIPE0005's message.
/// </summary>
public class PlanInputDiagnosticsTests
{
    private static (string File, int Line, int Column) Where(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    private static GeneratorRun RunSplit(string directory, params (string Name, string Text)[] files)
    {
        var compilation = GeneratorHarness.Compilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(files.Select(f => (AdditionalText)new InMemoryAdditionalText(directory + f.Name, f.Text)), source: null)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver.GetRunResult(), output, diagnostics);
    }

    private static (int Exit, string Output) Lint(string text)
    {
        string directory = Path.Combine(Path.GetTempPath(), "ripetyped-input-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            File.WriteAllText(Path.Combine(directory, "tracking-plan.yaml"), text);
            var output = new StringWriter();
            int exit = CliApp.Run(new[] { "lint", Path.Combine(directory, "tracking-plan.yaml"), "--namespace", "Test.App.Analytics" }, output, new StringWriter());
            return (exit, output.ToString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_tab_indenting_a_nested_key_is_RIPE0001_on_its_line()
    {
        // YamlDotNet throws "found invalid tab as indentation" without a position: it was reported at (1,1).
        string path = GeneratorHarness.FreshPlanPath();
        var run = GeneratorHarness.Run("version: 1\nevents:\n  - name: Signed Up\n    description: x\n    properties:\n\t  plan: string\n", planPath: path);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RIPE0001", diagnostic.Id);
        Assert.Equal((path, 6, 1), Where(diagnostic));
        Assert.Equal("This tracking plan file is not valid YAML: a tab indents this line; YAML indents with spaces only", diagnostic.GetMessage());
    }

    [Fact]
    public void A_tab_inside_a_block_description_is_not_blamed_for_a_syntax_error_further_down()
    {
        // A tab that starts a line of a `|` block is content; the error is the unclosed mapping at line 8.
        string path = GeneratorHarness.FreshPlanPath();
        var run = GeneratorHarness.Run(
            "version: 1\nevents:\n  - name: Signed Up\n    description: |\n      First line.\n      \tIndented with a tab, as text.\n  - name: Paid Invoice\n    properties: { amount: number\n",
            planPath: path);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RIPE0001", diagnostic.Id);
        Assert.DoesNotContain("tab", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.True(Where(diagnostic).Item2 >= 8, $"reported at line {Where(diagnostic).Item2}: {diagnostic.GetMessage()}");
    }

    [Fact]
    public void A_syntax_error_in_another_file_of_a_split_plan_names_that_file_and_not_tracking_plan_yaml()
    {
        string directory = "/split-" + Guid.NewGuid().ToString("N") + "/";
        var run = RunSplit(
            directory,
            ("tracking-plan.yaml", "version: 1\nevents:\n  - name: Signed Up\n    description: x\n"),
            ("billing.tracking-plan.yaml", "version: 1\nevents:\n  - name: Paid Invoice\n    description: x\n    properties: { amount: number\n"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RIPE0001", diagnostic.Id);
        Assert.Equal((directory + "billing.tracking-plan.yaml", 6, 1), Where(diagnostic));
        Assert.DoesNotContain("tracking-plan.yaml", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "This tracking plan file is empty; write the plan in it (at least 'version: 1'), or remove the file")]
    [InlineData("\n\n   \n", "This tracking plan file is empty; write the plan in it (at least 'version: 1'), or remove the file")]
    [InlineData("# The plan comes later.\n", "This tracking plan file is empty (it holds only comments); write the plan in it (at least 'version: 1'), or remove the file")]
    [InlineData("---\n", "This tracking plan file is empty; write the plan in it (at least 'version: 1'), or remove the file")]
    public void An_empty_plan_is_RIPE0022_in_the_build_and_in_lint(string plan, string message)
    {
        var run = GeneratorHarness.Run(plan, planPath: GeneratorHarness.FreshPlanPath());
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RIPE0022", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(message, diagnostic.GetMessage());
        Assert.Equal((1, 1), (Where(diagnostic).Line, Where(diagnostic).Column));

        var (exit, output) = Lint(plan);
        Assert.Equal(RipeTyped.Cli.Infrastructure.ExitCodes.CheckFailed, exit); // an error, not an unreadable plan (was 0, "0 errors")
        Assert.Contains("tracking-plan.yaml(1,1): error RIPE0022: " + message, output);
    }

    [Fact]
    public void An_empty_file_of_a_split_plan_is_RIPE0022_on_that_file()
    {
        string directory = "/split-" + Guid.NewGuid().ToString("N") + "/";
        var run = RunSplit(
            directory,
            ("tracking-plan.yaml", "version: 1\nevents:\n  - name: Signed Up\n    description: x\n"),
            ("billing.tracking-plan.yaml", "# billing-team: events to come\n"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RIPE0022", diagnostic.Id);
        Assert.Equal(directory + "billing.tracking-plan.yaml", Where(diagnostic).File);
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("TrackSignedUp", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plan_with_only_a_version_is_not_empty()
    {
        Assert.DoesNotContain(GeneratorHarness.Run("version: 1\n").GeneratorDiagnostics, d => d.Id == "RIPE0022");
    }

    [Fact]
    public void A_property_without_type_or_ref_is_RIPE0005_with_a_closed_parenthesis()
    {
        var run = GeneratorHarness.Run("version: 1\nevents:\n  - name: Signed Up\n    description: x\n    properties:\n      plan: { description: The plan. }\n");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "RIPE0005");
        Assert.Equal("Property 'plan' needs 'type' (or '$ref')", diagnostic.GetMessage());
    }

    [Fact]
    public void RIPE0005_quotes_a_key_and_not_a_phrase()
    {
        var run = GeneratorHarness.Run("version: 1\nevents:\n  - name: Signed Up\n    description: x\n    properties:\n      plan: { type: enum, values: [] }\n");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "RIPE0005");
        Assert.Equal("Enum property 'plan' needs at least one value", diagnostic.GetMessage());
    }
}
