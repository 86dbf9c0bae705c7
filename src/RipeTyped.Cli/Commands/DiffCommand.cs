using System.Collections.Generic;
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

        public string Description => """
            Compares two versions of a tracking plan by meaning, not by text: events, pages and traits added,
            removed or renamed; properties added, removed, renamed, retyped; required/nullable changes; enum values
            removed or added; tighter or looser constraints; deprecations. Each change is classed breaking (tracking
            code stops compiling, or the data changes meaning) or not. Generated C# names that change while the wire
            name stays (a colliding name added above, an edited csharpName) are breaking changes.

            Plans with errors are compared too: everything that loads on both sides is compared, and the errors of
            each side are listed apart in the report.
            """;

        public IReadOnlyList<ArgumentSpec> Arguments { get; } = new[]
        {
            new ArgumentSpec("base", "the plan before: a file, a folder (its tracking-plan.yaml and *.tracking-plan.yaml: a split plan is read whole) or git:REF:path"),
            new ArgumentSpec("head", "the plan after, the same way"),
        };

        public IReadOnlyList<OptionSpec> Options { get; } = new[]
        {
            new OptionSpec("format", "markdown: a pull-request comment (default); json: {\"breaking\": n, \"changes\": [...]}", Choices: new[] { "markdown", "json" }),
            OptionSpec.Output("write the report to this file (whole or not at all) instead of standard output"),
            OptionSpec.Namespace,
        };

        public string Notes => """
            <base> and <head> are files, folders or git:REF:path, e.g.:
              ripe-typed diff git:origin/main:tracking-plan.yaml tracking-plan.yaml -o plan-diff.md
              ripe-typed diff git:origin/main:analytics analytics/

            When the plan declares planVersion, the bump is checked instead: breaking changes need a major bump, other
            changes a minor one, description-only changes a patch; the report says which bump is needed and why, and
            lists the owners whose review the changes need.

            Exit codes: 0 nothing breaking (with planVersion: the bump is enough), 1 breaking changes (with planVersion:
            the bump is too small, went back, or planVersion was removed), 2 bad usage, 3 a plan cannot be read at all
            (missing file, git error, not YAML, over the size limit).
            """;

        public int Run(CommandLine line, TextWriter output, TextWriter error, Progress progress)
        {
            string format = line.Choice("format", "markdown");
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
            error.WriteLine($"{Counted.Of(changes.Count, "change")}, {breaking} breaking." +
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
