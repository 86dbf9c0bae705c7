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
using RipeTyped.Generator.Naming;
using RipeTyped.Generator.Pipeline;
using RipeTyped.Generator.Plan;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Generator.Analyzers
{
    /// <summary>
    /// A plan as the analyzers need it: loaded and linted once, with the generated C# names of its events.
    /// Cached per plan text, so edits to C# files (new compilations, same plan text) never re-parse the YAML.
    /// </summary>
    internal sealed class AnalyzedPlan
    {
        // Per plan text (dropped with it), the loaded plan per (path, namespace). GetValue is atomic and Lazy parses once
        // however many analyzers ask at the same time: no check-then-act, nothing to race.
        private static readonly ConditionalWeakTable<SourceText, ConcurrentDictionary<(string Path, string Namespace), Lazy<AnalyzedPlan>>> Cache =
            new ConditionalWeakTable<SourceText, ConcurrentDictionary<(string Path, string Namespace), Lazy<AnalyzedPlan>>>();

        private AnalyzedPlan(string path, string defaultNamespace, TrackingPlan plan, GenerationSpec spec, IReadOnlyList<PlanDiagnostic> lint)
        {
            Path = path;
            DefaultNamespace = defaultNamespace;
            Plan = plan;
            Spec = spec;
            LintDiagnostics = lint;
            EventCase = PlanLinter.EventCaseOf(plan);
            EventsByName = plan.Events.ToDictionary(e => e.Name, StringComparer.Ordinal);
            EventMethods = spec.Events.ToDictionary(e => e.WireName, StringComparer.Ordinal);
            FacadeMetadataName = spec.Namespace + "." + spec.ClassName;
        }

        public string Path { get; }

        public string DefaultNamespace { get; }

        public TrackingPlan Plan { get; }

        public GenerationSpec Spec { get; }

        public IReadOnlyList<PlanDiagnostic> LintDiagnostics { get; }

        public CaseStyle EventCase { get; }

        public IReadOnlyDictionary<string, CallDefinition> EventsByName { get; }

        /// <summary>Generated Track methods by event name (events that got code).</summary>
        public IReadOnlyDictionary<string, CallSpec> EventMethods { get; }

        public string FacadeMetadataName { get; }

        public static AnalyzedPlan Get(AdditionalText file, string defaultNamespace, CancellationToken cancellationToken)
        {
            SourceText? text = file.GetText(cancellationToken);
            if (text is null)
            {
                return Load(file.Path, "", defaultNamespace);
            }

            var byProject = Cache.GetValue(text, _ => new ConcurrentDictionary<(string, string), Lazy<AnalyzedPlan>>());
            string path = file.Path;
            return byProject.GetOrAdd((path, defaultNamespace), key => new Lazy<AnalyzedPlan>(
                () => Load(key.Path, text.ToString(), key.Namespace), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        }

        /// <summary>The plan file of a compilation: the first tracking plan by path, as the generator picks it.</summary>
        public static AdditionalText? FindPlanFile(AnalyzerOptions options) =>
            options.AdditionalFiles.Where(f => PlanFileSelector.IsPlan(f, options.AnalyzerConfigOptionsProvider)).OrderBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault();

        public Location LocationOf(SourceSpan span) => Location.Create(Path, span.TextSpan, span.LineSpan);

        private static AnalyzedPlan Load(string path, string text, string defaultNamespace)
        {
            var diagnostics = new List<PlanDiagnostic>();
            TrackingPlan plan = PlanLoader.Load(text, path, diagnostics);
            GenerationSpec spec = SpecBuilder.Build(plan, defaultNamespace, diagnostics);
            var lint = new List<PlanDiagnostic>();
            if (!diagnostics.Any(d => d.Id == RipeDiagnostics.YamlSyntax.Id))
            {
                PlanLinter.Lint(plan, lint);
            }

            return new AnalyzedPlan(path, defaultNamespace, plan, spec, lint);
        }
    }
}
