using System.Collections.Generic;
using RipeTyped.Generator.Diagnostics;

namespace RipeTyped.Generator.Plan
{
    /// <summary>A minimal YAML tree with source positions, built straight from YamlDotNet's parser events.</summary>
    internal abstract class YamlNode
    {
        protected YamlNode(SourceSpan span)
        {
            Span = span;
        }

        public SourceSpan Span { get; }

        public abstract string ShapeName { get; }
    }

    internal sealed class YamlScalar : YamlNode
    {
        public YamlScalar(string value, bool isPlain, SourceSpan span)
            : base(span)
        {
            Value = value;
            IsPlain = isPlain;
        }

        public string Value { get; }

        /// <summary>Unquoted: only plain scalars are read as booleans, numbers or null.</summary>
        public bool IsPlain { get; }

        public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

        public override string ShapeName => "a scalar";
    }

    internal sealed class YamlMapping : YamlNode
    {
        public YamlMapping(SourceSpan span, List<KeyValuePair<YamlScalar, YamlNode>> entries)
            : base(span)
        {
            Entries = entries;
        }

        public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; }

        public override string ShapeName => "a mapping";
    }

    internal sealed class YamlSequence : YamlNode
    {
        public YamlSequence(SourceSpan span, List<YamlNode> items)
            : base(span)
        {
            Items = items;
        }

        public List<YamlNode> Items { get; }

        public override string ShapeName => "a sequence";
    }
}
