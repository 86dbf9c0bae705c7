using System;
using System.IO;
using Microsoft.CodeAnalysis;
using RipeTyped.Cli.Import;
using RipeTyped.Cli.Infrastructure;
using RipeTyped.Cli.Lint;

namespace RipeTyped.Cli.Commands
{
    /// <summary><c>ripe-typed import segment.json</c>: a Segment Protocols plan to <c>tracking-plan.yaml</c>.</summary>
    internal sealed class ImportCommand : ICommand
    {
        public string Name => "import";

        public string Summary => "Convert a Segment Protocols tracking plan (JSON Schema rules) into tracking-plan.yaml.";

        public (string[] Values, string[] Flags) Options => (new[] { "output" }, new[] { "force" });

        public string Help => """
            Usage: ripe-typed import <segment-plan.json> [--output tracking-plan.yaml] [--force]

            Converts a Segment Protocols tracking plan, as Typewriter's plan.json or the Public API's tracking plan
            (rules with JSON Schema per event), into RipeTyped's tracking-plan.yaml: track events, pages, identify
            and group traits; types, required, nullable, enums, nested objects, arrays, pattern, minimum/maximum,
            minLength/maxLength. Everything JSON Schema can say that the plan format cannot (oneOf, formats other
            than date-time, context rules...) is listed on standard error with where it was.

              --output file  where to write (default ./tracking-plan.yaml); written whole or not at all
              --force        overwrite an existing file

            Exit codes: 0 imported, 1 imported but the result has plan errors (listed), 2 bad usage,
            3 unreadable or malformed input, or the output exists without --force.
            """;

        public int Run(CommandLine line, TextWriter output, TextWriter error, Progress progress)
        {
            line.RequirePositionals(1, 1, "ripe-typed import <segment-plan.json>");
            string input = line.Positionals[0];
            string target = CommandOutput.NewFileTarget(line, "tracking-plan.yaml");

            if (!File.Exists(input))
            {
                throw CliException.Input($"{input}: file not found.");
            }

            error.WriteLine($"Reading {input}…");
            string json;
            try
            {
                json = File.ReadAllText(input);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw CliException.Input($"{input}: cannot be read: {ex.Message}");
            }

            var plan = SegmentPlanReader.Read(json, input);
            error.WriteLine($"Converting {plan.Events.Count} event(s), {plan.Pages.Count} page(s){(plan.Identify is null ? "" : ", identify")}{(plan.Group is null ? "" : ", group")}…");
            string yaml = PlanYamlWriter.Write(plan, Path.GetFileName(input));

            // The result goes through the same loader as a build would, so what is written is known to load.
            var loaded = progress.Step("checking the imported plan", yaml.Length, () => LoadedPlan.FromText(yaml, target));
            AtomicFile.WriteAllText(target, yaml);
            error.WriteLine($"Wrote {target}.");
            foreach (string item in plan.Unmapped)
            {
                error.WriteLine($"{input}: not mapped: {item}");
            }

            if (plan.Unmapped.Count > 0)
            {
                error.WriteLine($"{plan.Unmapped.Count} item(s) could not be mapped; review them in {target}.");
            }

            if (loaded.HasErrors)
            {
                error.WriteLine($"{target} has plan errors to fix before it builds:");
                DiagnosticFormats.WriteText(error, loaded.Diagnostics, warningsAsErrors: false);
                return ExitCodes.CheckFailed;
            }

            return ExitCodes.Success;
        }
    }
}
