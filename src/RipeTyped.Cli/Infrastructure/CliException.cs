using System;

namespace RipeTyped.Cli.Infrastructure
{
    /// <summary>A failure to report to the user as one clear message and an exit code (never a stack trace).</summary>
    internal sealed class CliException : Exception
    {
        public CliException(int exitCode, string message)
            : base(message)
        {
            ExitCode = exitCode;
        }

        public int ExitCode { get; }

        public static CliException Usage(string message) => new CliException(ExitCodes.Usage, message);

        public static CliException Input(string message) => new CliException(ExitCodes.InputError, message);
    }
}
