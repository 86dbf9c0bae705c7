using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using RipeTyped.Cli.Infrastructure;
using RipeTyped.Cli.Lint;

namespace RipeTyped.Cli.Commands
{
    /// <summary><c>ripe-typed lint [plan]</c>: every plan diagnostic; exit 1 on errors.</summary>
    internal sealed class LintCommand : ICommand
    {
        public string Name => "lint";

        public (string[] Values, string[] Flags) Options => (new[] { "format", "output", ProjectNamespace.OptionName }, new[] { "warnings-as-errors" });

        public string Summary => "Check a tracking plan: every RIPE diagnostic, with file, line and column.";

        public string Help => """
            Usage: ripe-typed lint [plan] [--format text|github|sarif] [--warnings-as-errors] [--output file] [--namespace NS]

            Checks a tracking plan with the same parser, validator and naming rules as the build (RIPE0xxx errors,
            RIPE1xxx naming and hygiene warnings). [plan] is a file, a directory holding tracking-plan.yaml, or
            git:REF:path; default ./tracking-plan.yaml.

              --format text        path(line,col): severity RIPEnnnn: message   (default)
              --format github      GitHub Actions annotations (::error file=...,line=...::message)
              --format sarif       SARIF 2.1.0, for code scanning upload
              --warnings-as-errors fail on warnings too
              --output file        write the report to a file instead of standard output
              --namespace NS       namespace of the C# names shown when the plan sets none (default: from the
                                   project file next to the plan, as the build takes it)

            Exit codes: 0 clean, 1 errors (or warnings with --warnings-as-errors), 2 bad usage, 3 unreadable plan.
            """;

        public int Run(CommandLine line, TextWriter output, TextWriter error, Progress progress)
        {
            line.RequirePositionals(0, 1, "ripe-typed lint [plan]");
            string format = line.Choice("format", "text", "text", "github", "sarif");
            bool warningsAsErrors = line.Flag("warnings-as-errors");
            var plan = LoadedPlan.FromSource(line.Positionals.Count > 0 ? line.Positionals[0] : "tracking-plan.yaml", progress, line.Option(ProjectNamespace.OptionName));

            var report = new StringWriter();
            switch (format)
            {
                case "github":
                    DiagnosticFormats.WriteGitHub(report, plan.Diagnostics, warningsAsErrors);
                    break;
                case "sarif":
                    DiagnosticFormats.WriteSarif(report, plan.Diagnostics.ToList(), warningsAsErrors, CliApp.Version);
                    break;
                default:
                    DiagnosticFormats.WriteText(report, plan.Diagnostics, warningsAsErrors);
                    break;
            }

            int errors = plan.Diagnostics.Count(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
            int warnings = plan.Diagnostics.Count(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Warning);
            CommandOutput.Write(line, output, report.ToString());

            error.WriteLine($"{plan.DisplayPath}: {errors} error(s), {warnings} warning(s), {plan.Diagnostics.Count - errors - warnings} info.");
            return errors > 0 || (warningsAsErrors && warnings > 0) ? ExitCodes.CheckFailed : ExitCodes.Success;
        }
    }
}
