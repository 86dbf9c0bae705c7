using System.Collections.Generic;
using System.Linq;
using RipeTyped.Generator.Diagnostics;

namespace RipeTyped.Generator.Plan
{
    /// <summary>The one way to read a tracking plan: parse, then validate. Used by the generator, the analyzers and the CLI.</summary>
    internal static class PlanLoader
    {
        public const string FileName = "tracking-plan.yaml";

        /// <summary>True for <c>tracking-plan.yaml</c>/<c>.yml</c> and <c>*.tracking-plan.yaml</c>/<c>.yml</c>.</summary>
        public static bool IsPlanFile(string path)
        {
            string name = System.IO.Path.GetFileName(path);
            return name.EndsWith("tracking-plan.yaml", System.StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("tracking-plan.yml", System.StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>True for the main file of a plan: <c>tracking-plan.yaml</c> or <c>.yml</c> itself (not a part).</summary>
        public static bool IsMainPlanFile(string path)
        {
            string name = System.IO.Path.GetFileName(path);
            return name.Equals("tracking-plan.yaml", System.StringComparison.OrdinalIgnoreCase) || name.Equals("tracking-plan.yml", System.StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// The order a split plan is read in, the same for the build and the CLI: the main file (<c>tracking-plan.yaml</c>)
        /// first, then the other files by path. It decides which file names the plan and, on a collision, who keeps a C# name.
        /// </summary>
        public static List<T> InReadingOrder<T>(IEnumerable<T> files, System.Func<T, string> path) =>
            files.OrderBy(f => IsMainPlanFile(path(f)) ? 0 : 1).ThenBy(f => path(f), System.StringComparer.Ordinal).ToList();

        /// <summary>
        /// 10 MB: a 5,000-event plan is about 3 MB. The limit bounds the compiler's time and memory on a hostile plan.
        /// </summary>
        public const int MaxPlanChars = 10 * 1024 * 1024;

        public static ValidatedPlan Load(string text, string filePath, List<PlanDiagnostic> diagnostics) =>
            Load(new[] { new PlanText(filePath, text) }, diagnostics);

        /// <summary>A plan in one or more files (in path order; the first names the plan): read each, merge, validate.</summary>
        public static ValidatedPlan Load(IReadOnlyList<PlanText> files, List<PlanDiagnostic> diagnostics)
        {
            // A file that is not UTF-8 holds U+FFFD where its bytes were: names read from it would be wrong on the wire and in C#.
            var undecodable = files.Where(f => f.InvalidBytes != null).ToList();
            foreach (var file in undecodable)
            {
                diagnostics.Add(PlanDiagnostic.Create(RipeDiagnostics.InvalidEncoding, file.Path, file.InvalidBytes!.Span, file.InvalidBytes.Encoding));
            }

            if (undecodable.Count > 0)
            {
                return ValidatedPlan.Empty(files[0].Path);
            }

            long total = 0;
            foreach (var file in files)
            {
                total += file.Text.Length;
            }

            if (total > MaxPlanChars)
            {
                diagnostics.Add(PlanDiagnostic.Create(
                    RipeDiagnostics.PlanTooLarge,
                    files[0].Path,
                    SourceSpan.None,
                    (total / (1024.0 * 1024.0)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                    (MaxPlanChars / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                return ValidatedPlan.Empty(files[0].Path);
            }

            var read = new List<TrackingPlan>(files.Count);
            foreach (var file in files)
            {
                read.Add(PlanReader.Read(file.Text, file.Path, diagnostics));
            }

            return PlanValidator.Validate(PlanMerger.Merge(read, diagnostics), diagnostics);
        }
    }
}
