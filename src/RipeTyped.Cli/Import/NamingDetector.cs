using System.Collections.Generic;
using System.Linq;
using RipeTyped.Generator.Naming;

namespace RipeTyped.Cli.Import
{
    /// <summary>
    /// Finds the naming conventions an imported plan actually follows, so its <c>options</c> say so and the linter
    /// warns only about the names that break them. A convention is adopted when at least 90% of the names follow it;
    /// otherwise the option is <c>any</c>.
    /// </summary>
    internal static class NamingDetector
    {
        public const double Threshold = 0.9;

        private static readonly (CaseStyle Style, string Option)[] Cases =
        {
            (CaseStyle.Title, "title"), (CaseStyle.Sentence, "sentence"), (CaseStyle.Snake, "snake"),
            (CaseStyle.Camel, "camel"), (CaseStyle.Pascal, "pascal"), (CaseStyle.Kebab, "kebab"),
        };

        public static void Detect(ImportedPlan plan)
        {
            var events = plan.Events.Select(e => e.Name).ToList();
            plan.EventCase = CaseOf(events);
            plan.EventWordOrder = WordOrderOf(events);
            plan.PropertyCase = CaseOf(plan.AllCalls.SelectMany(c => Names(c.Properties)).ToList());
        }

        private static string CaseOf(IReadOnlyList<string> names)
        {
            if (names.Count == 0)
            {
                return "any";
            }

            // The first convention (in the order above) that enough names follow.
            foreach (var (style, option) in Cases)
            {
                if (names.Count(n => NamingConvention.Conforms(n, style)) >= Threshold * names.Count)
                {
                    return option;
                }
            }

            return "any";
        }

        private static string WordOrderOf(IReadOnlyList<string> names)
        {
            var words = names.Select(NamingConvention.SplitWords).Where(w => w.Count > 1).ToList();
            if (words.Count == 0)
            {
                return "any";
            }

            if (words.Count(w => WordOrder.IsPastTense(w[0])) >= Threshold * words.Count)
            {
                return "verb-object";
            }

            if (words.Count(w => WordOrder.IsPastTense(w[w.Count - 1])) >= Threshold * words.Count)
            {
                return "object-verb";
            }

            return "any";
        }

        private static IEnumerable<string> Names(IEnumerable<ImportedProperty> properties)
        {
            foreach (var property in properties)
            {
                yield return property.Name;
                foreach (string nested in Names(property.Properties.Concat(property.Items?.Properties ?? Enumerable.Empty<ImportedProperty>())))
                {
                    yield return nested;
                }
            }
        }
    }
}
