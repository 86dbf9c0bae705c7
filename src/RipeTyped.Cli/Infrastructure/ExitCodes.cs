namespace RipeTyped.Cli.Infrastructure
{
    /// <summary>Conventional exit codes: 0 success, 1 the check failed, 2 the command line was wrong, 3 an input could not be read.</summary>
    internal static class ExitCodes
    {
        public const int Success = 0;

        /// <summary>Lint found errors (or warnings with --warnings-as-errors); diff found breaking changes.</summary>
        public const int CheckFailed = 1;

        public const int Usage = 2;

        /// <summary>A file, git ref or JSON document could not be read, or a plan does not load.</summary>
        public const int InputError = 3;
    }
}
