using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace RipeTyped.Generator.Naming
{
    /// <summary>
    /// Flattens plan names into C# identifiers (documented in docs/naming.md):
    /// words are runs of letters and digits; each word keeps its inner casing and gets an upper-case first letter;
    /// a digit-to-digit word boundary keeps an underscore; a leading digit gets an underscore prefix;
    /// a name with no letters or digits becomes its code points (U1F680); a keyword is escaped with '@'.
    /// </summary>
    internal static class IdentifierNaming
    {
        public static string ToPascalCase(string name)
        {
            var words = SplitWords(name);
            var builder = new StringBuilder(name.Length + 1);
            foreach (string word in words)
            {
                if (builder.Length > 0 && char.IsDigit(builder[builder.Length - 1]) && char.IsDigit(word[0]))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToUpperInvariant(word[0]));
                builder.Append(word, 1, word.Length - 1);
            }

            if (builder.Length == 0)
            {
                return CodePointName(name);
            }

            if (char.IsDigit(builder[0]))
            {
                builder.Insert(0, '_');
            }

            string identifier = builder.ToString();
            return SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;
        }

        /// <summary>
        /// The fallback for a name whose flattened form is already taken (docs/naming.md, "Collisions"): the name as
        /// written, case kept, each character that cannot be in an identifier replaced by <c>_</c>, so that <c>site id</c>,
        /// <c>siteId</c> and <c>State</c>/<c>state</c> stay apart. Depends on the name alone, never on the other names.
        /// </summary>
        public static string Verbatim(string name)
        {
            var builder = new StringBuilder(name.Length + 1);
            bool hasWordChar = false;
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                bool word = !char.IsSurrogate(c) && IsWordChar(c, builder.Length > 0 && builder[builder.Length - 1] != '_');
                hasWordChar |= word && char.IsLetterOrDigit(c);
                builder.Append(word ? c : '_');
                if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
                {
                    i++; // one '_' per code point
                }
            }

            if (!hasWordChar)
            {
                return CodePointName(name);
            }

            if (char.IsDigit(builder[0]))
            {
                builder.Insert(0, '_');
            }

            string identifier = builder.ToString();
            return SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;
        }

        /// <summary>Splits a name into words: maximal runs of letters, digits and combining marks.</summary>
        public static List<string> SplitWords(string name)
        {
            var words = new List<string>();
            int start = -1;
            for (int i = 0; i <= name.Length; i++)
            {
                bool inWord = i < name.Length && IsWordChar(name[i], start >= 0);
                if (inWord && start < 0)
                {
                    start = i;
                }
                else if (!inWord && start >= 0)
                {
                    words.Add(name.Substring(start, i - start));
                    start = -1;
                }
            }

            return words;
        }

        public static bool IsValidIdentifier(string name) =>
            SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

        public static bool IsValidNamespace(string name)
        {
            foreach (string part in name.Split('.'))
            {
                if (!IsValidIdentifier(part))
                {
                    return false;
                }
            }

            return name.Length > 0;
        }

        private static bool IsWordChar(char c, bool insideWord)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }

            // Combining marks may continue a word (as in decomposed accents) but cannot start an identifier.
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            return insideWord && (category == UnicodeCategory.NonSpacingMark || category == UnicodeCategory.SpacingCombiningMark);
        }

        private static string CodePointName(string name)
        {
            var builder = new StringBuilder("U");
            for (int i = 0; i < name.Length; i++)
            {
                int codePoint = char.IsSurrogatePair(name, i) ? char.ConvertToUtf32(name[i], name[++i]) : name[i];
                if (builder.Length > 1)
                {
                    builder.Append('_');
                }

                builder.Append(codePoint.ToString("X4", CultureInfo.InvariantCulture));
            }

            return builder.Length == 1 ? "Empty" : builder.ToString();
        }
    }
}
