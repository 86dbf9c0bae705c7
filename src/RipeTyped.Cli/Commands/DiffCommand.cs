using System.IO;
using System.Linq;
using RipeTyped.Cli.Diff;
using RipeTyped.Cli.Infrastructure;

namespace RipeTyped.Cli.Commands
{
    /// <summary><c>ripe-typed diff base head</c>: the semantic difference between two plan versions.</summary>
    internal sealed class DiffCommand : ICommand
    {
        public string Name => "diff";

        public string Summary => "Compare two plan versions: added, removed, renamed, retyped; breaking or not.";

        public (string[] Values, string[] Flags) Options => (new[] { "format", "output", ProjectNamespace.OptionName }, new string[0]);

        public string Help => """
            Usage: ripe-typed diff <base> <head> [--format markdown|json] [--output file] [--namespace NS]

            Compares two versions of a tracking plan by meaning, not by text: events, pages and traits added,
            removed or renamed; properties added, removed, renamed, retyped; required/nullable changes; enum values
            removed or added; tighter or looser constraints; deprecations. Each change is classed breaking (tracking
            code stops compiling, or the data changes meaning) or not.

            <base> and <head> are files, or git:REF:path, e.g.:
              ripe-typed diff git:origin/main:tracking-plan.yaml tracking-plan.yaml --output plan-diff.md

              --format markdown  a pull-request comment (default)
              --format json      {"breaking": n, "changes": [...]}
              --output file      write the report to a file instead of standard output

            Plans with errors are compared too: everything that loads on both sides is compared, and the errors of
            each side are listed apart in the report. Generated C# names that change while the wire name stays
            (a colliding name added above, an edited csharpName) are breaking changes.
              --namespace NS       namespace of the C# names shown when the plan sets none (default: from the
                                   project file next to the plan, as the build takes it)

            When the plan declares planVersion, the bump is checked instead: breaking changes need a major bump, other
            changes a minor one, description-only changes a patch; the report says which bump is needed and why, and
            lists the owners whose review the changes need.

            Exit codes: 0 nothing breaking (with planVersion: the bump is enough), 1 breaking changes (with planVersion:
            the bump is too small, went back, or planVersion was removed), 2 bad usage, 3 a plan cannot be read at all
            (missing file, git error, not YAML, too large).
            """;

        public int Run(CommandLine line, TextWriter output, TextWriter error, Progress progress)
        {
            line.RequirePositionals(2, 2, "ripe-typed diff <base> <head>");
            string format = line.Choice("format", "markdown", "markdown", "json");
            var before = LoadedPlan.RequireReadable(line.Positionals[0], progress, line.Option(ProjectNamespace.OptionName));
            var after = LoadedPlan.RequireReadable(line.Positionals[1], progress, line.Option(ProjectNamespace.OptionName));
            var changes = PlanDiffer.Compare(PlanShape.Of(before.Plan), PlanShape.Of(after.Plan));
            changes.InsertRange(0, CSharpNameChanges.Compare(before.Spec!, after.Spec!));

            var version = VersionBump.Check(before.Plan, after.Plan, changes);
            var report = new StringWriter();
            var errors = new PlanErrors(before.DisplayPath, before.Errors.ToList(), after.DisplayPath, after.Errors.ToList());
            if (format == "json")
            {
                DiffReport.WriteJson(report, changes, errors, version);
            }
            else
            {
                DiffReport.WriteMarkdown(report, changes, errors, version);
            }

            CommandOutput.Write(line, output, report.ToString());

            int breaking = changes.Count(c => c.Breaking);
            error.WriteLine($"{changes.Count} change(s), {breaking} breaking." +
                (errors.Count > 0 ? $" Plan errors: {errors.Base.Count} in {before.DisplayPath}, {errors.Head.Count} in {after.DisplayPath} (listed in the report; what they touch is not compared)." : ""));
            if (version.Enforced)
            {
                // With a planVersion, breaking changes are allowed with a major bump: the check is the bump.
                error.WriteLine((version.Ok ? "Plan version: " : "Plan version check failed: ") + version.Verdict.Replace("`", "").Replace("**", ""));
                return version.Ok ? ExitCodes.Success : ExitCodes.CheckFailed;
            }

            return breaking > 0 ? ExitCodes.CheckFailed : ExitCodes.Success;
        }
    }
}
