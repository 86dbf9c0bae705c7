using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using RipeTyped.Cli.Infrastructure;
using RipeTyped.Cli.Lint;

namespace RipeTyped.Cli.Commands
{
    /// <summary><c>ripe-typed coverage</c>: which plan events and pages the tests exercised (RipeRecorder coverage files).</summary>
    internal sealed class CoverageCommand : ICommand
    {
        public string Name => "coverage";

        public string Summary => "Merge tracking coverage from test runs and list the plan events and pages no test exercised.";

        public (string[] Values, string[] Flags) Options => (new[] { "plan", "min", "format", "output", ProjectNamespace.OptionName }, new string[0]);

        public string Help => """
            Usage: ripe-typed coverage <coverage file or folder>... [--plan tracking-plan.yaml] [--min percent] [--namespace NS]
                                       [--format text|markdown|github] [--output file]

            Reads the coverage files RipeTyped.Testing's RipeRecorder writes (set RIPETYPED_COVERAGE=<folder> for the
            test run; every *.json in a folder is read, so several test projects merge), and lists the plan's events
            and pages that no test exercised, with their line in the plan, and whether identify and group were.

              --plan file      the plan (default ./tracking-plan.yaml)
              --min percent    fail (exit 1) when fewer events and pages than this were exercised
              --format text    one line per gap (default); markdown: a pull-request comment;
                               github: a workflow warning on the plan line of each gap
              --namespace NS       namespace of the C# names shown when the plan sets none (default: from the
                                   project file next to the plan, as the build takes it)

            Exit codes: 0 at or above --min (or no --min), 1 below it, 2 bad usage, 3 an unreadable plan or
            coverage file, or no coverage file at all.
            """;

        public int Run(CommandLine line, TextWriter output, TextWriter error, Progress progress)
        {
            line.RequirePositionals(1, int.MaxValue, "ripe-typed coverage <coverage file or folder>...");
            string format = line.Choice("format", "text", "text", "markdown", "github");
            double? min = null;
            if (line.Option("min") is { } minText)
            {
                min = double.TryParse(minText, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && parsed >= 0 && parsed <= 100
                    ? parsed
                    : throw CliException.Usage($"--min must be a percentage from 0 to 100, not '{minText}'.");
            }

            var plan = LoadedPlan.RequireReadable(line.Option("plan") ?? "tracking-plan.yaml", progress, line.Option(ProjectNamespace.OptionName));
            var exercised = Read(line.Positionals);
            var events = plan.Plan.Events.Select(e => (Kind: "Event", e.Name, Line: e.NameSpan.DisplayLine, Column: e.NameSpan.DisplayColumn, Hit: exercised.Events.Contains(e.Name)))
                .Concat(plan.Plan.Pages.Select(p => (Kind: "Page", p.Name, Line: p.NameSpan.DisplayLine, Column: p.NameSpan.DisplayColumn, Hit: exercised.Pages.Contains(p.Name))))
                .ToList();
            int hit = events.Count(e => e.Hit);
            double percent = events.Count == 0 ? 100 : 100.0 * hit / events.Count;
            var gaps = events.Where(e => !e.Hit).ToList();
            string summary = string.Format(CultureInfo.InvariantCulture, "{0} of {1} events and pages exercised ({2:0.#}%); identify {3}, group {4}.",
                hit, events.Count, percent, Seen(plan.Plan.Identify != null, exercised.Identify), Seen(plan.Plan.Group != null, exercised.Group));

            var report = new StringWriter();
            switch (format)
            {
                case "markdown":
                    report.WriteLine("### Tracking coverage");
                    report.WriteLine();
                    report.WriteLine(summary);
                    if (gaps.Count > 0)
                    {
                        report.WriteLine();
                        report.WriteLine("Never exercised by the tests:");
                        report.WriteLine();
                        foreach (var gap in gaps)
                        {
                            report.WriteLine($"- {gap.Kind.ToLowerInvariant()} {Markdown.Code(gap.Name)} (line {gap.Line})");
                        }
                    }

                    break;
                case "github":
                    foreach (var gap in gaps)
                    {
                        report.WriteLine($"::warning file={DiagnosticFormats.Property(plan.DisplayPath)},line={gap.Line},title=Tracking coverage::{DiagnosticFormats.Data($"{gap.Kind} '{gap.Name}' is never exercised by the tests")}");
                    }

                    break;
                default:
                    foreach (var gap in gaps)
                    {
                        report.WriteLine($"{plan.DisplayPath}({gap.Line},{gap.Column}): {gap.Kind.ToLowerInvariant()} '{gap.Name}' is never exercised by the tests");
                    }

                    break;
            }

            CommandOutput.Write(line, output, report.ToString());
            error.WriteLine(summary);

            // Names the coverage has and the plan has not: written against another plan version, or renamed since.
            var unknown = exercised.Events.Where(e => !plan.Plan.Events.Any(p => p.Name == e)).Select(e => $"event '{e}'")
                .Concat(exercised.Pages.Where(n => !plan.Plan.Pages.Any(p => p.Name == n)).Select(n => $"page '{n}'"))
                .OrderBy(n => n, StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                error.WriteLine($"{unknown.Count} name(s) in the coverage files are not in {plan.DisplayPath} (coverage of another plan version, or renamed since); not counted: {string.Join(", ", unknown.Take(20))}{(unknown.Count > 20 ? ", …" : "")}.");
            }
            return min.HasValue && percent < min.Value ? ExitCodes.CheckFailed : ExitCodes.Success;
        }

        private static string Seen(bool inPlan, bool exercised) => !inPlan ? "not in the plan" : exercised ? "exercised" : "never exercised";

        private static Exercised Read(IEnumerable<string> inputs)
        {
            var files = new List<string>();
            foreach (string input in inputs)
            {
                if (Directory.Exists(input))
                {
                    files.AddRange(Directory.GetFiles(input, "*.json").OrderBy(f => f, StringComparer.Ordinal));
                }
                else if (File.Exists(input))
                {
                    files.Add(input);
                }
                else
                {
                    throw CliException.Input($"{input}: no such coverage file or folder.");
                }
            }

            if (files.Count == 0)
            {
                throw CliException.Input("No coverage file found: run the tests with RIPETYPED_COVERAGE=<folder> (RipeTyped.Testing's RipeRecorder writes it).");
            }

            var exercised = new Exercised();
            foreach (string file in files)
            {
                try
                {
                    using var document = JsonDocument.Parse(File.ReadAllText(file));
                    var root = document.RootElement;
                    foreach (var (key, into) in new[] { ("events", exercised.Events), ("pages", exercised.Pages) })
                    {
                        if (root.TryGetProperty(key, out var names) && names.ValueKind == JsonValueKind.Array)
                        {
                            foreach (var name in names.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String))
                            {
                                into.Add(name.GetString()!);
                            }
                        }
                    }

                    exercised.Identify |= root.TryGetProperty("identify", out var identify) && identify.ValueKind == JsonValueKind.True;
                    exercised.Group |= root.TryGetProperty("group", out var group) && group.ValueKind == JsonValueKind.True;
                }
                catch (Exception ex) when (ex is JsonException || ex is IOException || ex is InvalidOperationException)
                {
                    throw CliException.Input($"{file}: not a RipeTyped coverage file: {ex.Message}");
                }
            }

            return exercised;
        }

        private sealed class Exercised
        {
            public HashSet<string> Events { get; } = new HashSet<string>(StringComparer.Ordinal);

            public HashSet<string> Pages { get; } = new HashSet<string>(StringComparer.Ordinal);

            public bool Identify { get; set; }

            public bool Group { get; set; }
        }
    }
}
