using System;
using System.Collections.Generic;
using System.Linq;
using RipeTyped.Generator.Naming;

namespace RipeTyped.Generator.Naming
{
    /// <summary>
    /// What an event name says about the action it records: its verb, whether it only names a generic UI element
    /// ("Clicked Button"), and which properties discriminate the target. Shared by the plan rule (RIPE1001) and
    /// the C# rule (RIPE2002).
    /// </summary>
    internal static class EventNameShape
    {
        private static readonly HashSet<string> GenericNouns = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "button", "link", "tab", "item", "page", "form", "option", "element", "menu", "modal", "dialog", "card",
            "banner", "icon", "field", "input", "checkbox", "dropdown", "toggle", "popup", "section", "component", "widget", "cta",
        };

        private static readonly HashSet<string> Fillers = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "a", "an", "the", "on", "in" };

        // Normalized (lower-case, letters and digits only) names of properties that say which thing was acted on.
        private static readonly HashSet<string> DiscriminatorNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "button", "buttonname", "buttontext", "buttonlabel", "buttonid", "name", "label", "type", "target", "item", "itemname",
            "element", "elementname", "link", "linkname", "linktext", "cta", "ctaname", "ctatext", "option", "optionname",
            "tab", "tabname", "menu", "menuitem", "modal", "modalname", "form", "formname", "action", "kind", "which", "text",
        };

        public static bool IsDiscriminator(string propertyName) => DiscriminatorNames.Contains(Normalize(propertyName));

        /// <summary>Lower-case letters and digits only: "Signed  Up!" and "signed-up" both give "signedup".</summary>
        public static string Normalize(string name)
        {
            // Called for every property of a plan (near duplicates, reserved names): a loop, not a LINQ pipeline.
            var chars = new char[name.Length];
            int length = 0;
            foreach (char c in name)
            {
                if (char.IsLetterOrDigit(c))
                {
                    chars[length++] = char.ToLowerInvariant(c);
                }
            }

            return new string(chars, 0, length);
        }

        /// <summary>
        /// Checks one event; returns null when it looks flattened, else the reason and up to three proposed names.
        /// </summary>
        /// <param name="discriminators">Properties of the event: name, and the values it takes (enum values or constants seen in code).</param>
        public static FlatteningProblem? Check(string eventName, IEnumerable<(string Name, IReadOnlyList<string> Values)> discriminators, CaseStyle style)
        {
            var words = NamingConvention.SplitWords(eventName);
            if (words.Count < 2)
            {
                return null;
            }

            string verb = words[0];
            string noun = words[words.Count - 1];

            // Generic: every word after the verb is a UI noun or filler ("Clicked Button", "Opened the Menu").
            // Otherwise still one event for many things when it ends in such a noun and an enum says which.
            var rest = words.Skip(1).Where(w => !Fillers.Contains(w)).ToList();
            bool generic = rest.Count > 0 && rest.All(GenericNouns.Contains);
            if (!generic && !GenericNouns.Contains(noun))
            {
                // Most events: no generic noun, so the properties need not be looked at.
                return null;
            }

            var found = discriminators.Where(d => IsDiscriminator(d.Name)).ToList();
            var withValues = found.FirstOrDefault(d => d.Values.Count > 0);
            if (!generic && withValues.Name == null)
            {
                return null;
            }

            string reason = generic ? $"'{eventName}' names only a generic {noun.ToLowerInvariant()}" : $"'{eventName}' is one event for many {noun.ToLowerInvariant()}s";
            if (withValues.Name != null)
            {
                reason += $" and property '{withValues.Name}' says which one";
            }
            else if (found.Count > 0)
            {
                reason += $" and property '{found[0].Name}' says which one";
            }

            var styleForNames = style == CaseStyle.Any ? CaseStyle.Title : style;
            var proposals = withValues.Name != null
                ? withValues.Values.Take(3).Select(v => "'" + NamingConvention.Apply($"{verb} {v} {noun}", styleForNames) + "'").ToList()
                : new List<string> { "'" + NamingConvention.Apply($"{verb} Book a Demo {noun}", styleForNames) + "'" };
            return new FlatteningProblem(reason, string.Join(", ", proposals));
        }
    }

    internal sealed record FlatteningProblem(string Reason, string Proposals);
}
