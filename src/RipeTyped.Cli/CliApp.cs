using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using RipeTyped.Cli.Commands;
using RipeTyped.Cli.Infrastructure;

namespace RipeTyped.Cli
{
    /// <summary>The <c>ripe-typed</c> command line: dispatches to a command, turns failures into a message and an exit code.</summary>
    internal static class CliApp
    {
        private static readonly ICommand[] Commands =
        {
            new LintCommand(),
            new DiffCommand(),
            new DocsCommand(),
            new ImportCommand(),
            new InitCommand(),
            new CoverageCommand(),
        };

        public static string Version { get; } =
            typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

        public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Progress? progress = null) =>
            Task.FromResult(Run(args, output, error, progress));

        public static int Run(string[] args, TextWriter output, TextWriter error, Progress? progress = null)
        {
            if (args.Length == 0 || args[0] is "--help" or "-h" or "-?" or "help")
            {
                if (args.Length > 1 && Find(args[1]) is { } helped)
                {
                    output.WriteLine(helped.Help);
                    return ExitCodes.Success;
                }

                output.WriteLine(Overview());
                return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Success;
            }

            if (args[0] == "--version")
            {
                output.WriteLine(Version);
                return ExitCodes.Success;
            }

            var command = Find(args[0]);
            if (command is null)
            {
                error.WriteLine($"ripe-typed: unknown command '{args[0]}'. Commands: {string.Join(", ", Commands.Select(c => c.Name))}. Run 'ripe-typed --help'.");
                return ExitCodes.Usage;
            }

            try
            {
                var line = CommandLine.Parse(args.Skip(1).ToList(), command.Options.Values, command.Options.Flags);
                if (line.HelpRequested)
                {
                    output.WriteLine(command.Help);
                    return ExitCodes.Success;
                }

                return command.Run(line, output, error, progress ?? Progress.Silent);
            }
            catch (CliException ex)
            {
                error.WriteLine($"ripe-typed {command.Name}: {ex.Message}");
                if (ex.ExitCode == ExitCodes.Usage)
                {
                    error.WriteLine($"Run 'ripe-typed {command.Name} --help' for usage.");
                }

                return ex.ExitCode;
            }
        }

        private static ICommand? Find(string name) => Commands.FirstOrDefault(c => c.Name == name);

        private static string Overview() =>
            $"ripe-typed {Version}: tools for RipeTyped tracking plans (tracking-plan.yaml)\n\n" +
            "Usage: ripe-typed <command> [options]\n\nCommands:\n" +
            string.Join("\n", Commands.Select(c => $"  {c.Name,-8} {c.Summary}")) +
            "\n\nRun 'ripe-typed <command> --help' for a command's options. Exit codes: 0 ok, 1 check failed, 2 bad usage, 3 unreadable input.";
    }
}
