using System.Collections.Immutable;
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
                AdditionalText? planFile = AnalyzedPlan.FindPlanFile(start.Options);
                if (planFile is null)
                {
                    return;
                }

                string defaultNamespace = ProjectNamespace.Of(start.Options, start.Compilation);
                start.RegisterAdditionalFileAction(fileContext =>
                {
                    if (fileContext.AdditionalFile.Path != planFile.Path)
                    {
                        return;
                    }

                    var plan = AnalyzedPlan.Load(fileContext.AdditionalFile, defaultNamespace, fileContext.CancellationToken);
                    foreach (var diagnostic in plan.NamingDiagnostics)
                    {
                        fileContext.ReportDiagnostic(diagnostic.ToDiagnostic());
                    }
                });
            });
        }
    }
}
