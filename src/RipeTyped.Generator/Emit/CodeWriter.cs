using System.Text;

namespace RipeTyped.Generator.Emit
{
    /// <summary>Writes indented C# with "\n" line endings, so output is byte-identical on every OS.</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder _builder = new StringBuilder(4096);
        private int _indent;

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

        /// <summary>A <c>&lt;summary&gt;</c> from already escaped XML.</summary>
        public CodeWriter Summary(string xml)
        {
            Line("/// <summary>");
            Line("/// " + xml);
            Line("/// </summary>");
            return this;
        }

        /// <summary>A <c>&lt;summary&gt;</c> from a plan description (escaped here), or the fallback XML.</summary>
        public CodeWriter Summary(string? description, string fallbackXml)
        {
            if (string.IsNullOrWhiteSpace(description))
            {
                return Summary(fallbackXml);
            }

            Line("/// <summary>");
            foreach (string line in Escaping.XmlLines(description!.Trim()))
            {
                Line(line.Length == 0 ? "///" : "/// " + line);
            }

            Line("/// </summary>");
            return this;
        }

        public override string ToString() => _builder.ToString();
    }
}
