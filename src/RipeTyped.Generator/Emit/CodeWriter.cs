using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace RipeTyped.Generator.Emit
{
    /// <summary>Writes indented C# with "\n" line endings, so output is byte-identical on every OS.</summary>
    internal sealed class CodeWriter
    {
        // One builder per thread, reused from file to file: a plan's type files are many and small, and a new builder
        // for each was a third of what emission allocated. Builders that grew past this (the facade) are not kept, so
        // a long-lived compiler server holds at most this much per thread.
        private const int MaxCachedCapacity = 16 * 1024;

        [System.ThreadStatic]
        private static StringBuilder? s_cached;

        private StringBuilder _builder;
        private int _indent;

        public CodeWriter()
        {
            _builder = s_cached ?? new StringBuilder(4096);
            s_cached = null;
        }

        public CodeWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                _builder.Append(' ', _indent * 4);
                _builder.Append(text);
            }

            _builder.Append('\n');
            return this;
        }

        /// <summary>
        /// An interpolated line: the parts are appended straight to the output, so no string is built per line
        /// (emission writes several times more text than the plan holds).
        /// </summary>
        public CodeWriter Line([InterpolatedStringHandlerArgument("")] ref LineHandler line)
        {
            _builder.Append('\n');
            return this;
        }

        public CodeWriter Open([InterpolatedStringHandlerArgument("")] ref LineHandler header)
        {
            _builder.Append('\n');
            Line("{");
            _indent++;
            return this;
        }

        public CodeWriter Open(string header)
        {
            Line(header);
            Line("{");
            _indent++;
            return this;
        }

        public CodeWriter Close(string suffix = "")
        {
            _indent--;
            Line("}" + suffix);
            return this;
        }

        /// <summary>A one-line <c>&lt;summary&gt;</c> from already escaped XML.</summary>
        public CodeWriter Summary(string xml)
        {
            Line($"/// <summary>{xml}</summary>");
            return this;
        }

        /// <summary>The plan's examples of a value as one <c>&lt;remarks&gt;</c> line (which IDEs show on hover), each escaped.</summary>
        public CodeWriter ExamplesIfAny(Common.EquatableArray<string> examples)
        {
            if (examples.IsEmpty)
            {
                return this;
            }

            var builder = new StringBuilder("/// <remarks>Examples: ");
            for (int i = 0; i < examples.Count; i++)
            {
                builder.Append(i == 0 ? "<c>" : ", <c>").Append(Escaping.XmlText(examples[i])).Append("</c>");
            }

            return Line(builder.Append(".</remarks>").ToString());
        }

        /// <summary>A <c>&lt;summary&gt;</c> from a plan description, only when the plan has one (docs cost compile time).</summary>
        public CodeWriter SummaryIfAny(string? description)
        {
            TrySummary(description);
            return this;
        }

        /// <summary>A <c>&lt;summary&gt;</c> from a plan description, or nothing when it has none: for a fallback built only when needed.</summary>
        public bool TrySummary(string? description)
        {
            if (string.IsNullOrWhiteSpace(description))
            {
                return false;
            }

            Summary(description, "");
            return true;
        }

        /// <summary>A <c>&lt;summary&gt;</c> from a plan description (escaped here), or the fallback XML.</summary>
        public CodeWriter Summary(string? description, string fallbackXml)
        {
            if (string.IsNullOrWhiteSpace(description))
            {
                return Summary(fallbackXml);
            }

            string text = description!.Trim();
            if (Escaping.IsOneLine(text))
            {
                // Most descriptions: escaped straight into the output, as XmlLines would give their one line.
                _builder.Append(' ', _indent * 4).Append("/// <summary>");
                Escaping.AppendXml(_builder, text).Append("</summary>\n");
                return this;
            }

            var lines = System.Linq.Enumerable.ToList(Escaping.XmlLines(text));
            if (lines.Count == 1)
            {
                return Summary(lines[0]);
            }

            Line("/// <summary>");
            foreach (string line in lines)
            {
                Line(line.Length == 0 ? "///" : "/// " + line);
            }

            Line("/// </summary>");
            return this;
        }

        /// <summary>The text written; the writer's builder goes back to the thread's cache, so the writer is done with.</summary>
        public string Finish()
        {
            string text = _builder.ToString();
            if (_builder.Capacity <= MaxCachedCapacity)
            {
                _builder.Clear();
                s_cached = _builder;
            }

            _builder = null!;
            return text;
        }

        /// <summary>Appends an interpolated line's parts, after the indentation, to the writer it was created for.</summary>
        [InterpolatedStringHandler]
        internal readonly struct LineHandler
        {
            private readonly StringBuilder _builder;

            public LineHandler(int literalLength, int formattedCount, CodeWriter writer)
            {
                _builder = writer._builder;
                _builder.Append(' ', writer._indent * 4);
            }

            public void AppendLiteral(string text) => _builder.Append(text);

            public void AppendFormatted(string? text) => _builder.Append(text);

            public void AppendFormatted(int value) => _builder.Append(value.ToString(CultureInfo.InvariantCulture));
        }
    }
}
