using System;
using System.Collections.Generic;
using System.Linq;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Lint;
using RipeTyped.Generator.Plan;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Generator.Loading
{
    /// <summary>Whether anything in a plan file could be read.</summary>
    internal enum PlanReadability
    {
        /// <summary>The YAML parsed: every item that loads has a spec, whatever errors other items have.</summary>
        Readable,

        /// <summary>Not YAML, not UTF-8, or over the size limit: nothing in it can be trusted, so nothing is generated.</summary>
        Unreadable,
    }

    /// <summary>
    /// The one way through a plan: load (parse, validate), name and map to the spec, lint. The generator, both analyzers and
    /// every CLI command take their plan from <see cref="Load"/>, so one plan gives one set of diagnostics everywhere; who
    /// reports which part is the only difference (<see cref="BuildDiagnostics"/> from the generator, <see cref="NamingDiagnostics"/>
    /// from the analyzer, where a .globalconfig can configure them; the CLI reports <see cref="Diagnostics"/>, both).
    /// </summary>
    internal sealed class PlanAnalysis
    {
        private PlanAnalysis(
            string path,
            string defaultNamespace,
            string? source,
            PlanReadability readability,
            ValidatedPlan plan,
            GenerationSpec? spec,
            IReadOnlyList<PlanDiagnostic> buildDiagnostics,
            IReadOnlyList<PlanDiagnostic> namingDiagnostics)
        {
            Path = path;
            DefaultNamespace = defaultNamespace;
            Source = source;
            Readability = readability;
            Plan = plan;
            Spec = spec;
            BuildDiagnostics = buildDiagnostics;
            NamingDiagnostics = namingDiagnostics;
            _diagnostics = new Lazy<IReadOnlyList<PlanDiagnostic>>(() => InFileOrder(BuildDiagnostics.Concat(NamingDiagnostics)));
        }

        // Only the CLI asks for both sets in file order; the generator and the analyzers read their own set.
        private readonly Lazy<IReadOnlyList<PlanDiagnostic>> _diagnostics;

        /// <summary>The plan's first file (by path): where diagnostics without a position of their own are reported.</summary>
        public string Path { get; }

        /// <summary>The project's source (<c>RipeTypedSource</c>): the spec holds only its calls. Null: every call.</summary>
        public string? Source { get; }

        /// <summary>The namespace the generated code takes when the plan sets none (from the project).</summary>
        public string DefaultNamespace { get; }

        public PlanReadability Readability { get; }

        public ValidatedPlan Plan { get; }

        /// <summary>The generated C# names and types; null exactly when <see cref="Readability"/> is <see cref="PlanReadability.Unreadable"/>.</summary>
        public GenerationSpec? Spec { get; }

        /// <summary>What decides the generated code: plan errors (RIPE0xxx) and the C# naming of the spec (RIPE1010, RIPE1011).</summary>
        public IReadOnlyList<PlanDiagnostic> BuildDiagnostics { get; }

        /// <summary>Naming and hygiene rules (RIPE1xxx from <see cref="PlanLinter"/>); they never change the generated code.</summary>
        public IReadOnlyList<PlanDiagnostic> NamingDiagnostics { get; }

        /// <summary>Every diagnostic of the plan, in file order.</summary>
        public IReadOnlyList<PlanDiagnostic> Diagnostics => _diagnostics.Value;

        public static PlanAnalysis Load(string text, string path, string defaultNamespace, string? source = null) =>
            Load(new[] { new PlanText(path, text) }, defaultNamespace, source);

        /// <param name="files">The plan's files in path order (one or more).</param>
        public static PlanAnalysis Load(IReadOnlyList<PlanText> files, string defaultNamespace, string? source = null)
        {
            string path = files[0].Path;
            var diagnostics = new List<PlanDiagnostic>();
            ValidatedPlan plan;
            try
            {
                plan = PlanLoader.Load(files, diagnostics);
                if (diagnostics.Any(d => d.Id == RipeDiagnostics.YamlSyntax.Id || d.Id == RipeDiagnostics.PlanTooLarge.Id || d.Id == RipeDiagnostics.InvalidEncoding.Id))
                {
                    return new PlanAnalysis(path, defaultNamespace, source, PlanReadability.Unreadable, plan, null, diagnostics, Array.Empty<PlanDiagnostic>());
                }

                GenerationSpec spec = SpecBuilder.Build(plan, defaultNamespace, source, diagnostics);
                if (source is not null && !plan.Sources.IsEmpty && !plan.Sources.Any(s => s.Value == source))
                {
                    // A misspelt project source would silently leave out every event of its own.
                    diagnostics.Add(PlanDiagnostic.Create(
                        RipeDiagnostics.UnknownProjectSource, path, plan.Sources[0].Span, source, string.Join(", ", plan.Sources.Select(s => s.Value))));
                }

                var naming = new List<PlanDiagnostic>();
                PlanLinter.Lint(plan, naming);
                return new PlanAnalysis(path, defaultNamespace, source, PlanReadability.Readable, plan, spec, diagnostics, naming);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                // A generator must never throw (CS8785): a bug here becomes a diagnostic and no code, the same in every host.
                diagnostics.Add(PlanDiagnostic.Create(RipeDiagnostics.InternalError, path, SourceSpan.None, ex.GetType().Name + ": " + ex.Message));
                return new PlanAnalysis(path, defaultNamespace, source, PlanReadability.Unreadable, ValidatedPlan.Empty(path), null, diagnostics, Array.Empty<PlanDiagnostic>());
            }
        }

        private static IReadOnlyList<PlanDiagnostic> InFileOrder(IEnumerable<PlanDiagnostic> diagnostics) =>
            diagnostics
                .Select((d, i) => (Diagnostic: d, Index: i))
                .OrderBy(x => x.Diagnostic.Span.Start)
                .ThenBy(x => x.Diagnostic.Id, StringComparer.Ordinal)
                .ThenBy(x => x.Index)
                .Select(x => x.Diagnostic)
                .ToList();
    }
}
