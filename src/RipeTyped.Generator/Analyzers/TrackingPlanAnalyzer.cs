using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RipeTyped.Generator.Diagnostics;

namespace RipeTyped.Generator.Analyzers
{
    /// <summary>
    /// Reports the plan's naming and hygiene rules (RIPE1xxx) on the exact line of tracking-plan.yaml, from the
    /// same loader and validator the generator uses.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TrackingPlanAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            RipeDiagnostics.Where(d => d.Id.StartsWith("RIPE1", System.StringComparison.Ordinal));

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                // Without plan files nothing to judge; with RipeTypedGenerate=false the project that generates the types
                // reports the plan's findings, so they do not show twice.
                if (AnalyzedPlan.FindPlanFiles(start.Options).Count == 0 ||
                    !Pipeline.ProjectInfo.From(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions, null).Generates)
                {
                    return;
                }

                // Each plan file reports its own findings, from the one load of the whole plan.
                start.RegisterAdditionalFileAction(fileContext =>
                {
                    var plan = AnalyzedPlan.Load(fileContext.Options, start.Compilation, fileContext.CancellationToken);
                    if (plan is null)
                    {
                        return;
                    }

                    foreach (var diagnostic in plan.NamingDiagnostics.Where(d => d.FilePath == fileContext.AdditionalFile.Path))
                    {
                        fileContext.ReportDiagnostic(diagnostic.ToDiagnostic());
                    }
                });
            });
        }
    }
}
