using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Lint;
using RipeTyped.Generator.Loading;
using RipeTyped.Generator.Naming;
using RipeTyped.Generator.Pipeline;
using RipeTyped.Generator.Plan;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Generator.Analyzers
{
    /// <summary>
    /// A plan as the analyzers need it: the shared <see cref="PlanAnalysis"/> (one parse per plan text, shared with the
    /// generator) with the lookups of the C# rules, made once per analysis.
    /// </summary>
    internal sealed class AnalyzedPlan
    {
        private static readonly ConditionalWeakTable<PlanAnalysis, AnalyzedPlan> Views = new ConditionalWeakTable<PlanAnalysis, AnalyzedPlan>();

        private AnalyzedPlan(PlanAnalysis analysis)
        {
            Analysis = analysis;
            Spec = analysis.Spec!;
            EventCase = PlanLinter.EventCaseOf(analysis.Plan);
            EventsByName = analysis.Plan.Events.ToDictionary(e => e.Name, StringComparer.Ordinal);
            EventMethods = Spec.Events.ToDictionary(e => e.WireName, StringComparer.Ordinal);
            FacadeMetadataName = Spec.Namespace + "." + Spec.ClassName;
        }

        public PlanAnalysis Analysis { get; }

        public string Path => Analysis.Path;

        public TrackingPlan Plan => Analysis.Plan;

        public GenerationSpec Spec { get; }

        public CaseStyle EventCase { get; }

        public IReadOnlyDictionary<string, CallDefinition> EventsByName { get; }

        /// <summary>Generated Track methods by event name (events that got code).</summary>
        public IReadOnlyDictionary<string, CallSpec> EventMethods { get; }

        public string FacadeMetadataName { get; }

        /// <summary>The loaded plan of a compilation; null while it cannot be read (then no C# rule judges calls against it).</summary>
        public static AnalyzedPlan? Get(AdditionalText file, string defaultNamespace, CancellationToken cancellationToken)
        {
            PlanAnalysis analysis = Load(file, defaultNamespace, cancellationToken);
            return analysis.Readability == PlanReadability.Readable ? Views.GetValue(analysis, a => new AnalyzedPlan(a)) : null;
        }

        public static PlanAnalysis Load(AdditionalText file, string defaultNamespace, CancellationToken cancellationToken) =>
            PlanAnalysisCache.Get(file.GetText(cancellationToken), file.Path, defaultNamespace, cancellationToken);

        /// <summary>The plan file of a compilation: the first tracking plan by path, as the generator picks it.</summary>
        public static AdditionalText? FindPlanFile(AnalyzerOptions options) =>
            options.AdditionalFiles.Where(f => PlanFileSelector.IsPlan(f, options.AnalyzerConfigOptionsProvider)).OrderBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault();

        public Location LocationOf(SourceSpan span) => Location.Create(Path, span.TextSpan, span.LineSpan);
    }
}
