using System;
using System.Collections.Generic;
using System.Linq;

namespace RipeTyped.Generator.Naming
{
    internal enum CaseStyle
    {
        Any,
        Title,
        Sentence,
        Snake,
        Camel,
        Pascal,
        Kebab,
    }

    /// <summary>The casing conventions a plan can require of event and property names (plan options eventCase/propertyCase).</summary>
    internal static class NamingConvention
    {
        public const string Names = "title, sentence, snake, camel, pascal, kebab, any";

        // Title Case keeps these lower-case unless first ("Clicked Book a Demo Button").
        private static readonly HashSet<string> MinorWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "a", "an", "the", "and", "or", "nor", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "per", "via", "vs",
        };

        public static bool TryParse(string text, out CaseStyle style)
        {
            switch (text)
            {
                case "any": style = CaseStyle.Any; return true;
                case "title": style = CaseStyle.Title; return true;
                case "sentence": style = CaseStyle.Sentence; return true;
                case "snake": style = CaseStyle.Snake; return true;
                case "camel": style = CaseStyle.Camel; return true;
                case "pascal": style = CaseStyle.Pascal; return true;
                case "kebab": style = CaseStyle.Kebab; return true;
                default: style = CaseStyle.Any; return false;
            }
        }

        public static string Describe(CaseStyle style) => style switch
        {
            CaseStyle.Title => "Title Case",
            CaseStyle.Sentence => "Sentence case",
            CaseStyle.Snake => "snake_case",
            CaseStyle.Camel => "camelCase",
            CaseStyle.Pascal => "PascalCase",
            CaseStyle.Kebab => "kebab-case",
            _ => "any",
        };

        /// <summary>The name rewritten in <paramref name="style"/>; the name itself when it already conforms.</summary>
        public static string Apply(string name, CaseStyle style)
        {
            List<string> words = SplitWords(name);
            if (words.Count == 0 || style == CaseStyle.Any)
            {
                return name;
            }

            switch (style)
            {
                case CaseStyle.Title:
                    return string.Join(" ", words.Select((w, i) => i > 0 && MinorWords.Contains(w) ? w.ToLowerInvariant() : Capitalize(w)));
                case CaseStyle.Sentence:
                    return string.Join(" ", words.Select((w, i) => i == 0 ? Capitalize(w) : KeepAcronym(w)));
                case CaseStyle.Snake:
                    return string.Join("_", words.Select(w => w.ToLowerInvariant()));
                case CaseStyle.Kebab:
                    return string.Join("-", words.Select(w => w.ToLowerInvariant()));
                case CaseStyle.Camel:
                    return string.Concat(words.Select((w, i) => i == 0 ? w.ToLowerInvariant() : Capitalize(w.ToLowerInvariant())));
                case CaseStyle.Pascal:
                    return string.Concat(words.Select(w => Capitalize(w.ToLowerInvariant())));
                default:
                    return name;
            }
        }

        public static bool Conforms(string name, CaseStyle style)
        {
            if (style == CaseStyle.Title)
            {
                // Each word starts upper-case (digits and "Ada's" or "Sign-Up" are fine); minor words may go either way,
                // since "Logged In" and "Opted Out" use them as verb particles.
                var words = name.Split(' ');
                return words.Select((w, i) => w.Length > 0 && (!char.IsLower(w[0]) || (i > 0 && MinorWords.Contains(w)))).All(ok => ok);
            }

            return style == CaseStyle.Any || string.Equals(name, Apply(name, style), StringComparison.Ordinal);
        }

        /// <summary>Words of a name: split at spaces and punctuation, and at lower-to-upper case changes (camelCase).</summary>
        public static List<string> SplitWords(string name)
        {
            var words = new List<string>();
            foreach (string chunk in IdentifierNaming.SplitWords(name))
            {
                int start = 0;
                for (int i = 1; i < chunk.Length; i++)
                {
                    bool boundary = (char.IsLower(chunk[i - 1]) || char.IsDigit(chunk[i - 1])) && char.IsUpper(chunk[i]);
                    if (boundary)
                    {
                        words.Add(chunk.Substring(start, i - start));
                        start = i;
                    }
                }

                words.Add(chunk.Substring(start));
            }

            return words;
        }

        private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word.Substring(1);

        // "Clicked API key Button" keeps acronyms upper-case in sentence case.
        private static string KeepAcronym(string word) => word.Length > 1 && word.All(char.IsUpper) ? word : word.ToLowerInvariant();
    }
}
