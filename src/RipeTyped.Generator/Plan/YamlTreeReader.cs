using System;
using System.Collections.Generic;
using System.IO;
using RipeTyped.Generator.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RipeTyped.Generator.Plan
{
    /// <summary>
    /// Reads YAML text into <see cref="YamlNode"/>s using YamlDotNet's low-level event parser, which is faster than
    /// its representation model and keeps the line and column of every node. Never throws: syntax errors become
    /// <see cref="RipeDiagnostics.YamlSyntax"/> diagnostics.
    /// </summary>
    internal sealed class YamlTreeReader
    {
        private readonly IParser _parser;
        private readonly string _filePath;
        private readonly List<PlanDiagnostic> _diagnostics;
        private readonly Dictionary<string, YamlNode> _anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);

        private YamlTreeReader(string text, string filePath, List<PlanDiagnostic> diagnostics)
        {
            _parser = new Parser(new StringReader(text));
            _filePath = filePath;
            _diagnostics = diagnostics;
        }

        /// <summary>Returns the first document's root node, or null when the text is empty or not valid YAML.</summary>
        public static YamlNode? Read(string text, string filePath, List<PlanDiagnostic> diagnostics)
        {
            var reader = new YamlTreeReader(text, filePath, diagnostics);
            try
            {
                return reader.ReadStream();
            }
            catch (YamlException ex)
            {
                diagnostics.Add(PlanDiagnostic.Create(RipeDiagnostics.YamlSyntax, filePath, ToSpan(ex.Start, ex.End), Clean(ex.Message)));
                return null;
            }
            catch (InvalidOperationException ex)
            {
                // YamlDotNet's scanner throws this (instead of YamlException) on some malformed input.
                var at = reader._parser.Current?.End ?? Mark.Empty;
                diagnostics.Add(PlanDiagnostic.Create(RipeDiagnostics.YamlSyntax, filePath, ToSpan(at, at), "malformed YAML after this point (" + ex.Message + ")"));
                return null;
            }
        }

        internal static SourceSpan ToSpan(Mark start, Mark end) =>
            new SourceSpan(
                checked((int)start.Index),
                checked((int)Math.Max(start.Index, end.Index)),
                (int)Math.Max(0, start.Line - 1),
                (int)Math.Max(0, start.Column - 1),
                (int)Math.Max(0, end.Line - 1),
                (int)Math.Max(0, end.Column - 1));

        private static string Clean(string message)
        {
            // YamlDotNet prefixes messages with "(Line: x, Col: y, Idx: z) - (…): "; the location is already in the diagnostic.
            int marker = message.IndexOf("): ", StringComparison.Ordinal);
            return marker >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message.Substring(marker + 3) : message;
        }

        private YamlNode? ReadStream()
        {
            _parser.Consume<StreamStart>();
            if (_parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            _parser.Consume<DocumentStart>();
            YamlNode root = ReadNode();
            _parser.Consume<DocumentEnd>();
            if (_parser.Accept<DocumentStart>(out var extra))
            {
                _diagnostics.Add(PlanDiagnostic.Create(RipeDiagnostics.YamlSyntax, _filePath, ToSpan(extra.Start, extra.End),
                    "the file holds more than one YAML document; a tracking plan is one document"));
            }

            return root;
        }

        private YamlNode ReadNode()
        {
            ParsingEvent current = _parser.Current ?? throw new YamlException("Unexpected end of the YAML stream.");
            switch (current)
            {
                case AnchorAlias alias:
                    _parser.MoveNext();
                    if (_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        return target;
                    }

                    throw new YamlException(alias.Start, alias.End, $"Alias '*{alias.Value.Value}' refers to no anchor defined before it.");

                case Scalar scalar:
                    _parser.MoveNext();
                    var scalarNode = new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, ToSpan(scalar.Start, scalar.End));
                    Remember(scalar.Anchor, scalarNode);
                    return scalarNode;

                case SequenceStart sequenceStart:
                    _parser.MoveNext();
                    var sequence = new YamlSequence(ToSpan(sequenceStart.Start, sequenceStart.End));
                    Remember(sequenceStart.Anchor, sequence);
                    while (!_parser.TryConsume<SequenceEnd>(out _))
                    {
                        sequence.Items.Add(ReadNode());
                    }

                    return sequence;

                case MappingStart mappingStart:
                    _parser.MoveNext();
                    var mapping = new YamlMapping(ToSpan(mappingStart.Start, mappingStart.End));
                    Remember(mappingStart.Anchor, mapping);
                    while (!_parser.TryConsume<MappingEnd>(out _))
                    {
                        YamlNode key = ReadNode();
                        YamlNode value = ReadNode();
                        if (key is YamlScalar scalarKey)
                        {
                            mapping.Entries.Add(new KeyValuePair<YamlScalar, YamlNode>(scalarKey, value));
                        }
                        else
                        {
                            _diagnostics.Add(PlanDiagnostic.Create(RipeDiagnostics.WrongNodeKind, _filePath, key.Span, "mapping key", "a plain name, not " + key.ShapeName));
                        }
                    }

                    return mapping;

                default:
                    throw new YamlException(current.Start, current.End, $"Unexpected YAML element {current.GetType().Name}.");
            }
        }

        private void Remember(AnchorName anchor, YamlNode node)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = node;
            }
        }
    }
}
