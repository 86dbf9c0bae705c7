using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using RipeTyped.Cli.Commands;

namespace RipeTyped.Cli.Infrastructure
{
    /// <summary>
    /// <c>--help</c> in the layout dotnet users know (usage, arguments, options in one aligned column), with each command's
    /// own description and notes; rows wrap within <see cref="Width"/> columns and stay aligned.
    /// </summary>
    internal static class HelpText
    {
        public const int Width = 110;

        public static readonly (string Label, string Description) HelpRow = ("-?, -h, --help", "show this help");

        public static string Usage(ICommand command) =>
            $"ripe-typed {command.Name}" + string.Concat(command.Arguments.Select(a => " " + a.Usage)) + " [options]";

        public static string For(ICommand command)
        {
            var text = new StringBuilder();
            text.Append("Usage: ").Append(Usage(command)).Append("\n\n");
            text.Append(command.Description.TrimEnd()).Append("\n\n");
            if (command.Arguments.Count > 0)
            {
                text.Append("Arguments:\n");
                Rows(text, command.Arguments.Select(a => (a.Usage.Trim('[', ']'), a.Description)).ToList());
                text.Append('\n');
            }

            text.Append("Options:\n");
            Rows(text, command.Options.Select(o => (o.Label, o.Description)).Append(HelpRow).ToList());
            if (command.Notes.Length > 0)
            {
                text.Append('\n').Append(command.Notes.TrimEnd()).Append('\n');
            }

            return text.ToString().Replace("\r\n", "\n");
        }

        public static string Overview(IEnumerable<ICommand> commands, string version)
        {
            var text = new StringBuilder();
            text.Append("ripe-typed ").Append(version).Append(": tools for RipeTyped tracking plans (tracking-plan.yaml)\n\n");
            text.Append("Usage: ripe-typed <command> [arguments] [options]\n\nCommands:\n");
            Rows(text, commands.Select(c => (c.Name, c.Summary)).ToList());
            text.Append("\nOptions:\n");
            Rows(text, new List<(string, string)> { ("--version", "show the version"), HelpRow });
            text.Append("""

                Run 'ripe-typed <command> --help' for a command's arguments and options. Arguments can come from a response
                file (@file, one or more per line); '--' ends the options (a plan named -x.yaml: ripe-typed lint -- -x.yaml).
                Shell completion: the [suggest] directive, as dotnet-suggest calls it.
                Exit codes: 0 ok, 1 check failed, 2 bad usage, 3 an input that cannot be read at all.
                """.Replace("\r\n", "\n"));
            return text.ToString().TrimEnd() + "\n";
        }

        /// <summary>Two columns: labels padded to the longest, descriptions wrapped and indented under their column.</summary>
        private static void Rows(StringBuilder text, IReadOnlyList<(string Label, string Description)> rows)
        {
            int column = rows.Max(r => r.Label.Length) + 4;
            int room = Math.Max(30, Width - column);
            foreach (var (label, description) in rows)
            {
                var lines = Wrap(description, room);
                text.Append("  ").Append(label.PadRight(column - 2)).Append(lines.FirstOrDefault() ?? "").Append('\n');
                foreach (string line in lines.Skip(1))
                {
                    text.Append(' ', column).Append(line).Append('\n');
                }
            }
        }

        private static List<string> Wrap(string text, int width)
        {
            var lines = new List<string>();
            foreach (string paragraph in text.Replace("\r\n", "\n").Split('\n'))
            {
                var line = new StringBuilder();
                foreach (string word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (line.Length > 0 && line.Length + 1 + word.Length > width)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                    }

                    line.Append(line.Length > 0 ? " " : "").Append(word);
                }

                lines.Add(line.ToString());
            }

            return lines;
        }
    }
}
