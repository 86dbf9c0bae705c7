using System.Collections.Generic;
using System.Linq;
using RipeTyped.Generator.Plan;

namespace RipeTyped.Cli.Diff
{
    internal enum Bump
    {
        None,
        Patch,
        Minor,
        Major,
    }

    /// <summary>
    /// The bump a plan change needs (semantic versioning of <c>planVersion</c>) against the bump it made. Breaking changes
    /// need a major bump, any other change to what is generated or sent a minor one, description-only changes a patch.
    /// Enforced only when the plan declares <c>planVersion</c>; removing it once declared fails too.
    /// </summary>
    internal sealed record VersionBump(string? BaseVersion, string? HeadVersion, Bump Required, Bump Made, bool Enforced, bool Ok, string Verdict)
    {
        public static VersionBump Check(ValidatedPlan before, ValidatedPlan after, IReadOnlyList<PlanChange> changes)
        {
            Bump required = changes.Any(c => c.Breaking) ? Bump.Major
                : changes.Any(c => !c.DescriptionOnly) ? Bump.Minor
                : changes.Count > 0 ? Bump.Patch
                : Bump.None;
            string? baseText = before.PlanVersion?.Value;
            string? headText = after.PlanVersion?.Value;
            string at = after.PlanVersion is { } declared ? $" ({declared.Span.File ?? after.FilePath}, line {declared.Span.DisplayLine})" : "";
            if (baseText is null && headText is null)
            {
                return new VersionBump(null, null, required, Bump.None, false, true, "The plan declares no `planVersion`: bumps are not checked.");
            }

            if (headText is null)
            {
                return new VersionBump(baseText, null, required, Bump.None, true, false, $"`planVersion` ({baseText}) was removed: " + (required == Bump.None ? "keep it (the changes need no bump)." : $"keep it, and make the {Name(required)} bump the changes need."));
            }

            if (baseText is null || !SemanticVersion.TryParse(baseText, out var from) || !SemanticVersion.TryParse(headText, out var to))
            {
                return new VersionBump(baseText, headText, required, Bump.None, true, true, $"`planVersion` {headText} is introduced: bumps are checked from the next change on.");
            }

            Bump made = to.Major != from.Major ? (to.Major > from.Major ? Bump.Major : Bump.None)
                : to.Minor != from.Minor ? (to.Minor > from.Minor ? Bump.Minor : Bump.None)
                : to.Patch > from.Patch || (to.Patch == from.Patch && from.Prerelease != null && to.Prerelease == null) ? Bump.Patch
                : Bump.None;
            if (to.CompareTo(from) < 0)
            {
                return new VersionBump(baseText, headText, required, Bump.None, true, false, $"`planVersion` went back from {baseText} to {headText}{at}.");
            }

            bool ok = made >= required;
            string needed = required switch
            {
                Bump.Major => $"a **major** bump (to {from.Major + 1}.0.0): {Count(changes.Count(c => c.Breaking), "breaking change")}",
                Bump.Minor => $"a **minor** bump (to {from.Major}.{from.Minor + 1}.0): {Count(changes.Count(c => !c.DescriptionOnly), "change")} to what is generated or sent",
                Bump.Patch => $"a **patch** bump (to {from.Major}.{from.Minor}.{from.Patch + 1}): descriptions changed",
                _ => "no bump: nothing changed",
            };
            string verdict = made == Bump.None
                ? (ok
                    ? $"`planVersion` stays at `{headText}`; the changes need {needed}."
                    : $"`planVersion` stays at `{headText}`{at}, but the changes need {needed}.")
                : ok
                    ? $"`{baseText}` → `{headText}`: a {Name(made)} bump; the changes need {needed}."
                    : $"`{baseText}` → `{headText}`{at} is a {Name(made)} bump, but the changes need {needed}.";
            return new VersionBump(baseText, headText, required, made, true, ok, verdict);
        }

        private static string Name(Bump bump) => bump switch
        {
            Bump.Major => "major",
            Bump.Minor => "minor",
            Bump.Patch => "patch",
            _ => "no",
        };

        private static string Count(int count, string what) => count == 1 ? "1 " + what : $"{count} {what}s";
    }
}
