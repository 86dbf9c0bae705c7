using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Lint;
using RipeTyped.Generator.Plan;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Cli.Infrastructure
{
    /// <summary>A plan read by the generator's own loader (parse + validate), linted, and turned into the generation spec.</summary>
    internal sealed class LoadedPlan
    {
        private LoadedPlan(TrackingPlan plan, GenerationSpec? spec, List<PlanDiagnostic> diagnostics, string displayPath)
        {
            Plan = plan;
            Spec = spec;
            Diagnostics = diagnostics;
            DisplayPath = displayPath;
        }

        public TrackingPlan Plan { get; }

        /// <summary>The C# names the generator would emit; null when the plan has errors.</summary>
        public GenerationSpec? Spec { get; }

        /// <summary>Plan errors (RIPE0xxx) and naming/hygiene findings (RIPE1xxx), in file order.</summary>
        public IReadOnlyList<PlanDiagnostic> Diagnostics { get; }

        public string DisplayPath { get; }

        public bool HasErrors => Diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);

        public static LoadedPlan FromSource(string spec, Progress progress)
        {
            var (text, displayPath) = PlanSource.Read(spec);
            return progress.Step("loading " + displayPath, text.Length, () => FromText(text, displayPath));
        }

        public static LoadedPlan FromText(string text, string displayPath)
        {
            var diagnostics = new List<PlanDiagnostic>();
            var plan = PlanLoader.Load(text, displayPath, diagnostics);
            GenerationSpec? generation = null;
            if (!diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error))
            {
                PlanLinter.Lint(plan, diagnostics);
                generation = SpecBuilder.Build(plan, "App", diagnostics);
            }

            diagnostics.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : string.CompareOrdinal(a.Id, b.Id));
            return new LoadedPlan(plan, diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error) ? null : generation, diagnostics, displayPath);
        }

        /// <summary>Loads a plan that must be valid (diff, docs): errors become one message listing them.</summary>
        public static LoadedPlan RequireValid(string spec, Progress progress)
        {
            var loaded = FromSource(spec, progress);
            if (loaded.HasErrors)
            {
                var errors = loaded.Diagnostics.Where(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error).Take(10);
                throw CliException.Input(
                    $"{loaded.DisplayPath} does not load; fix these first (ripe-typed lint shows all):\n  " + string.Join("\n  ", errors));
            }

            return loaded;
        }
    }
}
