using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using RipeTyped.Cli.Commands;
using RipeTyped.Cli.Infrastructure;

namespace RipeTyped.Cli
{
    /// <summary>
    /// The <c>ripe-typed</c> command line, parsed by System.CommandLine (help, <c>-o</c>, response files, <c>--</c>, the
    /// <c>[suggest]</c> completion directive): dispatches to a command, turns failures into a message and an exit code.
    /// </summary>
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
            if (args.Length == 0)
            {
                output.Write(HelpText.Overview(Commands, Version));
                return ExitCodes.Usage;
            }

            if (args[0] == "help")
            {
                // 'ripe-typed help lint', as git and dotnet accept it; 'help nope' is as wrong as 'nope'.
                if (args.Length > 1 && !Commands.Any(c => c.Name == args[1]))
                {
                    error.WriteLine($"ripe-typed: unknown command '{args[1]}'.{Suggestion(args[1], Commands.Select(c => c.Name))} Commands: {string.Join(", ", Commands.Select(c => c.Name))}. Run 'ripe-typed --help'.");
                    return ExitCodes.Usage;
                }

                args = args.Length > 1 ? new[] { args[1], "--help" } : new[] { "--help" };
            }

            if (args is ["--version"])
            {
                output.WriteLine(Version);
                return ExitCodes.Success;
            }

            var parser = Build();
            var result = parser.Root.Parse(args, new ParserConfiguration());
            if (result.Action is not null && result.Action is not ParseErrorAction)
            {
                // --help, or a directive ([suggest] for shell completion).
                return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
            }

            var (command, symbols) = parser.Commands.FirstOrDefault(c => c.Symbols.Command == result.CommandResult.Command) is var found && found.Command is not null
                ? found
                : (null!, null!);
            if (command is null)
            {
                string first = result.Tokens.FirstOrDefault(t => t.Type != TokenType.Directive)?.Value ?? args[0];
                error.WriteLine(first.StartsWith("-", StringComparison.Ordinal) && result.Errors.Count > 0 && !result.UnmatchedTokens.Contains(first)
                    ? $"ripe-typed: {result.Errors[0].Message}"
                    : $"ripe-typed: unknown command '{first}'.{Suggestion(first, Commands.Select(c => c.Name))} Commands: {string.Join(", ", Commands.Select(c => c.Name))}. Run 'ripe-typed --help'.");
                return ExitCodes.Usage;
            }

            string? problem = UnknownOption(result, symbols) ?? result.Errors.FirstOrDefault()?.Message;
            if (problem is not null)
            {
                error.WriteLine($"ripe-typed {command.Name}: {problem}");
                error.WriteLine($"Usage: {HelpText.Usage(command)}");
                error.WriteLine($"Run 'ripe-typed {command.Name} --help' for more.");
                return ExitCodes.Usage;
            }

            try
            {
                return command.Run(new CommandLine(result, symbols.Arguments, symbols.Options), output, error, progress ?? Progress.Silent);
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

        private sealed record CommandSymbols(Command Command, IReadOnlyList<Argument> Arguments, IReadOnlyDictionary<string, Option> Options);

        private sealed record Parser(RootCommand Root, IReadOnlyList<(ICommand Command, CommandSymbols Symbols)> Commands);

        private static Parser Build()
        {
            var root = new RootCommand("ripe-typed: tools for RipeTyped tracking plans (tracking-plan.yaml)");
            root.Options.OfType<HelpOption>().Single().Action = new HelpPrinter();
            var built = new List<(ICommand, CommandSymbols)>();
            foreach (var spec in Commands)
            {
                var command = new Command(spec.Name, spec.Summary);
                var arguments = new List<Argument>();
                foreach (var a in spec.Arguments)
                {
                    Argument argument = a.Max > 1 ? new Argument<string[]>(a.Name) : new Argument<string>(a.Name);
                    argument.Arity = a.Max > 1 ? (a.Min == 0 ? ArgumentArity.ZeroOrMore : ArgumentArity.OneOrMore) : new ArgumentArity(a.Min, a.Max);
                    argument.Description = a.Description;
                    command.Add(argument);
                    arguments.Add(argument);
                }

                var options = new Dictionary<string, Option>(StringComparer.Ordinal);
                foreach (var o in spec.Options)
                {
                    var aliases = o.Alias is null ? Array.Empty<string>() : new[] { o.Alias };
                    Option option = o.IsFlag ? new Option<bool>("--" + o.Name, aliases)
                        : o.Repeatable ? new Option<string[]>("--" + o.Name, aliases) { Arity = ArgumentArity.OneOrMore }
                        : new Option<string>("--" + o.Name, aliases);
                    option.Description = o.Description;
                    if (o.Choices is { } choices)
                    {
                        option.CompletionSources.Add(choices);
                        option.Validators.Add(r =>
                        {
                            if (r.Tokens.Count > 0 && !choices.Contains(r.Tokens[r.Tokens.Count - 1].Value, StringComparer.Ordinal))
                            {
                                r.AddError($"--{o.Name} must be one of {string.Join(", ", choices)}; got '{r.Tokens[r.Tokens.Count - 1].Value}'.");
                            }
                        });
                    }

                    command.Add(option);
                    options[o.Name] = option;
                }

                root.Add(command);
                built.Add((spec, new CommandSymbols(command, arguments, options)));
            }

            return new Parser(root, built);
        }

        /// <summary>
        /// A token that looks like an option but is none of the command's: System.CommandLine takes it as a positional
        /// argument (a plan named '--fromat'); a person meant an option. After '--' it is an argument, as intended.
        /// </summary>
        private static string? UnknownOption(ParseResult result, CommandSymbols symbols)
        {
            var tokens = result.Tokens;
            int doubleDash = Enumerable.Range(0, tokens.Count).FirstOrDefault(i => tokens[i].Type == TokenType.DoubleDash, tokens.Count);
            var suspects = symbols.Arguments
                .SelectMany(a => result.GetResult(a)?.Tokens ?? (IReadOnlyList<Token>)Array.Empty<Token>())
                .Where(t => Enumerable.Range(0, doubleDash).Any(i => ReferenceEquals(tokens[i], t)))
                .Select(t => t.Value)
                .Concat(doubleDash == tokens.Count ? result.UnmatchedTokens : Enumerable.Empty<string>());
            string? unknown = suspects.FirstOrDefault(v => v.Length > 1 && v[0] == '-');
            if (unknown is null)
            {
                return null;
            }

            var known = symbols.Options.Keys.Select(n => "--" + n).Append("--help").OrderBy(n => n, StringComparer.Ordinal).ToList();
            string name = unknown.Split('=', ':')[0];
            return $"Unknown option '{unknown}'.{Suggestion(name, known)} Known options: {string.Join(", ", known)}. (An argument that starts with '-' goes after '--'.)";
        }

        private static string Suggestion(string typed, IEnumerable<string> candidates)
        {
            string? best = candidates
                .Select(c => (Name: c, Distance: Distance(typed, c)))
                .Where(c => c.Distance <= Math.Max(2, typed.Length / 3))
                .OrderBy(c => c.Distance)
                .Select(c => c.Name)
                .FirstOrDefault();
            return best is null ? "" : $" Did you mean '{best}'?";
        }

        private static int Distance(string a, string b)
        {
            var row = Enumerable.Range(0, b.Length + 1).ToArray();
            for (int i = 1; i <= a.Length; i++)
            {
                int previous = row[0];
                row[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int current = row[j];
                    row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                    previous = current;
                }
            }

            return row[b.Length];
        }

        /// <summary>The help of the command asked about (the overview for the root), in <see cref="HelpText"/>'s layout.</summary>
        private sealed class HelpPrinter : SynchronousCommandLineAction
        {
            public override bool ClearsParseErrors => true;

            public override int Invoke(ParseResult parseResult)
            {
                var output = parseResult.InvocationConfiguration.Output;
                var command = Commands.FirstOrDefault(c => c.Name == parseResult.CommandResult.Command.Name && parseResult.CommandResult.Command is not RootCommand);
                output.Write(command is null ? HelpText.Overview(Commands, Version) : HelpText.For(command));
                return ExitCodes.Success;
            }
        }
    }
}
