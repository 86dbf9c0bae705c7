using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using RipeTyped.Generator.Common;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Loading;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Generator.Pipeline
{
    /// <summary>Plan files → <see cref="PlanModel"/>: the project's plan through <see cref="PlanAnalysis"/>, shared with the analyzers.</summary>
    internal static class PlanModelBuilder
    {
        public static PlanModel Build(ImmutableArray<PlanFile> files, ProjectInfo project, CancellationToken cancellationToken)
        {
            if (files.IsDefaultOrEmpty)
            {
                return new PlanModel(null, null, EquatableArray<PlanDiagnostic>.Empty);
            }

            var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            PlanFile file = ordered[0];
            var diagnostics = new List<PlanDiagnostic>();
            foreach (var ignored in ordered.Skip(1))
            {
                diagnostics.Add(PlanDiagnostic.Create(RipeDiagnostics.MultiplePlans, ignored.Path, SourceSpan.None, ignored.Path, file.Path));
            }

            // The naming findings (RIPE1xxx from the linter) are the analyzer's to report, where .editorconfig can configure them.
            PlanAnalysis analysis = PlanAnalysisCache.Get(file.Text, file.Path, project.DefaultNamespace, cancellationToken);
            diagnostics.AddRange(analysis.BuildDiagnostics);
            GenerationSpec? spec = analysis.Spec;
            if (spec is not null)
            {
                LastReadableSpecs.Remember(file.Path, project.DefaultNamespace, spec);
            }
            else if (analysis.Readability == PlanReadability.Unreadable && !analysis.BuildDiagnostics.Any(d => d.Id == RipeDiagnostics.InternalError.Id))
            {
                spec = LastReadableSpecs.Find(file.Path, project.DefaultNamespace);
            }

            return new PlanModel(file.Path, spec, diagnostics.ToEquatableArray());
        }
    }
}
