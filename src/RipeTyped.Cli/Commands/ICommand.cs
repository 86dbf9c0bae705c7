using System.Collections.Generic;
using System.IO;
using RipeTyped.Cli.Infrastructure;

namespace RipeTyped.Cli.Commands
{
    /// <summary>One <c>ripe-typed</c> subcommand: what it accepts (for the parser, help and completion) and what it does.</summary>
    internal interface ICommand
    {
        string Name { get; }

        /// <summary>One line for the command list.</summary>
        string Summary { get; }

        /// <summary>What the command does: the help text between the usage line and the arguments.</summary>
        string Description { get; }

        IReadOnlyList<ArgumentSpec> Arguments { get; }

        IReadOnlyList<OptionSpec> Options { get; }

        /// <summary>The help text after the options: notes, examples, and the exit codes (<c>Exit codes: ...</c>).</summary>
        string Notes { get; }

        /// <param name="progress">Status for long steps (see <see cref="Progress"/>); silent unless a person watches stderr.</param>
        /// <returns>The process exit code (see <see cref="ExitCodes"/>).</returns>
        int Run(CommandLine line, TextWriter output, TextWriter error, Progress progress);
    }
}
