using RipeTyped.Generator.Naming;

namespace RipeTyped.Generator.Plan
{
    /// <summary>
    /// The plan's <c>options</c>, parsed and checked once by <see cref="PlanValidator"/>: an invalid value is reported at its
    /// line and replaced by the default here, so every reader (spec, linter, analyzers, CLI) sees the same choice.
    /// </summary>
    /// <param name="Namespace">The namespace of the generated code; null when the plan sets none (the project's is used).</param>
    internal sealed record PlanSettings(
        string? Namespace,
        string ClassName,
        CaseStyle EventCase,
        WordOrderStyle EventWordOrder,
        CaseStyle PropertyCase,
        bool FacadeInterface)
    {
        public const string DefaultClassName = "RipeAnalytics";

        public static readonly PlanSettings Default = new PlanSettings(null, DefaultClassName, CaseStyle.Title, WordOrderStyle.VerbObject, CaseStyle.Snake, FacadeInterface: true);
    }
}
