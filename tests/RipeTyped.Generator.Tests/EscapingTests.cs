using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using RipeTyped.Generator.Emit;

namespace RipeTyped.Generator.Tests;

/// <summary>
/// The emitter writes plain names without asking Roslyn to format them (a string less per name): every text must still
/// come out as Roslyn's literal, and doc text as the escaping it replaces.
/// </summary>
public class EscapingTests
{
    /// <summary>Every single character up to U+00FF and some beyond, alone and inside a name; quotes, backslashes, emoji.</summary>
    private static IEnumerable<string> Texts()
    {
        var characters = Enumerable.Range(0, 0x100).Select(c => (char)c).Concat(new[] { '\u2028', '\u2029', '\uFEFF', '\uD83D', '漢' });
        foreach (char c in characters)
        {
            yield return c.ToString();
            yield return "Signed " + c + " Up";
        }

        yield return "";
        yield return "Clicked \"Book a Demo\" Button";
        yield return "path\\to";
        yield return "😀 emoji";
    }

    [Fact]
    public void A_literal_is_the_one_Roslyn_writes()
    {
        Assert.All(Texts(), text => Assert.Equal(SymbolDisplay.FormatLiteral(text, quote: true), Escaping.Literal(text)));
    }

    [Fact]
    public void A_UTF8_literal_is_Roslyn_literal_with_u8_unless_the_text_has_no_UTF8_form()
    {
        Assert.All(Texts(), Utf8LiteralOf);
    }

    [Fact]
    public void Doc_text_escapes_markup_and_breaks_no_line()
    {
        Assert.All(Texts(), DocTextOf);
    }

    private static void Utf8LiteralOf(string text)
    {
        bool loneSurrogate = text.Where((c, i) => char.IsSurrogate(c) && !char.IsSurrogatePair(text, char.IsHighSurrogate(c) ? i : i - 1)).Any();
        string expected = SymbolDisplay.FormatLiteral(text, quote: true) + (loneSurrogate ? "" : "u8");
        Assert.Equal(expected, Escaping.Utf8Literal(text));
    }

    private static void DocTextOf(string text)
    {
        string xml = Escaping.XmlText(text);
        Assert.All(xml, c => Assert.False(c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029' || (char.IsControl(c) && c != '\t'), $"U+{(int)c:X4} left in doc text"));

        // Read back as XML reads it, the text is the plan's with each line break or control character a space and each
        // half of a surrogate pair U+FFFD (XML has no such character).
        string read = System.Xml.Linq.XElement.Parse("<summary>" + xml + "</summary>", System.Xml.Linq.LoadOptions.PreserveWhitespace).Value;
        string expected = new(text.Select((c, i) =>
            c is '\u2028' or '\u2029' || (char.IsControl(c) && c != '\t') ? ' '
            : char.IsSurrogate(c) && !char.IsSurrogatePair(text, char.IsHighSurrogate(c) ? i : Math.Max(i - 1, 0)) ? '\uFFFD'
            : c).ToArray());
        Assert.Equal(expected, read);
        Assert.Equal(xml, Escaping.AppendXml(new System.Text.StringBuilder(), text).ToString());
    }
}
