using System;
using System.Collections.Generic;
using System.Linq;

namespace RipeTyped.Cli.Infrastructure
{
    /// <summary>
    /// The parsed arguments of one command: positionals in order, <c>--name value</c> options and <c>--flag</c>
    /// switches. Anything the command did not declare is a usage error naming it.
    /// </summary>
    internal sealed class CommandLine
    {
        private readonly Dictionary<string, string> _options = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly HashSet<string> _flags = new HashSet<string>(StringComparer.Ordinal);

        private CommandLine(List<string> positionals) => Positionals = positionals;

        public IReadOnlyList<string> Positionals { get; }

        public bool HelpRequested => _flags.Contains("help");

        /// <param name="args">The arguments after the command name.</param>
        /// <param name="valueOptions">Options that take a value, without the leading dashes.</param>
        /// <param name="flags">Switches, without the leading dashes (<c>help</c> is always allowed).</param>
        public static CommandLine Parse(IReadOnlyList<string> args, IEnumerable<string> valueOptions, IEnumerable<string> flags)
        {
            var values = new HashSet<string>(valueOptions, StringComparer.Ordinal);
            var switches = new HashSet<string>(flags, StringComparer.Ordinal) { "help" };
            var positionals = new List<string>();
            var line = new CommandLine(positionals);
            for (int i = 0; i < args.Count; i++)
            {
                string arg = args[i];
                if (arg == "-h" || arg == "-?")
                {
                    arg = "--help";
                }

                if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
                {
                    positionals.Add(arg);
                    continue;
                }

                string name = arg.Substring(2);
                string? inlineValue = null;
                int equals = name.IndexOf('=');
                if (equals >= 0)
                {
                    inlineValue = name.Substring(equals + 1);
                    name = name.Substring(0, equals);
                }

                if (switches.Contains(name) && inlineValue is null)
                {
                    line._flags.Add(name);
                }
                else if (values.Contains(name))
                {
                    string? value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
                    line._options[name] = value ?? throw CliException.Usage($"Option --{name} needs a value.");
                }
                else
                {
                    string known = string.Join(", ", values.Concat(switches).OrderBy(n => n, StringComparer.Ordinal).Select(n => "--" + n));
                    throw CliException.Usage($"Unknown option '{arg}'. Known options: {known}.");
                }
            }

            return line;
        }

        public bool Flag(string name) => _flags.Contains(name);

        public string? Option(string name) => _options.TryGetValue(name, out var value) ? value : null;

        /// <summary>The value of an option restricted to <paramref name="allowed"/>, or <paramref name="fallback"/>.</summary>
        public string Choice(string name, string fallback, params string[] allowed)
        {
            string value = Option(name) ?? fallback;
            if (!allowed.Contains(value, StringComparer.Ordinal))
            {
                throw CliException.Usage($"--{name} must be one of {string.Join(", ", allowed)}; got '{value}'.");
            }

            return value;
        }

        public void RequirePositionals(int min, int max, string usage)
        {
            if (Positionals.Count < min || Positionals.Count > max)
            {
                throw CliException.Usage($"Expected {(min == max ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{min} to {max}")} argument(s); usage: {usage}");
            }
        }
    }
}
