using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Lint;
using RipeTyped.Generator.Plan;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Cli.Infrastructure
{
    /// <summary>
    /// A plan read by the generator's own loader (parse + validate), linted, and turned into the generation spec, as a
    /// build does: every part that loads gets its C# names, even when other parts have errors.
    /// </summary>
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

        /// <summary>The C# names the generator would emit; null only when the plan cannot be read at all.</summary>
        public GenerationSpec? Spec { get; }

        /// <summary>Plan errors (RIPE0xxx) and naming/hygiene findings (RIPE1xxx), in file order.</summary>
        public IReadOnlyList<PlanDiagnostic> Diagnostics { get; }

        /// <summary>The plan as the user named it, relative to the repository (see <see cref="PlanSource"/>).</summary>
        public string DisplayPath { get; }

        public bool HasErrors => Errors.Any();

        public IEnumerable<PlanDiagnostic> Errors => Diagnostics.Where(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);

        /// <summary>Not YAML (or over the size limit): nothing in it can be read, as the generator decides too.</summary>
        public bool IsUnreadable => Spec is null;

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
            if (!diagnostics.Any(d => d.Id == RipeDiagnostics.YamlSyntax.Id || d.Id == RipeDiagnostics.PlanTooLarge.Id))
            {
                PlanLinter.Lint(plan, diagnostics);
                generation = SpecBuilder.Build(plan, "App", diagnostics);
            }

            diagnostics.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : string.CompareOrdinal(a.Id, b.Id));
            return new LoadedPlan(plan, generation, diagnostics, displayPath);
        }

        /// <summary>Loads a plan for diff and docs: errors are reported with the output, but a plan that cannot be read at all stops here (exit 3).</summary>
        public static LoadedPlan RequireReadable(string spec, Progress progress)
        {
            var loaded = FromSource(spec, progress);
            if (loaded.IsUnreadable)
            {
                throw CliException.Input(
                    $"{loaded.DisplayPath} cannot be read at all:\n  " + string.Join("\n  ", loaded.Errors.Take(10)));
            }

            return loaded;
        }
    }
}
