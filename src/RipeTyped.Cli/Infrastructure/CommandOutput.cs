using System.IO;

namespace RipeTyped.Cli.Infrastructure
{
    /// <summary>Where a command's result goes: the <c>--output</c> file (whole or not at all) or standard output.</summary>
    internal static class CommandOutput
    {
        /// <returns>The file written, or null when the text went to <paramref name="output"/>.</returns>
        public static string? Write(CommandLine line, TextWriter output, string text)
        {
            string? file = line.Option("output");
            if (file is null)
            {
                output.Write(text);
                return null;
            }

            AtomicFile.WriteAllText(file, text);
            return file;
        }

        /// <summary>The target of a command that creates a plan file; an existing one is kept unless <c>--force</c>.</summary>
        public static string NewFileTarget(CommandLine line, string fallback)
        {
            string target = line.Option("output") ?? fallback;
            if (File.Exists(target) && !line.Flag("force"))
            {
                throw CliException.Input($"{target} already exists; pass --force to overwrite it, or --output to write elsewhere.");
            }

            return target;
        }
    }
}
