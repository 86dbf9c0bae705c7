using System;
using System.Collections.Generic;
using RipeTyped.Generator.Diagnostics;

namespace RipeTyped.Generator.Plan
{
    internal enum YamlNodeKind : byte
    {
        Scalar,
        Mapping,
        Sequence,
    }

    /// <summary>
    /// A YAML document as YamlDotNet's parser events give it, with source positions, kept as one flat table instead of
    /// an object per node: a node is a row, a collection's children are a run of row numbers. The plan reader rents a
    /// table (<see cref="Rent"/>) and gives it back when the plan is read, so loading a plan allocates no tree: what is
    /// kept are the strings the parser made, copied into the plan's records. An alias is the row it names.
    /// </summary>
    internal sealed class YamlDocument
    {
        /// <summary>
        /// A 2,500-event plan's nodes (~14 MB of rows): a table that grew past this is dropped when given back, so a
        /// compiler server that once read a huge plan does not keep its memory.
        /// </summary>
        private const int MaxKeptRows = 1 << 18;

        // One table kept for the process (not one per thread: at most one table's memory outlives a read).
        private static YamlDocument? s_spare;

        private Row[] _rows;
        private int[] _children;
        private int _rowCount;
        private int _childCount;

        public YamlDocument(int expectedRows = 256)
        {
            _rows = new Row[Math.Max(expectedRows, 16)];
            _children = new int[Math.Max(expectedRows, 16)];
        }

        /// <summary>
        /// A plan of this many characters has about one node per 8 (measured on the synthetic and sample plans): the table
        /// is sized once. Not capped (the plan's text is, at 10 MB): only the table kept for later reads is.
        /// </summary>
        public static int ExpectedRows(int textLength) => (textLength / 8) + 16;

        /// <summary>An empty table for one read, with room for <paramref name="expectedRows"/>: the kept one if it is free.</summary>
        public static YamlDocument Rent(int expectedRows)
        {
            var document = System.Threading.Interlocked.Exchange(ref s_spare, null);
            if (document is null)
            {
                return new YamlDocument(expectedRows);
            }

            document.Reserve(expectedRows);
            return document;
        }

        /// <summary>Empties the table (its strings are not kept alive past the read) and keeps it for the next read.</summary>
        public void Return()
        {
            Array.Clear(_rows, 0, _rowCount);
            _rowCount = 0;
            _childCount = 0;
            if (_rows.Length <= MaxKeptRows && _children.Length <= 2 * MaxKeptRows)
            {
                System.Threading.Volatile.Write(ref s_spare, this);
            }
        }

        /// <summary>Grows an empty table once to the expected size, instead of doubling step by step while reading.</summary>
        private void Reserve(int rows)
        {
            if (_rows.Length < rows)
            {
                _rows = new Row[rows];
            }

            if (_children.Length < rows)
            {
                _children = new int[rows];
            }
        }

        internal int AddScalar(string value, bool isPlain, SourceSpan span)
        {
            int row = NewRow();
            _rows[row] = new Row(YamlNodeKind.Scalar, isPlain, value, span, 0, 0);
            return row;
        }

        /// <summary>A collection's row, written before its children are read (an alias inside it may not name it).</summary>
        internal int AddCollection(YamlNodeKind kind, SourceSpan span)
        {
            int row = NewRow();
            _rows[row] = new Row(kind, false, null, span, 0, 0);
            return row;
        }

        /// <summary>Sets a collection's children (row numbers; a mapping's are key, value, key, value...) once they are read.</summary>
        internal void SetChildren(int row, List<int> children)
        {
            if (_childCount + children.Count > _children.Length)
            {
                Array.Resize(ref _children, Math.Max(_children.Length * 2, _childCount + children.Count));
            }

            children.CopyTo(_children, _childCount);
            ref Row target = ref _rows[row];
            target = new Row(target.Kind, false, null, target.Span, _childCount, children.Count);
            _childCount += children.Count;
        }

        internal ref readonly Row this[int row] => ref _rows[row];

        internal int Child(int index) => _children[index];

        private int NewRow()
        {
            if (_rowCount == _rows.Length)
            {
                Array.Resize(ref _rows, _rows.Length * 2);
            }

            return _rowCount++;
        }

        internal readonly struct Row
        {
            public Row(YamlNodeKind kind, bool isPlain, string? value, SourceSpan span, int firstChild, int childCount)
            {
                Kind = kind;
                IsPlain = isPlain;
                Value = value;
                Span = span;
                FirstChild = firstChild;
                ChildCount = childCount;
            }

            public YamlNodeKind Kind { get; }

            public bool IsPlain { get; }

            public string? Value { get; }

            public SourceSpan Span { get; }

            public int FirstChild { get; }

            public int ChildCount { get; }
        }
    }

    /// <summary>A node of a <see cref="YamlDocument"/>: valid while the document is (a plan's read).</summary>
    internal readonly struct YamlNode
    {
        private readonly YamlDocument _document;
        private readonly int _row;

        public YamlNode(YamlDocument document, int row)
        {
            _document = document;
            _row = row;
        }

        internal YamlDocument Document => _document;

        internal ref readonly YamlDocument.Row Row => ref _document[_row];

        public SourceSpan Span => Row.Span;

        public YamlNodeKind Kind => Row.Kind;

        public string ShapeName => Kind switch
        {
            YamlNodeKind.Scalar => "a scalar",
            YamlNodeKind.Mapping => "a mapping",
            _ => "a sequence",
        };

        public bool IsScalar(out YamlScalar scalar)
        {
            scalar = new YamlScalar(this);
            return Kind == YamlNodeKind.Scalar;
        }

        /// <summary>An empty value (<c>key:</c>, <c>~</c>, <c>null</c>).</summary>
        public bool IsNull => IsScalar(out var scalar) && scalar.IsNull;

        public bool IsMapping(out YamlMapping mapping)
        {
            mapping = new YamlMapping(this);
            return Kind == YamlNodeKind.Mapping;
        }

        public bool IsSequence(out YamlSequence sequence)
        {
            sequence = new YamlSequence(this);
            return Kind == YamlNodeKind.Sequence;
        }
    }

    internal readonly struct YamlScalar
    {
        private readonly YamlNode _node;

        public YamlScalar(YamlNode node)
        {
            _node = node;
        }

        public string Value => _node.Row.Value!;

        /// <summary>Unquoted: only plain scalars are read as booleans, numbers or null.</summary>
        public bool IsPlain => _node.Row.IsPlain;

        public bool IsNull
        {
            get
            {
                ref readonly var row = ref _node.Row;
                string value = row.Value!;
                return row.IsPlain && (value.Length == 0 || value == "~" || value == "null" || value == "Null" || value == "NULL");
            }
        }

        public SourceSpan Span => _node.Span;

        public static implicit operator YamlNode(YamlScalar scalar) => scalar._node;
    }

    internal readonly struct YamlMapping
    {
        private readonly YamlNode _node;

        public YamlMapping(YamlNode node)
        {
            _node = node;
        }

        public SourceSpan Span => _node.Span;

        /// <summary>The entries in document order (only those with a scalar key: the reader reports the others).</summary>
        public YamlEntries Entries => new YamlEntries(_node.Document, _node.Row.FirstChild, _node.Row.ChildCount / 2);

        public static implicit operator YamlNode(YamlMapping mapping) => mapping._node;
    }

    internal readonly struct YamlSequence
    {
        private readonly YamlNode _node;

        public YamlSequence(YamlNode node)
        {
            _node = node;
        }

        public SourceSpan Span => _node.Span;

        public YamlItems Items => new YamlItems(_node.Document, _node.Row.FirstChild, _node.Row.ChildCount);

        public static implicit operator YamlNode(YamlSequence sequence) => sequence._node;
    }

    /// <summary>A mapping's entries: indexed and enumerated without allocating.</summary>
    internal readonly struct YamlEntries : IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>>
    {
        private readonly YamlDocument _document;
        private readonly int _first;

        public YamlEntries(YamlDocument document, int first, int count)
        {
            _document = document;
            _first = first;
            Count = count;
        }

        public int Count { get; }

        public KeyValuePair<YamlScalar, YamlNode> this[int index] =>
            new KeyValuePair<YamlScalar, YamlNode>(
                new YamlScalar(new YamlNode(_document, _document.Child(_first + (2 * index)))),
                new YamlNode(_document, _document.Child(_first + (2 * index) + 1)));

        public IndexEnumerator<YamlEntries, KeyValuePair<YamlScalar, YamlNode>> GetEnumerator() => new(this);

        IEnumerator<KeyValuePair<YamlScalar, YamlNode>> IEnumerable<KeyValuePair<YamlScalar, YamlNode>>.GetEnumerator() => GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>A sequence's items: indexed and enumerated without allocating.</summary>
    internal readonly struct YamlItems : IReadOnlyList<YamlNode>
    {
        private readonly YamlDocument _document;
        private readonly int _first;

        public YamlItems(YamlDocument document, int first, int count)
        {
            _document = document;
            _first = first;
            Count = count;
        }

        public int Count { get; }

        public YamlNode this[int index] => new YamlNode(_document, _document.Child(_first + index));

        public IndexEnumerator<YamlItems, YamlNode> GetEnumerator() => new(this);

        IEnumerator<YamlNode> IEnumerable<YamlNode>.GetEnumerator() => GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Enumerates a struct list by index: <c>foreach</c> over entries or items boxes nothing.</summary>
    internal struct IndexEnumerator<TList, T> : IEnumerator<T>
        where TList : struct, IReadOnlyList<T>
    {
        private readonly TList _list;
        private int _index;

        public IndexEnumerator(TList list)
        {
            _list = list;
            _index = -1;
        }

        public T Current => _list[_index];

        object? System.Collections.IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < _list.Count;

        public void Reset() => _index = -1;

        public void Dispose()
        {
        }
    }
}
