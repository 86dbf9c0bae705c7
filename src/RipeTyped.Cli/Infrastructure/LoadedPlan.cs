using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Loading;
using RipeTyped.Generator.Plan;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Cli.Infrastructure
{
    /// <summary>
    /// A plan through the build's own routine (<see cref="PlanAnalysis"/>): the same diagnostics as a build, and every part
    /// that loads with its C# names, even when other parts have errors.
    /// </summary>
    internal sealed class LoadedPlan
    {
        private LoadedPlan(PlanAnalysis analysis, string displayPath, string? localPath = null)
        {
            Analysis = analysis;
            DisplayPath = displayPath;
            LocalPath = localPath;
        }

        /// <summary>Where the plan's main file lies in the working tree (for a git:REF:path plan, where it would); null for a text.</summary>
        public string? LocalPath { get; }

        public PlanAnalysis Analysis { get; }

        public ValidatedPlan Plan => Analysis.Plan;

        /// <summary>The C# names the generator would emit; null only when the plan cannot be read at all.</summary>
        public GenerationSpec? Spec => Analysis.Spec;

        /// <summary>Plan errors (RIPE0xxx) and naming/hygiene findings (RIPE1xxx), in file order: what a build reports.</summary>
        public IReadOnlyList<PlanDiagnostic> Diagnostics => Analysis.Diagnostics;

        /// <summary>The plan as the user named it, relative to the repository (see <see cref="PlanSource"/>).</summary>
        public string DisplayPath { get; }

        public bool HasErrors => Errors.Any();

        public IEnumerable<PlanDiagnostic> Errors => Diagnostics.Where(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);

        /// <summary>Not YAML (or over the size limit): nothing in it can be read, as the generator decides too.</summary>
        public bool IsUnreadable => Analysis.Readability == PlanReadability.Unreadable;

        /// <param name="namespaceOption">The <c>--namespace</c> option; null to take it from the project next to the plan.</param>
        /// <param name="source">The project's source (<c>RipeTypedSource</c>): the plan as that project's build reads it; null: every source.</param>
        /// <param name="projectPath">The project that builds the plan, when not the one next to it.</param>
        public static LoadedPlan FromSource(string spec, Progress progress, string? namespaceOption, string? source = null, string? projectPath = null)
        {
            var (files, localPath) = PlanSource.ReadSet(spec);
            string defaultNamespace = ProjectNamespace.For(namespaceOption, localPath, projectPath);
            string displayPath = files.Count == 1 ? files[0].Path : $"{files[0].Path} (+{Counted.Of(files.Count - 1, "more file", "more files")})";
            return progress.Step("loading " + displayPath, files.Sum(f => f.Text.Length), () => new LoadedPlan(PlanAnalysis.Load(files, defaultNamespace, source), displayPath, localPath));
        }

        public static LoadedPlan FromText(string text, string displayPath, string defaultNamespace) =>
            new LoadedPlan(PlanAnalysis.Load(text, displayPath, defaultNamespace), displayPath);

        /// <summary>Loads a plan for diff and docs: errors are reported with the output, but a plan that cannot be read at all stops here (exit 3).</summary>
        public static LoadedPlan RequireReadable(string spec, Progress progress, string? namespaceOption)
        {
            var loaded = FromSource(spec, progress, namespaceOption);
            if (loaded.IsUnreadable)
            {
                throw CliException.Input(
                    $"{loaded.DisplayPath} cannot be read at all:\n  " + string.Join("\n  ", loaded.Errors.Take(10)));
            }

            return loaded;
        }
    }
}
