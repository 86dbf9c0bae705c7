using System;
using System.Text;

namespace RipeTyped.Cli.Infrastructure
{
    /// <summary>Markdown escaping for text that comes from a plan (names, descriptions): it must render as text, never as markup.</summary>
    internal static class Markdown
    {
        /// <summary>An inline code span that holds any text, backticks included, on one line.</summary>
        public static string Code(string text)
        {
            text = OneLine(text);
            int longest = 0;
            int run = 0;
            foreach (char c in text)
            {
                run = c == '`' ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }

            string fence = new string('`', longest + 1);
            string pad = text.StartsWith("`", StringComparison.Ordinal) || text.EndsWith("`", StringComparison.Ordinal) ? " " : "";
            return fence + pad + text + pad + fence;
        }

        /// <summary>Plain text with the Markdown and HTML metacharacters that could start markup escaped.</summary>
        public static string Text(string text)
        {
            var builder = new StringBuilder(text.Length);
            string line = OneLine(text);
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if ("\\`*_[]<>|~&".IndexOf(c) >= 0 || (i == 0 && "#+-!=>".IndexOf(c) >= 0))
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }

            return builder.ToString();
        }

        private static string OneLine(string text) => text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
    }
}
