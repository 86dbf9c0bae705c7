using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace RipeTyped.Generator.Emit
{
    /// <summary>Makes plan text safe inside generated C#: no plan text can end a comment, a string or a line early.</summary>
    internal static class Escaping
    {
        /// <summary>A C# string literal (quotes included) for any text.</summary>
        public static string Literal(string text) =>
            IsPlainAscii(text) ? string.Concat("\"", text, "\"") : SymbolDisplay.FormatLiteral(text, quote: true);

        /// <summary>
        /// Printable ASCII without quote or backslash: its literal is the text in quotes, as Roslyn would write it (most
        /// names are; the check saves a string per name, and emission writes several per property).
        /// </summary>
        private static bool IsPlainAscii(string text)
        {
            foreach (char c in text)
            {
                if (c < ' ' || c > '~' || c == '"' || c == '\\')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A UTF-8 string literal (<c>"name"u8</c>, C# 11, which the generated code needs anyway): the JSON writer then
        /// skips transcoding the name on every message. Text with a lone surrogate has no UTF-8 form; it stays a string.
        /// </summary>
        public static string Utf8Literal(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (char.IsSurrogate(text[i]))
                {
                    if (i + 1 < text.Length && char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
                    {
                        i++;
                        continue;
                    }

                    return Literal(text);
                }
            }

            return IsPlainAscii(text) ? string.Concat("\"", text, "\"u8") : Literal(text) + "u8";
        }

        /// <summary>Text for an XML doc comment: XML-escaped, with every C# line terminator removed and half a surrogate pair replaced (U+FFFD).</summary>
        public static string XmlText(string text) => IsXmlSafe(text) ? text : AppendXml(new StringBuilder(text.Length + 16), text).ToString();

        /// <summary>Appends <see cref="XmlText"/> of <paramref name="text"/> without making it a string first.</summary>
        public static StringBuilder AppendXml(StringBuilder builder, string text)
        {
            if (IsXmlSafe(text))
            {
                return builder.Append(text);
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (IsXmlSafe(c))
                {
                    builder.Append(c);
                }
                else if (char.IsSurrogate(c))
                {
                    // A pair is one character; half of one is not valid XML. No plan gives one (the text is strict UTF-8 and
                    // YamlDotNet refuses a "\uD83D" escape): this keeps any other caller's text from breaking the doc comment.
                    bool pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                    builder.Append(pair ? c : '\uFFFD');
                    if (pair)
                    {
                        builder.Append(text[++i]);
                    }
                }
                else
                {
                    // Markup is escaped; line terminators and other control characters (not valid XML) become spaces.
                    builder.Append(c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", _ => " " });
                }
            }

            return builder;
        }

        /// <summary>Text that <see cref="XmlText"/> returns unchanged (most plan text).</summary>
        private static bool IsXmlSafe(string text)
        {
            foreach (char c in text)
            {
                if (!IsXmlSafe(c))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A character written as it is: not markup, a line terminator, another control character (tab aside) or half a surrogate pair.</summary>
        private static bool IsXmlSafe(char c) =>
            c != '&' && c != '<' && c != '>' && c != '\u2028' && c != '\u2029' && !char.IsSurrogate(c) && (c == '\t' || !char.IsControl(c));

        /// <summary>True when <paramref name="text"/> has a line terminator (<see cref="XmlLines"/> would split it).</summary>
        public static bool IsOneLine(string text) => text.IndexOfAny(LineTerminators) < 0;

        private static readonly char[] LineTerminators = { '\n', '\r', '\u0085', '\u2028', '\u2029' };

        /// <summary>A description as doc-comment lines: split on any line terminator, each line escaped.</summary>
        public static IEnumerable<string> XmlLines(string text)
        {
            foreach (string line in text.Replace("\r\n", "\n").Split(LineTerminators))
            {
                string trimmed = line.TrimEnd();
                yield return XmlText(trimmed);
            }
        }

        public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "d";

        public static string NullableNumber(double? value) => value.HasValue ? Number(value.Value) : "null";

        public static string NullableInt(int? value) => value.HasValue ? value.Value.ToString(CultureInfo.InvariantCulture) : "null";
    }
}
