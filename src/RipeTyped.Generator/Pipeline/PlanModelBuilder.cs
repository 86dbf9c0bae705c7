using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using RipeTyped.Generator.Common;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Plan;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Generator.Pipeline
{
    /// <summary>Plan files → <see cref="PlanModel"/>: load (parse + validate), then map to a generation spec.</summary>
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

            // The loader and spec builder report only RIPE0xxx; naming/hygiene (RIPE1xxx) runs in the analyzer,
            // where .globalconfig/.editorconfig can configure it.
            try
            {
                TrackingPlan plan = PlanLoader.Load(file.Text, file.Path, diagnostics);
                cancellationToken.ThrowIfCancellationRequested();
                if (diagnostics.Any(d => d.Id == RipeDiagnostics.YamlSyntax.Id || d.Id == RipeDiagnostics.PlanTooLarge.Id))
                {
                    // Unreadable YAML: nothing in it can be trusted, so nothing is generated until it parses again.
                    return new PlanModel(file.Path, null, diagnostics.ToEquatableArray());
                }

                GenerationSpec spec = SpecBuilder.Build(plan, project.DefaultNamespace, diagnostics);
                return new PlanModel(file.Path, spec, diagnostics.ToEquatableArray());
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                // A generator must never throw (CS8785); a bug here becomes a diagnostic and no code.
                diagnostics.Add(PlanDiagnostic.Create(RipeDiagnostics.InternalError, file.Path, SourceSpan.None, ex.GetType().Name + ": " + ex.Message));
                return new PlanModel(file.Path, null, diagnostics.ToEquatableArray());
            }
        }
    }
}
