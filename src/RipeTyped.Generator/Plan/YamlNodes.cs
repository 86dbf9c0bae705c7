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

        /// <summary>
        /// How many nodes a walk of this subtree visits, aliases counted by what they point at (saturating). What a
        /// "billion laughs" document inflates: the reader refuses trees whose weight is far above their real size.
        /// </summary>
        public long Weight { get; set; } = 1;

        /// <summary>False while the reader is still inside this collection: an alias to it would make a cycle.</summary>
        public bool IsComplete { get; set; } = true;
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
        public YamlMapping(SourceSpan span)
            : base(span)
        {
        }

        public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = new List<KeyValuePair<YamlScalar, YamlNode>>();

        public override string ShapeName => "a mapping";
    }

    internal sealed class YamlSequence : YamlNode
    {
        public YamlSequence(SourceSpan span)
            : base(span)
        {
        }

        public List<YamlNode> Items { get; } = new List<YamlNode>();

        public override string ShapeName => "a sequence";
    }
}
