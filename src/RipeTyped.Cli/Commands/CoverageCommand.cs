using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using RipeTyped.Cli.Infrastructure;
using RipeTyped.Cli.Lint;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Testing;

namespace RipeTyped.Cli.Commands
{
    /// <summary><c>ripe-typed coverage</c>: which plan events and pages the tests exercised (RipeRecorder coverage files).</summary>
    internal sealed class CoverageCommand : ICommand
    {
        public string Name => "coverage";

        public string Summary => "Merge tracking coverage from test runs and list the plan events and pages no test exercised.";

        public string Description => """
            Reads the coverage files RipeTyped.Testing's RipeRecorder writes (run the tests with
            RIPETYPED_COVERAGE=<folder>), and lists the plan's events and pages that no test exercised, each with the
            plan file that declares it and its line, and whether identify and group were. In a folder, the coverage
            files are ripe-coverage-*.json and any JSON file marked "format": "ripe-typed-coverage"; other JSON files
            (settings, other tools' reports) are left alone. Several test projects' files merge.
            """;

        public IReadOnlyList<ArgumentSpec> Arguments { get; } = new[]
        {
            new ArgumentSpec("coverage", "coverage files, or folders of them", Min: 1, Max: int.MaxValue),
        };

        public IReadOnlyList<OptionSpec> Options { get; } = new[]
        {
            new OptionSpec("plan", "the plan: a file, a folder or git:REF:path (default: ./tracking-plan.yaml)", "file"),
            new OptionSpec("min", "fail (exit 1) when fewer events and pages than this were exercised", "percent"),
            new OptionSpec("format", "text: one line per gap (default); markdown: a pull-request comment; github: a workflow warning on the plan line of each gap", Choices: new[] { "text", "markdown", "github" }),
            OptionSpec.Output("write the report to this file (whole or not at all) instead of standard output"),
            OptionSpec.Namespace,
        };

        public string Notes => """
            The report and its summary line go to standard output (or --output); names the coverage has and the plan
            has not are listed on standard error.

            Exit codes: 0 at or above --min (or no --min), 1 below it, 2 bad usage, 3 an unreadable plan or
            coverage file, or no coverage file at all.
            """;

        public int Run(CommandLine line, TextWriter output, TextWriter error, Progress progress)
        {
            string format = line.Choice("format", "text");
            double? min = null;
            if (line.Option("min") is { } minText)
            {
                min = double.TryParse(minText, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && parsed >= 0 && parsed <= 100
                    ? parsed
                    : throw CliException.Usage($"--min must be a percentage from 0 to 100, not '{minText}'.");
            }

            var plan = LoadedPlan.RequireReadable(line.Option("plan") ?? "tracking-plan.yaml", progress, line.Option(ProjectNamespace.OptionName));
            var exercised = Read(line.Positionals);

            // Each gap is named by the file that declares it: in a split plan, the part file, so annotations land on its line.
            string FileOf(SourceSpan span) => span.File ?? plan.Plan.FilePath;
            var events = plan.Plan.Events.Select(e => (Kind: "Event", e.Name, File: FileOf(e.NameSpan), Line: e.NameSpan.DisplayLine, Column: e.NameSpan.DisplayColumn, Hit: exercised.Events.Contains(e.Name)))
                .Concat(plan.Plan.Pages.Select(p => (Kind: "Page", p.Name, File: FileOf(p.NameSpan), Line: p.NameSpan.DisplayLine, Column: p.NameSpan.DisplayColumn, Hit: exercised.Pages.Contains(p.Name))))
                .ToList();
            int hit = events.Count(e => e.Hit);
            double percent = events.Count == 0 ? 100 : 100.0 * hit / events.Count;
            var gaps = events.Where(e => !e.Hit).ToList();
            string summary = string.Format(CultureInfo.InvariantCulture, "{0} of {1} exercised ({2:0.#}%); identify {3}, group {4}.",
                hit, events.Count == 1 ? "1 event and page" : $"{events.Count} events and pages", percent,
                Seen(plan.Plan.Identify != null, exercised.Identify), Seen(plan.Plan.Group != null, exercised.Group));

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
                            report.WriteLine($"- {gap.Kind.ToLowerInvariant()} {Markdown.Code(gap.Name)} ({Markdown.Text(gap.File)}, line {gap.Line})");
                        }
                    }

                    break;
                case "github":
                    foreach (var gap in gaps)
                    {
                        report.WriteLine($"::warning file={DiagnosticFormats.Property(gap.File)},line={gap.Line},title=Tracking coverage::{DiagnosticFormats.Data($"{gap.Kind} '{gap.Name}' is never exercised by the tests")}");
                    }

                    report.WriteLine(summary);
                    break;
                default:
                    foreach (var gap in gaps)
                    {
                        report.WriteLine($"{gap.File}({gap.Line},{gap.Column}): {gap.Kind.ToLowerInvariant()} '{gap.Name}' is never exercised by the tests");
                    }

                    report.WriteLine(summary);
                    break;
            }

            if (CommandOutput.Write(line, output, report.ToString()) is { } written)
            {
                error.WriteLine($"Wrote {written}: {summary}");
            }

            // Names the coverage has and the plan has not: written against another plan version, or renamed since.
            var unknown = exercised.Events.Where(e => !plan.Plan.Events.Any(p => p.Name == e)).Select(e => $"event '{e}'")
                .Concat(exercised.Pages.Where(n => !plan.Plan.Pages.Any(p => p.Name == n)).Select(n => $"page '{n}'"))
                .OrderBy(n => n, StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                error.WriteLine($"{Counted.Of(unknown.Count, "name")} in the coverage files {Counted.Is(unknown.Count)} not in {plan.DisplayPath} (coverage of another plan version, or renamed since); not counted: {string.Join(", ", unknown.Take(20))}{(unknown.Count > 20 ? ", …" : "")}.");
            }

            return min.HasValue && percent < min.Value ? ExitCodes.CheckFailed : ExitCodes.Success;
        }

        private static string Seen(bool inPlan, bool exercised) => !inPlan ? "not in the plan" : exercised ? "exercised" : "never exercised";

        private static CoverageData Read(IEnumerable<string> inputs)
        {
            var files = new List<(string Path, JsonDocument? Parsed)>();
            try
            {
                foreach (string input in inputs)
                {
                    if (Directory.Exists(input))
                    {
                        // Ours: named as RipeCoverage names them, or marked as a coverage file; any other JSON is not coverage.
                        foreach (string file in Directory.GetFiles(input, "*.json").OrderBy(f => f, StringComparer.Ordinal))
                        {
                            if (CoverageFile.IsNamedAsCoverage(file))
                            {
                                files.Add((file, null));
                            }
                            else if (TryParse(file) is { } document)
                            {
                                if (CoverageFile.IsMarked(document.RootElement))
                                {
                                    files.Add((file, document));
                                }
                                else
                                {
                                    document.Dispose();
                                }
                            }
                        }
                    }
                    else if (File.Exists(input))
                    {
                        files.Add((input, null));
                    }
                    else
                    {
                        throw CliException.Input($"{input}: no such coverage file or folder.");
                    }
                }

                if (files.Count == 0)
                {
                    throw CliException.Input($"No coverage file found ({CoverageFile.FileNamePattern}, or JSON marked \"format\": \"{CoverageFile.FormatMarker}\"): run the tests with RIPETYPED_COVERAGE=<folder> (RipeTyped.Testing's RipeRecorder writes it).");
                }

                var exercised = new CoverageData();
                foreach (var (file, parsed) in files)
                {
                    try
                    {
                        exercised.Add(parsed is null ? CoverageFile.Read(file) : CoverageFile.Read(parsed.RootElement, file));
                    }
                    catch (CoverageFileException ex)
                    {
                        throw CliException.Input(ex.Message);
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                    {
                        throw CliException.Input($"{file}: not a RipeTyped coverage file: {ex.Message}");
                    }
                }

                return exercised;
            }
            finally
            {
                foreach (var (_, parsed) in files)
                {
                    parsed?.Dispose();
                }
            }
        }

        /// <summary>A JSON file of the folder, parsed to look for the marker; a file that is not JSON is not ours.</summary>
        private static JsonDocument? TryParse(string file)
        {
            try
            {
                return JsonDocument.Parse(File.ReadAllText(file));
            }
            catch (Exception ex) when (ex is JsonException || ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
