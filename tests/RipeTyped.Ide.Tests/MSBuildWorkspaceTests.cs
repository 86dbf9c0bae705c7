using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.CodeAnalysis.Text;
using RipeTyped.CodeFixes;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Ide.Tests;

/// <summary>
/// The repository's sample project opened as an IDE opens it (MSBuildWorkspace): generated code and zero errors; an
/// edit of tracking-plan.yaml in the workspace (not on disk) gives the new method and a RIPE1001 warning on the
/// edited line without a rebuild; the RIPE2003 fix applied through the workspace compiles.
/// </summary>
public sealed class MSBuildWorkspaceTests
{
    static MSBuildWorkspaceTests()
    {
        if (!MSBuildLocator.IsRegistered)
        {
            MSBuildLocator.RegisterDefaults();
        }
    }

    private static string Repository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "RipeTyped.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("RipeTyped.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(MSBuildWorkspace Workspace, Project Project, List<string> Failures)> OpenAsync(string relativePath)
    {
        var workspace = MSBuildWorkspace.Create();
        var failures = new List<string>();
        workspace.RegisterWorkspaceFailedHandler(e => { lock (failures) { failures.Add(e.Diagnostic.Message); } });
        var project = await workspace.OpenProjectAsync(Path.Combine(Repository(), relativePath));
        return (workspace, project, failures);
    }

    [Fact]
    public async Task The_sample_opens_with_generated_code_and_no_errors()
    {
        var (workspace, project, failures) = await OpenAsync("samples/RipeTyped.Sample/RipeTyped.Sample.csproj");
        using (workspace)
        {
            var compilation = (await project.GetCompilationAsync())!;

            Assert.Contains(compilation.SyntaxTrees, t => t.FilePath.EndsWith("AcmeAnalytics.g.cs", StringComparison.Ordinal));
            Assert.NotNull(compilation.GetTypeByMetadataName("Acme.Analytics.AcmeAnalytics")?.GetMembers("TrackClickedBookADemoButton").SingleOrDefault());
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            // The plan is split in two files and the sample is its "web" source, as the IDE host loads it: both files are
            // plan documents, the billing-api events of the second file get no methods, the plan version is a constant.
            var facade = compilation.GetTypeByMetadataName("Acme.Analytics.AcmeAnalytics")!;
            Assert.Equal(2, project.AdditionalDocuments.Count(d => d.Name.EndsWith("tracking-plan.yaml", StringComparison.Ordinal)));
            Assert.Empty(facade.GetMembers("TrackUpgradedPlan"));
            Assert.Empty(facade.GetMembers("TrackPaidInvoice"));
            Assert.Equal("web", facade.GetMembers("Source").OfType<IFieldSymbol>().Single().ConstantValue);
            Assert.NotNull(facade.GetMembers("PlanVersion").OfType<IFieldSymbol>().SingleOrDefault());
            Assert.DoesNotContain(failures, f => f.Contains("RipeTyped", StringComparison.Ordinal) && f.Contains("error", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task A_plan_edit_in_the_workspace_shows_the_new_method_and_a_warning_on_its_line()
    {
        var (workspace, project, _) = await OpenAsync("samples/RipeTyped.Sample/RipeTyped.Sample.csproj");
        using (workspace)
        {
            var plan = project.AdditionalDocuments.Single(d => Path.GetFileName(d.FilePath) == "tracking-plan.yaml");
            string text = (await plan.GetTextAsync()).ToString();
            string added = "  - name: Clicked Button\n    description: A button was clicked.\n    properties:\n      button: { type: string, required: true }\n";
            int eventsAt = text.IndexOf("\nevents:\n", StringComparison.Ordinal) + "\nevents:\n".Length;
            string edited = text.Insert(eventsAt, added);
            int expectedLine = edited.Take(eventsAt).Count(c => c == '\n') + 1; // 1-based line of "- name: Clicked Button"
            // The edit's text counts how often its whole text is read: the generator and the analyzers each need the plan,
            // and the IDE path must parse it once (they share one load of this text).
            var editedText = new CountingText(edited);
            var solution = project.Solution.WithAdditionalDocumentText(plan.Id, editedText);
            var editedProject = solution.GetProject(project.Id)!;

            var compilation = (await editedProject.GetCompilationAsync())!;
            Assert.NotNull(compilation.GetTypeByMetadataName("Acme.Analytics.AcmeAnalytics")?.GetMembers("TrackClickedButton").SingleOrDefault());
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var analyzers = editedProject.AnalyzerReferences.SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();
            Assert.Contains(analyzers, a => a.GetType().Name == "TrackingPlanAnalyzer");
            var diagnostics = await compilation.WithAnalyzers(analyzers, editedProject.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
            var warning = Assert.Single(diagnostics, d => d.Id == "RIPE1001");
            Assert.Equal(DiagnosticSeverity.Warning, warning.DefaultSeverity); // reported as an error here: the repository sets TreatWarningsAsErrors
            Assert.EndsWith("tracking-plan.yaml", warning.Location.GetLineSpan().Path, StringComparison.Ordinal);
            Assert.Equal(expectedLine, warning.Location.GetLineSpan().StartLinePosition.Line + 1);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            Assert.Equal(1, editedText.WholeTextReads);
        }
    }

    [Fact]
    public async Task The_RIPE2003_fix_applied_through_the_workspace_compiles()
    {
        var (workspace, project, _) = await OpenAsync("samples/RipeTyped.Sample/RipeTyped.Sample.csproj");
        using (workspace)
        {
            var document = project.AddDocument("RawCall.cs", SourceText.From("""
                using RipeTyped;

                static class RawCall
                {
                    public static void Run(RipeClient client) =>
                        client.Track("Clicked Book a Demo Button", new RipeProperties { ["source_page"] = "/pricing" });
                }
                """));
            project = document.Project;
            var compilation = (await project.GetCompilationAsync())!;
            var analyzers = project.AnalyzerReferences.SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();
            var diagnostics = await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
            var diagnostic = Assert.Single(diagnostics, d => d.Id == "RIPE2003");

            var actions = new List<CodeAction>();
            await new UseTypedMethodCodeFix().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
            var operation = (await Assert.Single(actions).GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
            var fixedProject = operation.ChangedSolution.GetProject(project.Id)!;
            var fixedCompilation = (await fixedProject.GetCompilationAsync())!;

            string fixedText = (await fixedProject.GetDocument(document.Id)!.GetTextAsync()).ToString();
            Assert.Contains("new Acme.Analytics.AcmeAnalytics(client).TrackClickedBookADemoButton(new Acme.Analytics.ClickedBookADemoButtonProperties { SourcePage = \"/pricing\" })", fixedText, StringComparison.Ordinal);
            Assert.DoesNotContain(".Track(", fixedText, StringComparison.Ordinal);
            Assert.Empty(fixedCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }
    }

    [Fact]
    public async Task The_generator_project_opens_without_duplicate_analyzer_release_files()
    {
        var (workspace, project, failures) = await OpenAsync("src/RipeTyped.Generator/RipeTyped.Generator.csproj");
        using (workspace)
        {
            Assert.DoesNotContain(failures, f => f.Contains("Duplicate source file", StringComparison.Ordinal));
            Assert.Single(project.AdditionalDocuments, d => d.Name == "AnalyzerReleases.Shipped.md");
        }
    }
}
