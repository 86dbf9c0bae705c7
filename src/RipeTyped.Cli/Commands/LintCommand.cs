using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using RipeTyped.Cli.Infrastructure;
using RipeTyped.Cli.Lint;

namespace RipeTyped.Cli.Commands
{
    /// <summary><c>ripe-typed lint [plan]</c>: every plan diagnostic at the severity the build gives it; exit 1 on errors.</summary>
    internal sealed class LintCommand : ICommand
    {
        public string Name => "lint";

        public string Summary => "Check a tracking plan: every RIPE diagnostic, with file, line and column.";

        public string Description => """
            Checks a tracking plan with the same parser, validator and naming rules as the build (RIPE0xxx errors,
            RIPE1xxx naming and hygiene warnings), at the severities the build gives them: the .globalconfig files in
            the plan's folder and every folder above it (the ones the .NET SDK applies to the project) and --config
            files, with dotnet_diagnostic.<ID>.severity (none, silent, suggestion, warning, error) and
            dotnet_analyzer_diagnostic.severity.
            """;

        public IReadOnlyList<ArgumentSpec> Arguments { get; } = new[]
        {
            new ArgumentSpec("plan", "a plan file, a folder holding tracking-plan.yaml, or git:REF:path (default: ./tracking-plan.yaml)", Min: 0),
        };

        public IReadOnlyList<OptionSpec> Options { get; } = new[]
        {
            new OptionSpec("format", "text: path(line,col): severity RIPEnnnn: message (default); github: GitHub Actions annotations; sarif: SARIF 2.1.0 for code scanning", Choices: new[] { "text", "github", "sarif" }),
            new OptionSpec("warnings-as-errors", "fail on warnings too", IsFlag: true),
            new OptionSpec("config", "a global analyzer config file the build also applies (repeatable); merged with the discovered .globalconfig files as the build merges them (global_level)", "file", Repeatable: true),
            new OptionSpec("project", "the project that builds the plan (default: the one project file next to it): its RipeTypedSource and namespace apply", "csproj"),
            new OptionSpec("source", "the source the project is (its RipeTypedSource), for RIPE0020 when the plan does not declare it", "name"),
            OptionSpec.Output("write the report to this file (whole or not at all) instead of standard output"),
            OptionSpec.Namespace,
        };

        public string Notes => """
            Exit codes: 0 clean, 1 errors (or warnings with --warnings-as-errors), 2 bad usage, 3 the plan cannot be read
            at all (missing file, git error, not YAML, over the size limit): its RIPE0001/RIPE0016 is reported as usual.
            """;

        public int Run(CommandLine line, TextWriter output, TextWriter error, Progress progress)
        {
            string format = line.Choice("format", "text");
            bool warningsAsErrors = line.Flag("warnings-as-errors");
            string spec = line.Positionals.Count > 0 ? line.Positionals[0] : "tracking-plan.yaml";
            string? projectPath = line.Option("project");
            if (projectPath is not null && !File.Exists(projectPath))
            {
                throw CliException.Input($"{projectPath}: project file not found.");
            }

            foreach (string file in line.Options("config").Where(f => !File.Exists(f)))
            {
                throw CliException.Input($"{file}: config file not found.");
            }

            // The project the build of this plan is: --project, else the one next to the plan; its RipeTypedSource applies.
            string? source = line.Option("source");
            if (source is null && (projectPath ?? (spec.StartsWith("git:", System.StringComparison.Ordinal) ? null : ProjectNextToPlan(spec))) is { } project)
            {
                source = ProjectNamespace.Read(project).Source;
            }

            var plan = LoadedPlan.FromSource(spec, progress, line.Option(ProjectNamespace.OptionName), source, projectPath);
            var configuration = AnalyzerConfiguration.Load(
                plan.LocalPath is { } local ? AnalyzerConfiguration.Discover(Path.GetDirectoryName(Path.GetFullPath(local))!) : new List<string>(),
                line.Options("config"));
            foreach (string warning in configuration.Warnings)
            {
                error.WriteLine($"ripe-typed lint: warning: {warning}");
            }

            var fromAnalyzer = new HashSet<Generator.Diagnostics.PlanDiagnostic>(plan.Analysis.NamingDiagnostics);
            var reported = plan.Diagnostics
                .Select(d => (Diagnostic: d, Severity: configuration.SeverityOf(d, fromAnalyzer.Contains(d))))
                .Where(d => d.Severity is { } severity && severity != DiagnosticSeverity.Hidden)
                .Select(d => new ReportedDiagnostic(d.Diagnostic, d.Severity!.Value))
                .ToList();

            var report = new StringWriter();
            switch (format)
            {
                case "github":
                    DiagnosticFormats.WriteGitHub(report, reported, warningsAsErrors);
                    break;
                case "sarif":
                    DiagnosticFormats.WriteSarif(report, reported, warningsAsErrors, CliApp.Version);
                    break;
                default:
                    DiagnosticFormats.WriteText(report, reported, warningsAsErrors);
                    break;
            }

            int errors = reported.Count(d => d.Severity == DiagnosticSeverity.Error);
            int warnings = reported.Count(d => d.Severity == DiagnosticSeverity.Warning);
            CommandOutput.Write(line, output, report.ToString());

            error.WriteLine($"{plan.DisplayPath}: {Counted.Of(errors, "error")}, {Counted.Of(warnings, "warning")}, {Counted.Of(reported.Count - errors - warnings, "suggestion")}.");
            if (plan.IsUnreadable)
            {
                error.WriteLine($"ripe-typed lint: {plan.DisplayPath} cannot be read at all (not YAML, not UTF-8, or over the size limit).");
                return ExitCodes.InputError;
            }

            return errors > 0 || (warningsAsErrors && warnings > 0) ? ExitCodes.CheckFailed : ExitCodes.Success;
        }

        private static string? ProjectNextToPlan(string spec) =>
            Directory.Exists(spec) ? ProjectNamespace.ProjectNextTo(Path.Combine(spec, "tracking-plan.yaml")) : File.Exists(spec) ? ProjectNamespace.ProjectNextTo(spec) : null;
    }
}
