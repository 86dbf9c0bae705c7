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

        public (string[] Values, string[] Flags) Options => (new[] { "format", "output", "title", ProjectNamespace.OptionName }, new string[0]);

        public string Help => """
            Usage: ripe-typed docs [plan] [--format markdown|html] [--output file] [--title text] [--namespace NS]

            Writes a human-readable catalog of the plan: every event, page, identify and group trait with its
            description, deprecation, the generated C# method, and a table of properties (type, required, allowed
            values and constraints, description). HTML is a single self-contained page with a filter box.

              --format markdown  (default)  --format html
              --output file      write to a file (whole or not at all) instead of standard output
              --title text       the page title (default: "<ClassName> tracking plan")

            A plan with errors is documented too: everything that loads is in the catalog, the errors are listed at
            the top and next to the call they are in (⚠).
              --namespace NS       namespace of the C# names shown when the plan sets none (default: from the
                                   project file next to the plan, as the build takes it)

            Exit codes: 0 written (also when the plan has errors: they are in the catalog), 2 bad usage,
            3 the plan cannot be read at all (missing file, not YAML, too large).
            """;

        public int Run(CommandLine line, TextWriter output, TextWriter error, Progress progress)
        {
            line.RequirePositionals(0, 1, "ripe-typed docs [plan]");
            string format = line.Choice("format", "markdown", "markdown", "html");
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
