using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using RipeTyped.Cli.Import;
using RipeTyped.Cli.Infrastructure;
using RipeTyped.Generator.Plan;
using RipeTyped.Cli.Lint;

namespace RipeTyped.Cli.Commands
{
    /// <summary><c>ripe-typed import plan.json</c>: a Segment, RudderStack or Snowplow plan to <c>tracking-plan.yaml</c>.</summary>
    internal sealed class ImportCommand : ICommand
    {
        public string Name => "import";

        public string Summary => "Convert a Segment, RudderStack or Snowplow tracking plan into tracking-plan.yaml.";

        public string Description => """
            Converts another tool's tracking plan into RipeTyped's tracking-plan.yaml. Layouts (docs/import.md), told by
            their shape or named with --from: Segment (Typewriter v7 / Config API plan.json, Typewriter v8/v9 plan.json,
            Typewriter's older local plans, Public API rule lists); RudderStack (a rudder-cli project folder or its YAML
            files, rudder/v0.1 and rudder/v1, and the JSON tracking plan its API returns); Snowplow (Iglu self-describing
            JSON Schemas, a folder or files; the newest version of each schema). Carries events, pages, identify and group
            traits; types, required, nullable, enums, nested objects, arrays, pattern, minimum/maximum,
            minLength/maxLength; labels and categories as tags; deprecation; open properties; RudderStack discriminators
            as event variants. Wire names are kept byte-exact; names that collide in C# get csharpName. The naming
            conventions the plan follows are detected and written into options. Every event and property the plan format
            cannot hold (oneOf, formats other than date-time, older versions, colliding event names...) is listed on
            standard error with its path, with counts of the events and properties read, written and not imported.
            """;

        public IReadOnlyList<ArgumentSpec> Arguments { get; } = new[]
        {
            new ArgumentSpec("plan", "the plan file, or a folder or several files (a rudder-cli project, Iglu schemas)", Max: int.MaxValue),
        };

        public IReadOnlyList<OptionSpec> Options { get; } = new[]
        {
            OptionSpec.Output("where to write (default: ./tracking-plan.yaml); written whole or not at all"),
            new OptionSpec("force", "overwrite an existing file", IsFlag: true),
            new OptionSpec("from", "the layout, instead of telling it by its shape", Choices: ImportLayouts.Names),
            new OptionSpec("source", "every imported call is implemented by this source (for Segment's per-source rule lists); Segment labels keyed \"source\" map onto sources too", "name"),
            OptionSpec.Namespace,
        };

        public string Notes => """
            Exit codes: 0 imported (warnings, if any, are listed), 1 imported but the result has plan errors (listed
            apart from warnings), 2 bad usage, 3 unreadable, malformed or unknown input (nothing written), or the
            output exists without --force.
            """;

        public int Run(CommandLine line, TextWriter output, TextWriter error, Progress progress)
        {
            var inputs = line.Positionals;
            string input = string.Join(", ", inputs);
            string target = CommandOutput.NewFileTarget(line, "tracking-plan.yaml");

            error.WriteLine($"Reading {input}…");
            var plan = ImportLayouts.Read(ImportFile.Collect(inputs), line.Option("from"));
            if (line.Option("source") is { } source)
            {
                // A per-source rule list (Segment keeps one per source): every call in it is that source's.
                foreach (var call in plan.AllCalls)
                {
                    call.AddSource(source);
                }
            }

            error.WriteLine($"Read {plan.Layout}: {Counted.Of(plan.Events.Count, "event")}, {Counted.Of(plan.Pages.Count, "page")}{(plan.Identify is null ? "" : ", identify")}{(plan.Group is null ? "" : ", group")}…");
            // Into a part of a split plan (x.tracking-plan.yaml next to an existing tracking-plan.yaml): options stay the main file's.
            bool asPart = !PlanLoader.IsMainPlanFile(target) && PlanLoader.IsPlanFile(target)
                && File.Exists(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target))!, PlanLoader.FileName));
            string sourceName = string.Join(", ", inputs.Select(i => Path.GetFileName(Path.TrimEndingDirectorySeparator(i))));
            string yaml = PlanYamlWriter.Write(plan, sourceName, asPart);

            // The result goes through the same loader as a build would, so what is written is known to load; the C#
            // names it chose for colliding wire names are then pinned with csharpName, and the plan is checked again.
            var loaded = progress.Step("checking the imported plan", yaml.Length, () => LoadedPlan.FromText(yaml, target, ProjectNamespace.For(line.Option(ProjectNamespace.OptionName), target)));
            if (loaded.Spec is { } spec && CollisionPins.Apply(plan, spec) is int pinned && pinned > 0)
            {
                yaml = PlanYamlWriter.Write(plan, sourceName, asPart);
                loaded = progress.Step("checking the imported plan", yaml.Length, () => LoadedPlan.FromText(yaml, target, ProjectNamespace.For(line.Option(ProjectNamespace.OptionName), target)));
                error.WriteLine($"Pinned the C# {(pinned == 1 ? "name" : "names")} of {Counted.Of(pinned, "colliding name")} with csharpName (see docs/naming.md).");
            }

            AtomicFile.WriteAllText(target, yaml);
            error.WriteLine($"Wrote {target}: options eventCase: {plan.EventCase}, eventWordOrder: {plan.EventWordOrder}, propertyCase: {plan.PropertyCase} (detected).");
            error.WriteLine($"Events: {plan.EventsRead} read, {plan.Events.Count} written, {plan.EventsReported} not imported (listed below).");
            error.WriteLine($"Properties: {plan.PropertiesRead} read, {plan.PropertiesWritten} written, {plan.PropertiesReported} not imported (listed below).");
            foreach (var item in plan.NotMapped)
            {
                error.WriteLine($"{input}: not mapped: {item}");
            }

            if (plan.NotMapped.Count > 0)
            {
                error.WriteLine($"{Counted.Of(plan.NotMapped.Count, "item")} could not be mapped; review them in {target}.");
            }

            var errors = loaded.Diagnostics.Where(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error).ToList();
            var warnings = loaded.Diagnostics.Where(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Warning).ToList();
            int suggestions = loaded.Diagnostics.Count(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Info);
            if (warnings.Count > 0)
            {
                error.WriteLine($"{target}: {Counted.Of(warnings.Count, "warning")} (the plan builds; fix or configure {(warnings.Count == 1 ? "it" : "them")}):");
                DiagnosticFormats.WriteText(error, DiagnosticFormats.AtDefault(warnings), warningsAsErrors: false);
            }

            if (suggestions > 0)
            {
                error.WriteLine($"{target}: {Counted.Of(suggestions, "suggestion")}, such as events without a description; 'ripe-typed lint {target}' lists {(suggestions == 1 ? "it" : "them")}.");
            }

            if (errors.Count > 0)
            {
                error.WriteLine($"{target}: {Counted.Of(errors.Count, "error")} to fix before it builds:");
                DiagnosticFormats.WriteText(error, DiagnosticFormats.AtDefault(errors), warningsAsErrors: false);
                return ExitCodes.CheckFailed;
            }

            return ExitCodes.Success;
        }
    }
}
