using System;
using System.Collections.Generic;

namespace RipeTyped.Generator.Naming
{
    internal enum WordOrderStyle
    {
        Any,
        VerbObject,
        ObjectVerb,
    }

    /// <summary>Where an event name puts its past-tense verb (plan option eventWordOrder).</summary>
    internal static class WordOrder
    {
        public const string Names = "verb-object, object-verb, any";

        // Common irregular past tenses; regular ones end in "ed".
        private static readonly HashSet<string> IrregularPast = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "began", "bought", "broke", "brought", "built", "came", "chose", "did", "drew", "fed", "felt", "found", "forgot", "gave",
            "got", "had", "heard", "held", "hid", "kept", "knew", "left", "lent", "let", "lost", "made", "met", "paid", "put", "quit",
            "ran", "read", "reset", "rode", "said", "sat", "saw", "sent", "set", "shut", "sold", "spent", "split", "spoke", "stole",
            "swam", "took", "taught", "told", "thought", "threw", "undid", "understood", "upset", "woke", "won", "wrote", "withdrew",
        };

        public static bool TryParse(string text, out WordOrderStyle style)
        {
            switch (text)
            {
                case "verb-object": style = WordOrderStyle.VerbObject; return true;
                case "object-verb": style = WordOrderStyle.ObjectVerb; return true;
                case "any": style = WordOrderStyle.Any; return true;
                default: style = WordOrderStyle.Any; return false;
            }
        }

        public static bool IsPastTense(string word) =>
            IrregularPast.Contains(word) || (word.Length > 3 && word.EndsWith("ed", StringComparison.OrdinalIgnoreCase));
    }
}
