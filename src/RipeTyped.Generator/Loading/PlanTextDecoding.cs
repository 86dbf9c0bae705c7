using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Plan;

namespace RipeTyped.Generator.Loading
{
    /// <summary>
    /// How a plan file's text reaches <see cref="PlanLoader"/>, strictly: a file that is not valid UTF-8 (or UTF-16 with a
    /// byte order mark) becomes a <see cref="PlanText"/> with <see cref="PlanText.InvalidBytes"/> set, reported as
    /// RIPE0021, instead of a text whose bad bytes silently became U+FFFD ("Café" → "Caf\uFFFD", TrackCafVisited).
    /// The CLI reads files as bytes (<see cref="FromBytes"/>): every bad byte is known. The compiler hands the generator and
    /// the analyzers text it already decoded (<see cref="FromSourceText"/>): see there for what can still be told apart.
    /// </summary>
    internal static class PlanTextDecoding
    {
        private static readonly Encoding StrictUtf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
        private static readonly Encoding StrictUtf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
        private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <summary>A file read as bytes (the CLI): UTF-8, or UTF-16 when a byte order mark says so. Never throws.</summary>
        public static PlanText FromBytes(string path, byte[] bytes)
        {
            if (bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF))
            {
                return FromUtf16(path, bytes, bigEndian: bytes[0] == 0xFE);
            }

            int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            string text = Utf8NoBom.GetString(bytes, start, bytes.Length - start); // replaces bad bytes with U+FFFD
            int bad = Utf8Validation.FirstInvalidByte(bytes, start);
            if (bad < 0)
            {
                return new PlanText(path, text);
            }

            // The bytes before the bad one are valid UTF-8, so they decode to exactly the text before its U+FFFD.
            int offset = Utf8NoBom.GetCharCount(bytes, start, bad - start);
            return new PlanText(path, text) { InvalidBytes = Invalid(path, "UTF-8", SourceText.From(text), offset) };
        }

        /// <summary>
        /// A text the compiler decoded (an AdditionalText). The compiler reads a file as strict UTF-8 (or as its byte order mark
        /// says); when that fails it decodes it again with a fallback: the system's ANSI code page (Windows-1252 on most Windows
        /// machines) or, where there is none (Linux, macOS), UTF-8 that replaces each bad byte sequence with U+FFFD. So:
        /// <list type="bullet">
        /// <item>A text decoded with a non-Unicode code page was not UTF-8 (or the project forces a code page): its bytes are
        /// recovered by encoding the text back, and the first byte that is not UTF-8 is reported exactly.</item>
        /// <item>A U+FFFD in a Unicode-decoded text is either a bad byte sequence the decoder replaced or a U+FFFD literally
        /// written in the plan (valid UTF-8: EF BF BD). The text's checksum, computed by the compiler over the file's own bytes,
        /// tells which: when encoding the text back gives the same checksum, every U+FFFD was written so. Otherwise the plan is
        /// reported at its first U+FFFD, which is the first bad byte unless a literal U+FFFD comes before it (the text alone
        /// cannot say which of several U+FFFD were bytes); a text without a checksum is reported the same way.</item>
        /// </list>
        /// </summary>
        public static PlanText FromSourceText(string path, SourceText text)
        {
            string content = text.ToString();
            Encoding? encoding = text.Encoding;
            if (encoding is null || IsUnicode(encoding))
            {
                int replaced = content.IndexOf('\uFFFD');
                if (replaced < 0 || ChecksumMatches(text, content, encoding ?? Utf8NoBom))
                {
                    return new PlanText(path, content);
                }

                string name = encoding is UnicodeEncoding ? "UTF-16" : "UTF-8";
                return new PlanText(path, content) { InvalidBytes = Invalid(path, name, text, replaced) };
            }

            byte[] bytes = encoding.GetBytes(content);
            int bad = Utf8Validation.FirstInvalidByte(bytes, 0);
            if (bad < 0)
            {
                return new PlanText(path, content);
            }

            int offset = encoding.GetCharCount(bytes, 0, bad);
            return new PlanText(path, content) { InvalidBytes = Invalid(path, "UTF-8", text, offset) };
        }

        private static PlanText FromUtf16(string path, byte[] bytes, bool bigEndian)
        {
            Encoding replacing = bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;
            string text = replacing.GetString(bytes, 2, bytes.Length - 2);
            try
            {
                (bigEndian ? StrictUtf16Be : StrictUtf16Le).GetCharCount(bytes, 2, bytes.Length - 2);
                return new PlanText(path, text);
            }
            catch (DecoderFallbackException)
            {
                // A lone surrogate or an odd trailing byte: reported at the first U+FFFD (see FromSourceText for the limit).
                int offset = Math.Max(0, text.IndexOf('\uFFFD'));
                return new PlanText(path, text) { InvalidBytes = Invalid(path, "UTF-16", SourceText.From(text), offset) };
            }
        }

        private static bool IsUnicode(Encoding encoding) => encoding is UTF8Encoding || encoding is UnicodeEncoding || encoding is UTF32Encoding;

        private static bool ChecksumMatches(SourceText text, string content, Encoding encoding)
        {
            ImmutableArray<byte> checksum = text.GetChecksum();
            if (checksum.IsDefaultOrEmpty)
            {
                return false;
            }

            using System.Security.Cryptography.HashAlgorithm? hash = text.ChecksumAlgorithm switch
            {
                SourceHashAlgorithm.Sha1 => System.Security.Cryptography.SHA1.Create(),
                SourceHashAlgorithm.Sha256 => System.Security.Cryptography.SHA256.Create(),
                _ => null,
            };
            if (hash is null)
            {
                return false;
            }

            // The file's bytes as written: the text encoded back, with or without the encoding's byte order mark.
            byte[] body = encoding.GetBytes(content);
            byte[] preamble = encoding.GetPreamble().Length > 0 ? encoding.GetPreamble() : new UTF8Encoding(true).GetPreamble();
            return hash.ComputeHash(body).SequenceEqual(checksum)
                || hash.ComputeHash(preamble.Concat(body).ToArray()).SequenceEqual(checksum);
        }

        /// <summary>The position of the first bad byte's U+FFFD; the message names no byte, as the compiler's text often cannot.</summary>
        private static InvalidPlanBytes Invalid(string path, string encoding, SourceText text, int offset)
        {
            var position = text.Lines.GetLinePosition(Math.Min(offset, text.Length));
            var span = new SourceSpan(offset, Math.Min(offset + 1, text.Length), position.Line, position.Character, position.Line, position.Character + 1) { File = path };
            return new InvalidPlanBytes(encoding, span);
        }
    }
}
