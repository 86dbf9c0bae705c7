using Microsoft.CodeAnalysis.Text;

namespace RipeTyped.Generator.Diagnostics
{
    /// <summary>
    /// A range of a plan file: character offsets plus zero-based line/column, as Roslyn locations want, and the file it is
    /// in (a plan may span several files; null for <see cref="None"/>, then the diagnostic names the plan's main file).
    /// </summary>
    internal readonly record struct SourceSpan(int Start, int End, int StartLine, int StartColumn, int EndLine, int EndColumn)
    {
        public string? File { get; init; }

        public static readonly SourceSpan None = new SourceSpan(0, 0, 0, 0, 0, 0);

        public TextSpan TextSpan => TextSpan.FromBounds(Start, End < Start ? Start : End);

        public LinePositionSpan LineSpan =>
            new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn));

        /// <summary>One-based line, as editors and build output show it.</summary>
        public int DisplayLine => StartLine + 1;

        /// <summary>One-based column, as editors and build output show it.</summary>
        public int DisplayColumn => StartColumn + 1;
    }
}
