using System.Collections.Generic;
using System.IO;
using RipeTyped.Cli.Docs;
using RipeTyped.Cli.Infrastructure;

namespace RipeTyped.Cli.Commands
{
    /// <summary><c>ripe-typed docs</c>: a readable catalog of events, properties, traits and pages.</summary>
    internal sealed class DocsCommand : ICommand
    {
        public string Name => "docs";

        public string Summary => "Write a catalog of events, properties, traits and pages (Markdown or one HTML page).";

        public string Description => """
            Writes a human-readable catalog of the plan: every event, page, identify and group trait with its
            description, deprecation, the generated C# method, and a table of properties (type, required, allowed
            values and constraints, description). HTML is a single self-contained page with a filter box.

            A plan with errors is documented too: everything that loads is in the catalog, the errors are listed at
            the top and next to the call they are in (⚠).
            """;

        public IReadOnlyList<ArgumentSpec> Arguments { get; } = new[]
        {
            new ArgumentSpec("plan", "a plan file, a folder or git:REF:path (default: ./tracking-plan.yaml)", Min: 0),
        };

        public IReadOnlyList<OptionSpec> Options { get; } = new[]
        {
            new OptionSpec("format", "markdown (default) or html", Choices: new[] { "markdown", "html" }),
            OptionSpec.Output(),
            new OptionSpec("title", "the page title (default: \"<ClassName> tracking plan\")", "text"),
            OptionSpec.Namespace,
        };

        public string Notes => """
            Exit codes: 0 written (also when the plan has errors: they are in the catalog), 2 bad usage, 3 the plan
            cannot be read at all (missing file, git error, not YAML, over the size limit).
            """;

        public int Run(CommandLine line, TextWriter output, TextWriter error, Progress progress)
        {
            string format = line.Choice("format", "markdown");
            var plan = LoadedPlan.RequireReadable(line.Positionals.Count > 0 ? line.Positionals[0] : "tracking-plan.yaml", progress, line.Option(ProjectNamespace.OptionName));
            var catalog = Catalog.Of(plan, line.Option("title"));

            var document = new StringWriter();
            if (format == "html")
            {
                CatalogHtml.Write(document, catalog);
            }
            else
            {
                CatalogMarkdown.Write(document, catalog);
            }

            if (CommandOutput.Write(line, output, document.ToString()) is { } written)
            {
                error.WriteLine($"Wrote {written}.");
            }

            return ExitCodes.Success;
        }
    }
}
