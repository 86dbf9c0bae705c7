using System.Collections.Generic;
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

        /// <summary>
        /// 10 MB: a 5,000-event plan is about 3 MB. The limit bounds the compiler's time and memory on a hostile plan.
        /// </summary>
        public const int MaxPlanChars = 10 * 1024 * 1024;

        public static TrackingPlan Load(string text, string filePath, List<PlanDiagnostic> diagnostics)
        {
            if (text.Length > MaxPlanChars)
            {
                diagnostics.Add(PlanDiagnostic.Create(
                    RipeDiagnostics.PlanTooLarge,
                    filePath,
                    SourceSpan.None,
                    (text.Length / (1024.0 * 1024.0)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                    (MaxPlanChars / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                return new TrackingPlan(filePath);
            }

            TrackingPlan read = PlanReader.Read(text, filePath, diagnostics);
            return PlanValidator.Validate(read, diagnostics);
        }
    }
}
