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
            Facade = GeneratedTypeRef.TopLevel(Spec.Namespace, Spec.ClassName);
            FacadeInterface = Spec.InterfaceName is { } name ? GeneratedTypeRef.TopLevel(Spec.Namespace, name) : null;
            var types = new Dictionary<GeneratedTypeRef, TypeSpec>();
            AddTypes(Spec.Types, types);
            Types = types;
        }

        public PlanAnalysis Analysis { get; }

        public string Path => Analysis.Path;

        public ValidatedPlan Plan => Analysis.Plan;

        public GenerationSpec Spec { get; }

        public CaseStyle EventCase { get; }

        public IReadOnlyDictionary<string, CallDefinition> EventsByName { get; }

        /// <summary>Generated Track methods by event name (events that got code).</summary>
        public IReadOnlyDictionary<string, CallSpec> EventMethods { get; }

        public GeneratedTypeRef Facade { get; }

        public string FacadeMetadataName => Facade.MetadataName;

        /// <summary>The facade's interface, or null when the plan turns it off.</summary>
        public GeneratedTypeRef? FacadeInterface { get; }

        /// <summary>Every generated type, nested ones too, by its identity.</summary>
        public IReadOnlyDictionary<GeneratedTypeRef, TypeSpec> Types { get; }

        /// <summary>The loaded plan of a compilation; null when it has none, or while it cannot be read (then no C# rule judges calls against it).</summary>
        public static AnalyzedPlan? Get(AnalyzerOptions options, Compilation compilation, CancellationToken cancellationToken)
        {
            PlanAnalysis? analysis = Load(options, compilation, cancellationToken);
            return analysis?.Readability == PlanReadability.Readable ? Views.GetValue(analysis, a => new AnalyzedPlan(a)) : null;
        }

        /// <summary>
        /// The compilation's plan, as the generator loads it (every plan file in path order, the project's namespace and source),
        /// from the load the generator shares; null when the compilation has no plan file.
        /// </summary>
        public static PlanAnalysis? Load(AnalyzerOptions options, Compilation compilation, CancellationToken cancellationToken)
        {
            var files = FindPlanFiles(options);
            if (files.Count == 0)
            {
                return null;
            }

            var project = ProjectInfo.From(options.AnalyzerConfigOptionsProvider.GlobalOptions, compilation.AssemblyName);
            return PlanAnalysisCache.Get(
                files.Select(f => (f.Path, f.GetText(cancellationToken))).ToList(), project.DefaultNamespace, project.Source, cancellationToken);
        }

        /// <summary>A one-file plan under a given namespace (every source), as <see cref="Get(AnalyzerOptions, Compilation, CancellationToken)"/> loads it.</summary>
        public static AnalyzedPlan? Get(AdditionalText file, string defaultNamespace, CancellationToken cancellationToken)
        {
            PlanAnalysis analysis = PlanAnalysisCache.Get(file.GetText(cancellationToken), file.Path, defaultNamespace, cancellationToken);
            return analysis.Readability == PlanReadability.Readable ? Views.GetValue(analysis, a => new AnalyzedPlan(a)) : null;
        }

        /// <summary>The plan files of a compilation, in reading order, as the generator picks them.</summary>
        public static List<AdditionalText> FindPlanFiles(AnalyzerOptions options) =>
            PlanLoader.InReadingOrder(options.AdditionalFiles.Where(f => PlanFileSelector.IsPlan(f, options.AnalyzerConfigOptionsProvider)), f => f.Path);

        public Location LocationOf(SourceSpan span) => Location.Create(span.File ?? Path, span.TextSpan, span.LineSpan);

        private static void AddTypes(IEnumerable<TypeSpec> types, Dictionary<GeneratedTypeRef, TypeSpec> index)
        {
            foreach (var type in types)
            {
                index[type.Type] = type;
                if (type is ObjectTypeSpec objectType)
                {
                    AddTypes(objectType.NestedTypes, index);
                }
            }
        }
    }
}
