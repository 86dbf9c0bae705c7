using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using RipeTyped.Generator.Common;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Loading;
using RipeTyped.Generator.Plan;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Generator.Pipeline
{
    /// <summary>Plan files → <see cref="PlanModel"/>: the project's plan through <see cref="PlanAnalysis"/>, shared with the analyzers.</summary>
    internal static class PlanModelBuilder
    {
        public static PlanModel Build(ImmutableArray<PlanFile> files, ProjectInfo project, CancellationToken cancellationToken)
        {
            // RipeTypedGenerate=false: the types come from a referenced project, which also reports the plan's findings.
            if (files.IsDefaultOrEmpty || !project.Generates)
            {
                return new PlanModel(null, null, EquatableArray<PlanDiagnostic>.Empty);
            }

            // Every plan file of the project is one plan (a plan split across files), read in the order the CLI reads it too.
            var ordered = PlanLoader.InReadingOrder(files, f => f.Path).Select(f => (f.Path, f.Text)).ToList();
            string path = ordered[0].Path;

            // The naming findings (RIPE1xxx from the linter) are the analyzer's to report, where a .globalconfig can configure them.
            PlanAnalysis analysis = PlanAnalysisCache.Get(ordered, project.DefaultNamespace, project.Source, cancellationToken);
            var diagnostics = analysis.BuildDiagnostics.ToEquatableArray();
            string key = project.DefaultNamespace + "|" + project.Source;
            GenerationSpec? spec = analysis.Spec;
            if (spec is not null)
            {
                LastReadableSpecs.Remember(path, key, spec);
            }
            else if (analysis.Readability == PlanReadability.Unreadable && !analysis.BuildDiagnostics.Any(d => d.Id == RipeDiagnostics.InternalError.Id))
            {
                spec = LastReadableSpecs.Find(path, key);
            }

            return new PlanModel(path, spec, diagnostics);
        }
    }
}
