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

        public static TrackingPlan Load(string text, string filePath, List<PlanDiagnostic> diagnostics)
        {
            TrackingPlan plan = PlanReader.Read(text, filePath, diagnostics);
            PlanValidator.Validate(plan, diagnostics);
            return plan;
        }
    }
}
