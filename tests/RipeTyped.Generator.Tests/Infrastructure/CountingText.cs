using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace RipeTyped.Generator.Tests.Infrastructure;

/// <summary>
/// A plan text that counts how often its whole text is read: a parse needs one such read, Roslyn's own checksums read
/// in chunks. Proves "one parse" from outside, without counters in the product. (Also linked into the IDE tests.)
/// </summary>
internal sealed class CountingText(string text) : SourceText
{
    private int _wholeTextReads;

    public int WholeTextReads => Volatile.Read(ref _wholeTextReads);

    public override char this[int position] => text[position];

    public override System.Text.Encoding? Encoding => System.Text.Encoding.UTF8;

    public override int Length => text.Length;

    public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count) => text.CopyTo(sourceIndex, destination, destinationIndex, count);

    public override string ToString(TextSpan span)
    {
        if (span.Start == 0 && span.Length == text.Length)
        {
            Interlocked.Increment(ref _wholeTextReads);
        }

        return text.Substring(span.Start, span.Length);
    }
}
