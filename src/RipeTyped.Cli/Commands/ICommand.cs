using System.IO;
using RipeTyped.Cli.Infrastructure;

namespace RipeTyped.Cli.Commands
{
    /// <summary>One <c>ripe-typed</c> subcommand.</summary>
    internal interface ICommand
    {
        string Name { get; }

        /// <summary>One line for the command list.</summary>
        string Summary { get; }

        /// <summary>The full <c>--help</c> text.</summary>
        string Help { get; }

        /// <summary>The option names that take a value and the switches this command accepts.</summary>
        (string[] Values, string[] Flags) Options { get; }

        /// <param name="progress">Status for long steps (see <see cref="Progress"/>); silent unless a person watches stderr.</param>
        /// <returns>The process exit code (see <see cref="ExitCodes"/>).</returns>
        int Run(CommandLine line, TextWriter output, TextWriter error, Progress progress);
    }
}
