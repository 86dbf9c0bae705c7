using System.IO;
using RipeTyped.Cli.Infrastructure;

namespace RipeTyped.Cli.Commands
{
    /// <summary><c>ripe-typed init</c>: a commented starter plan.</summary>
    internal sealed class InitCommand : ICommand
    {
        public string Name => "init";

        public string Summary => "Write a commented starter tracking-plan.yaml.";

        public (string[] Values, string[] Flags) Options => (new[] { "output" }, new[] { "force" });

        public string Help => """
            Usage: ripe-typed init [--output tracking-plan.yaml] [--force]

            Writes a commented starter plan showing options, shared definitions, identify and group traits, a page
            and events with every property type. It loads without errors; edit it to describe your events.

              --output file  where to write (default ./tracking-plan.yaml)
              --force        overwrite an existing file

            Exit codes: 0 written, 2 bad usage, 3 the file exists without --force or cannot be written.
            """;

        public int Run(CommandLine line, TextWriter output, TextWriter error, Progress progress)
        {
            line.RequirePositionals(0, 0, "ripe-typed init");
            string target = CommandOutput.NewFileTarget(line, "tracking-plan.yaml");

            AtomicFile.WriteAllText(target, StarterPlan());
            error.WriteLine($"Wrote {target}. Next: add the RipeTyped package to your project and build; 'ripe-typed lint' checks the plan.");
            return ExitCodes.Success;
        }

        internal static string StarterPlan()
        {
            using var stream = typeof(InitCommand).Assembly.GetManifestResourceStream("starter-plan.yaml")!;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
