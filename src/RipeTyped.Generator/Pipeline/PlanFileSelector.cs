using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RipeTyped.Generator.Plan;

namespace RipeTyped.Generator.Pipeline
{
    /// <summary>
    /// Which AdditionalFiles are tracking plans: by name (<c>tracking-plan.yaml</c>, <c>*.tracking-plan.yml</c>…),
    /// or any file the package's props marked with <c>RipeTypedPlan="true"</c> (from <c>RipeTypedPlanFile</c>).
    /// The generator and both analyzers select through here, so they always agree on the plan.
    /// </summary>
    internal static class PlanFileSelector
    {
        /// <summary>The item metadata as the compiler sees it (declared as CompilerVisibleItemMetadata in the props).</summary>
        public const string MetadataKey = "build_metadata.AdditionalFiles.RipeTypedPlan";

        public static bool IsPlan(AdditionalText file, AnalyzerConfigOptionsProvider options) =>
            PlanLoader.IsPlanFile(file.Path)
            || (options.GetOptions(file).TryGetValue(MetadataKey, out string? marked)
                && string.Equals(marked?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase));
    }
}
