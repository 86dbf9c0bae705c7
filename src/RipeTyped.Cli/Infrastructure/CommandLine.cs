using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;

namespace RipeTyped.Cli.Infrastructure
{
    /// <summary>A positional argument of a command: <c>&lt;plan&gt;</c>, optional when <paramref name="Min"/> is 0.</summary>
    internal sealed record ArgumentSpec(string Name, string Description, int Min = 1, int Max = 1)
    {
        public string Usage => (Max > 1 ? $"<{Name}>..." : $"<{Name}>") is var label && Min == 0 ? $"[{label}]" : label;
    }

    /// <summary>
    /// An option of a command: <c>--name &lt;value&gt;</c>, or a switch (<paramref name="IsFlag"/>). <paramref name="Choices"/>
    /// restricts the value (and completes it); <paramref name="Repeatable"/> options may be given several times.
    /// </summary>
    internal sealed record OptionSpec(
        string Name,
        string Description,
        string? HelpName = null,
        string[]? Choices = null,
        string? Alias = null,
        bool IsFlag = false,
        bool Repeatable = false)
    {
        /// <summary><c>-o, --output</c>: the file a report goes to instead of standard output.</summary>
        public static OptionSpec Output(string description = "write to this file (whole or not at all) instead of standard output") =>
            new OptionSpec("output", description, "file", Alias: "-o");

        public static OptionSpec Namespace { get; } = new OptionSpec(ProjectNamespace.OptionName,
            "namespace of the C# names shown when the plan sets none (default: from the project file next to the plan, as the build takes it)", "NS");

        public string Label =>
            (Alias is null ? "" : Alias + ", ") + "--" + Name
            + (IsFlag ? "" : " <" + (HelpName ?? (Choices is null ? "value" : string.Join("|", Choices))) + ">");
    }

    /// <summary>
    /// The parsed arguments of one command, read from System.CommandLine's <see cref="ParseResult"/>: positionals in
    /// order, <c>--name value</c> options and <c>--flag</c> switches, by the names the command declared.
    /// </summary>
    internal sealed class CommandLine
    {
        private readonly ParseResult _result;
        private readonly IReadOnlyDictionary<string, Option> _options;

        public CommandLine(ParseResult result, IReadOnlyList<Argument> arguments, IReadOnlyDictionary<string, Option> options)
        {
            _result = result;
            _options = options;
            Positionals = arguments.SelectMany(a => result.GetResult(a)?.Tokens.Select(t => t.Value) ?? Enumerable.Empty<string>()).ToList();
        }

        public IReadOnlyList<string> Positionals { get; }

        public bool Flag(string name) => _options.TryGetValue(name, out var option) && option is Option<bool> flag && _result.GetValue(flag);

        /// <summary>The value of an option; for a repeatable one, the last.</summary>
        public string? Option(string name) => Options(name).LastOrDefault();

        /// <summary>Every value given to an option, in order.</summary>
        public IReadOnlyList<string> Options(string name) => _options.TryGetValue(name, out var option)
            ? option switch
            {
                Option<string> single => _result.GetValue(single) is { } value ? new[] { value } : Array.Empty<string>(),
                Option<string[]> many => _result.GetValue(many) ?? Array.Empty<string>(),
                _ => Array.Empty<string>(),
            }
            : Array.Empty<string>();

        /// <summary>The value of an option restricted to its choices (checked by the parser), or <paramref name="fallback"/>.</summary>
        public string Choice(string name, string fallback) => Option(name) ?? fallback;
    }
}
