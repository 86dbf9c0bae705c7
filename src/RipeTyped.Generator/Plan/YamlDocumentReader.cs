using System;
using System.Collections.Generic;
using System.IO;
using RipeTyped.Generator.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RipeTyped.Generator.Plan
{
    /// <summary>
    /// Reads YAML text into a <see cref="YamlDocument"/> using YamlDotNet's low-level event parser, which is faster than
    /// its representation model and keeps the line and column of every node. Never throws: syntax errors become
    /// <see cref="RipeDiagnostics.YamlSyntax"/> diagnostics.
    /// </summary>
    internal sealed class YamlDocumentReader
    {
        /// <summary>Deeper than any plan needs; far below what would exhaust a compiler thread's stack.</summary>
        public const int MaxDepth = 64;

        private const long WeightCap = long.MaxValue / 4;

        private readonly IParser _parser;
        private readonly string _filePath;
        private readonly List<PlanDiagnostic> _diagnostics;
        private readonly YamlDocument _document;
        private readonly Dictionary<string, Anchored> _anchors = new Dictionary<string, Anchored>(StringComparer.Ordinal);

        // One list per nesting level to collect a collection's children in; the document then copies them into its table.
        private readonly List<List<int>> _scratch = new List<List<int>>();
        private int _depth;
        private long _nodes;

        private readonly string _text;

        // 1 when the text starts with a byte order mark, which YamlDotNet would read as part of the first key.
        private readonly int _bom;

        private YamlDocumentReader(string text, string filePath, List<PlanDiagnostic> diagnostics, YamlDocument document)
        {
            _document = document;
            var reader = new StringReader(text);
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                reader.Read();
                _bom = 1;
            }

            _parser = new Parser(reader);
            _text = text;
            _filePath = filePath;
            _diagnostics = diagnostics;
        }

        /// <summary>Returns the first document's root node, in a document of its own, or null when the text is empty or not valid YAML.</summary>
        public static YamlNode? Read(string text, string filePath, List<PlanDiagnostic> diagnostics) =>
            Read(text, filePath, diagnostics, new YamlDocument());

        /// <summary>Reads into <paramref name="document"/> (empty); the root node, or null when the text is empty or not valid YAML.</summary>
        public static YamlNode? Read(string text, string filePath, List<PlanDiagnostic> diagnostics, YamlDocument document)
        {
            var reader = new YamlDocumentReader(text, filePath, diagnostics, document);
            try
            {
                return reader.ReadStream();
            }
            catch (YamlException ex)
            {
                diagnostics.Add(reader.Locate(ex));
                return null;
            }
            catch (InvalidOperationException ex)
            {
                // YamlDotNet's scanner throws this (instead of YamlException) on some malformed input.
                var at = reader._parser.Current?.End ?? Mark.Empty;
                diagnostics.Add(PlanDiagnostic.Create(RipeDiagnostics.YamlSyntax, filePath, reader.ToSpan(at, at), "malformed YAML after this point (" + ex.Message + ")"));
                return null;
            }
        }

        internal SourceSpan ToSpan(Mark start, Mark end) =>
            new SourceSpan(
                checked((int)start.Index) + _bom,
                checked((int)Math.Max(start.Index, end.Index)) + _bom,
                (int)Math.Max(0, start.Line - 1),
                (int)Math.Max(0, start.Column - 1) + (start.Line <= 1 ? _bom : 0),
                (int)Math.Max(0, end.Line - 1),
                (int)Math.Max(0, end.Column - 1) + (end.Line <= 1 ? _bom : 0)) { File = _filePath };

        /// <summary>
        /// The diagnostic for a syntax error, at its position. Some of YamlDotNet's scanner errors carry no position (their
        /// marks are empty, which would put every one at line 1, column 1): "found invalid tab as indentation" is one. Those
        /// are placed after the last event that parsed, at the first tab-indented line from there if there is one.
        /// </summary>
        private PlanDiagnostic Locate(YamlException ex)
        {
            bool placed = ex.Start.Index > 0 || ex.End.Index > 0;
            if (placed)
            {
                // Only the lines around the error: a tab earlier in the file can be content (inside a `|` block), not indentation.
                return TabIndentation(Math.Max(0, ex.Start.Line - 2), ex.Start.Line)
                    ?? PlanDiagnostic.Create(RipeDiagnostics.YamlSyntax, _filePath, ToSpan(ex.Start, ex.End), Clean(ex.Message));
            }

            Mark last = _parser.Current?.End ?? Mark.Empty;
            return TabIndentation(Math.Max(0, last.Line - 1), long.MaxValue)
                ?? PlanDiagnostic.Create(RipeDiagnostics.YamlSyntax, _filePath, ToSpan(last, last), Clean(ex.Message));
        }

        /// <summary>
        /// YAML forbids tabs in indentation, and YamlDotNet reports the consequence a line early with a vague message.
        /// When a line from <paramref name="firstLine"/> (zero-based) up to just past <paramref name="errorLine"/> (one-based)
        /// is indented with a tab, that line is the error to show.
        /// </summary>
        private PlanDiagnostic? TabIndentation(long firstLine, long errorLine)
        {
            int line = 0;
            for (int i = 0; i < _text.Length && line <= errorLine; i++)
            {
                if (i == 0 || _text[i - 1] == '\n')
                {
                    int j = i;
                    while (j < _text.Length && (_text[j] == ' ' || _text[j] == '\t'))
                    {
                        j++;
                    }

                    int tab = _text.IndexOf('\t', i, j - i);
                    if (line >= firstLine && tab >= 0 && j < _text.Length && _text[j] != '\n' && _text[j] != '\r' && _text[j] != '#')
                    {
                        var span = new SourceSpan(tab, tab + 1, line, tab - i, line, tab - i + 1) { File = _filePath };
                        return PlanDiagnostic.Create(RipeDiagnostics.YamlSyntax, _filePath, span, "a tab indents this line; YAML indents with spaces only");
                    }

                    line++;
                }
            }

            return null;
        }

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
            var root = new YamlNode(_document, ReadNode(out long weight));

            // Aliases may repeat parts of the document, but not inflate it: a walk must stay near the document's size.
            long allowed = (4 * _nodes) + 10_000;
            if (weight > allowed)
            {
                _diagnostics.Add(PlanDiagnostic.Create(RipeDiagnostics.YamlSyntax, _filePath, root.Span,
                    string.Format(System.Globalization.CultureInfo.InvariantCulture, "YAML aliases expand this document to more than {0:N0} nodes (it has {1:N0}); use $ref definitions instead of repeating anchors", allowed, _nodes)));
                return null;
            }

            _parser.Consume<DocumentEnd>();
            if (_parser.Accept<DocumentStart>(out var extra))
            {
                _diagnostics.Add(PlanDiagnostic.Create(RipeDiagnostics.YamlSyntax, _filePath, ToSpan(extra.Start, extra.End),
                    "the file holds more than one YAML document; a tracking plan is one document"));
            }

            return root;
        }

        /// <param name="weight">
        /// How many nodes a walk of this subtree visits, aliases counted by what they point at (saturating). What a
        /// "billion laughs" document inflates: the reader refuses documents whose weight is far above their real size.
        /// </param>
        /// <returns>The node's row in the document.</returns>
        private int ReadNode(out long weight)
        {
            ParsingEvent current = _parser.Current ?? throw new YamlException("Unexpected end of the YAML stream.");
            if (_depth >= MaxDepth && (current is SequenceStart || current is MappingStart))
            {
                throw new YamlException(current.Start, current.End, $"The YAML is nested deeper than {MaxDepth} levels; a tracking plan never needs that.");
            }

            _nodes++;
            weight = 1;
            switch (current)
            {
                case AnchorAlias alias:
                    _parser.MoveNext();
                    if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw new YamlException(alias.Start, alias.End, $"Alias '*{alias.Value.Value}' refers to no anchor defined before it.");
                    }

                    if (target.Row < 0)
                    {
                        throw new YamlException(alias.Start, alias.End, $"Alias '*{alias.Value.Value}' refers to a node that contains it; the document would be infinite.");
                    }

                    weight = target.Weight;
                    return target.Row;

                case Scalar scalar:
                    _parser.MoveNext();
                    int scalarRow = _document.AddScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, ToSpan(scalar.Start, scalar.End));
                    Remember(scalar.Anchor)?.Complete(scalarRow, weight);
                    return scalarRow;

                case SequenceStart sequenceStart:
                {
                    _parser.MoveNext();
                    var anchored = Remember(sequenceStart.Anchor);
                    int row = _document.AddCollection(YamlNodeKind.Sequence, ToSpan(sequenceStart.Start, sequenceStart.End));
                    var items = Scratch();
                    _depth++;
                    while (!_parser.TryConsume<SequenceEnd>(out _))
                    {
                        items.Add(ReadNode(out long itemWeight));
                        weight = AddWeight(weight, itemWeight);
                    }

                    _depth--;
                    _document.SetChildren(row, items);
                    items.Clear();
                    anchored?.Complete(row, weight);
                    return row;
                }

                case MappingStart mappingStart:
                {
                    _parser.MoveNext();
                    var anchored = Remember(mappingStart.Anchor);
                    int row = _document.AddCollection(YamlNodeKind.Mapping, ToSpan(mappingStart.Start, mappingStart.End));
                    var entries = Scratch();
                    _depth++;
                    while (!_parser.TryConsume<MappingEnd>(out _))
                    {
                        int keyRow = ReadNode(out long keyWeight);
                        int value = ReadNode(out long valueWeight);
                        weight = AddWeight(weight, AddWeight(keyWeight, valueWeight));
                        var key = new YamlNode(_document, keyRow);
                        if (key.Kind == YamlNodeKind.Scalar)
                        {
                            entries.Add(keyRow);
                            entries.Add(value);
                        }
                        else
                        {
                            _diagnostics.Add(PlanDiagnostic.Create(RipeDiagnostics.WrongNodeKind, _filePath, key.Span, "mapping key", "a plain name, not " + key.ShapeName));
                        }
                    }

                    _depth--;
                    _document.SetChildren(row, entries);
                    entries.Clear();
                    anchored?.Complete(row, weight);
                    return row;
                }

                default:
                    throw new YamlException(current.Start, current.End, $"Unexpected YAML element {current.GetType().Name}.");
            }
        }

        /// <summary>The collecting list of the current nesting level (its children are read one level deeper).</summary>
        private List<int> Scratch()
        {
            while (_scratch.Count <= _depth)
            {
                _scratch.Add(new List<int>());
            }

            return _scratch[_depth];
        }

        private static long AddWeight(long a, long b) => a > WeightCap - b ? WeightCap : a + b;

        /// <summary>An anchored node, known from its start: an alias to it before it is complete would make a cycle.</summary>
        private Anchored? Remember(AnchorName anchor)
        {
            if (anchor.IsEmpty)
            {
                return null;
            }

            var anchored = new Anchored();
            _anchors[anchor.Value] = anchored;
            return anchored;
        }

        private sealed class Anchored
        {
            /// <summary>The node's row; -1 while the reader is still inside the node.</summary>
            public int Row { get; private set; } = -1;

            public long Weight { get; private set; }

            public void Complete(int row, long weight)
            {
                Row = row;
                Weight = weight;
            }
        }
    }
}
