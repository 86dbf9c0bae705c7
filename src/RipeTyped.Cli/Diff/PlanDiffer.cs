using System;
using System.Collections.Generic;
using System.Linq;

namespace RipeTyped.Cli.Diff
{
    /// <summary>One difference between two plan versions and whether it breaks callers or the data.</summary>
    /// <param name="Section">Events, Pages, Identify traits or Group traits.</param>
    /// <param name="Subject">The event/page name, with the property path when the change is to a property.</param>
    /// <param name="Owner">The owner of the call it touches (head's, else base's), whose review it needs; null when none is named.</param>
    /// <param name="DescriptionOnly">Only a description changed: documentation, not the data (a patch bump).</param>
    internal sealed record PlanChange(string Section, string Subject, string Description, bool Breaking, string? Owner = null, bool DescriptionOnly = false)
    {
        /// <summary>The event, page or trait set the change is in (the subject without the property path).</summary>
        public string Call => Subject.Split(new[] { " › " }, 2, StringSplitOptions.None)[0];
    }

    /// <summary>
    /// The semantic diff of two plans. Breaking means existing tracking code stops compiling, or the data Ripe receives
    /// changes meaning (a removed or renamed event or property, a narrower type or range, a removed enum value).
    /// </summary>
    internal static class PlanDiffer
    {
        public static List<PlanChange> Compare(IReadOnlyList<CallShape> baseCalls, IReadOnlyList<CallShape> headCalls)
        {
            var changes = new List<PlanChange>();
            var before = baseCalls.ToDictionary(c => (c.Section, c.Name));
            var after = headCalls.ToDictionary(c => (c.Section, c.Name));
            var removed = baseCalls.Where(c => !after.ContainsKey((c.Section, c.Name))).ToList();
            var added = headCalls.Where(c => !before.ContainsKey((c.Section, c.Name))).ToList();

            // A removed and an added call with the same properties (and at least one) is most likely a rename.
            foreach (var old in removed.ToList())
            {
                var renamed = added.Where(a => a.Section == old.Section && a.Properties.Count > 0 && a.Signature == old.Signature).ToList();
                if (renamed.Count == 1)
                {
                    changes.Add(new PlanChange(old.Section, old.Name, $"renamed to `{renamed[0].Name}` (same properties): Ripe sees a new name and the generated method changes", true));
                    removed.Remove(old);
                    added.Remove(renamed[0]);
                    CompareCalls(old, renamed[0], changes);
                }
            }

            changes.AddRange(removed.Select(c => new PlanChange(c.Section, c.Name, "removed: code that tracks it no longer compiles", true)));
            changes.AddRange(added.Select(c => new PlanChange(c.Section, c.Name, $"added ({Count(c.Properties.Count, "property", "properties")})", false)));
            foreach (var call in baseCalls)
            {
                if (after.TryGetValue((call.Section, call.Name), out var head))
                {
                    CompareCalls(call, head, changes);
                }
            }

            // Each change is for its call's owner to review: the head's owner, else (removed calls) the base's.
            var owners = new Dictionary<(string, string), string>();
            foreach (var call in baseCalls.Concat(headCalls).Where(c => c.Owner != null))
            {
                owners[(call.Section, call.Name)] = call.Owner!;
            }

            return changes
                .Select(c => owners.TryGetValue((c.Section, c.Call), out string? owner) ? c with { Owner = owner } : c)
                .OrderByDescending(c => c.Breaking)
                .ThenBy(c => SectionOrder(c.Section))
                .ThenBy(c => c.Subject, StringComparer.Ordinal)
                .ToList();
        }

        private static void CompareCalls(CallShape old, CallShape head, List<PlanChange> changes)
        {
            string name = head.Name;
            if (!old.Deprecated && head.Deprecated)
            {
                changes.Add(new PlanChange(head.Section, name, "deprecated" + (head.DeprecationReason is null ? "" : $": {head.DeprecationReason}"), false));
            }
            else if (old.Deprecated && !head.Deprecated)
            {
                changes.Add(new PlanChange(head.Section, name, "no longer deprecated", false));
            }

            if (!string.Equals(old.Description, head.Description, StringComparison.Ordinal))
            {
                changes.Add(new PlanChange(head.Section, name, "description changed", false, DescriptionOnly: true));
            }

            if (old.Open && !head.Open)
            {
                changes.Add(new PlanChange(head.Section, name, "no longer accepts unlisted properties (additionalProperties): code that sends them stops compiling", true));
            }
            else if (!old.Open && head.Open)
            {
                changes.Add(new PlanChange(head.Section, name, "now accepts unlisted properties too (additionalProperties)", false));
            }

            ComparePropertySets(head.Section, name, old.Properties, head.Properties, changes);
            CompareVariants(old, head, changes);
        }

        /// <summary>
        /// An event's variants, by <c>csharpName</c>: a removed one is breaking (its method is gone), an added one is not; a
        /// changed <c>when</c> is breaking (the variant selects other data, and its class changes); their own properties are
        /// compared as an event's are (the common ones are the event's changes).
        /// </summary>
        private static void CompareVariants(CallShape old, CallShape head, List<PlanChange> changes)
        {
            var before = (old.Variants ?? Array.Empty<VariantShape>()).ToDictionary(v => v.Name, StringComparer.Ordinal);
            var after = (head.Variants ?? Array.Empty<VariantShape>()).ToDictionary(v => v.Name, StringComparer.Ordinal);
            foreach (var variant in before.Values.Where(v => !after.ContainsKey(v.Name)))
            {
                changes.Add(new PlanChange(head.Section, VariantSubject(head.Name, variant.Name), "variant removed: code that calls its method no longer compiles", true));
            }

            foreach (var variant in after.Values)
            {
                string subject = VariantSubject(head.Name, variant.Name);
                if (!before.TryGetValue(variant.Name, out var was))
                {
                    changes.Add(new PlanChange(head.Section, subject, $"variant added ({Count(variant.Properties.Count, "property", "properties")} of its own{(variant.When is null ? "" : ", when " + variant.When)})", false));
                    continue;
                }

                if (!string.Equals(was.When, variant.When, StringComparison.Ordinal))
                {
                    changes.Add(new PlanChange(head.Section, subject, $"'when' changed from {was.When ?? "none"} to {variant.When ?? "none"}: the variant selects other data and its class changes", true));
                }

                if (!string.Equals(was.Description, variant.Description, StringComparison.Ordinal))
                {
                    changes.Add(new PlanChange(head.Section, subject, "description changed", false, DescriptionOnly: true));
                }

                ComparePropertySets(head.Section, subject, was.Properties, variant.Properties, changes);
            }
        }

        private static string VariantSubject(string call, string variant) => $"{call} › variant {variant}";

        /// <summary>The properties of a call (or variant) named <paramref name="name"/>: renamed, removed, added, changed.</summary>
        private static void ComparePropertySets(string section, string name, IReadOnlyDictionary<string, PropertyShape> old, IReadOnlyDictionary<string, PropertyShape> head, List<PlanChange> changes)
        {
            var removed = old.Keys.Where(k => !head.ContainsKey(k)).ToList();
            var added = head.Keys.Where(k => !old.ContainsKey(k)).ToList();
            foreach (string path in removed.ToList())
            {
                var candidates = added.Where(a => Parent(a) == Parent(path) && head[a].Type == old[path].Type).ToList();
                if (candidates.Count == 1 && removed.Count(r => Parent(r) == Parent(path) && old[r].Type == old[path].Type) == 1)
                {
                    changes.Add(new PlanChange(section, $"{name} › {path}", $"renamed to `{candidates[0]}`", true));
                    removed.Remove(path);
                    added.Remove(candidates[0]);
                    CompareProperties(section, $"{name} › {candidates[0]}", old[path], head[candidates[0]], changes);
                }
            }

            foreach (string path in removed.Where(p => !removed.Contains(Parent(p))))
            {
                changes.Add(new PlanChange(section, $"{name} › {path}", "property removed", true));
            }

            foreach (string path in added.Where(p => !added.Contains(Parent(p))))
            {
                var property = head[path];
                changes.Add(property.Required
                    ? new PlanChange(section, $"{name} › {path}", $"required property added ({property.Type}): existing calls must set it", true)
                    : new PlanChange(section, $"{name} › {path}", $"optional property added ({property.Type})", false));
            }

            foreach (var pair in old)
            {
                if (head.TryGetValue(pair.Key, out var now))
                {
                    CompareProperties(section, $"{name} › {pair.Key}", pair.Value, now, changes);
                }
            }
        }

        private static void CompareProperties(string section, string subject, PropertyShape old, PropertyShape now, List<PlanChange> changes)
        {
            if (old.Type != now.Type)
            {
                changes.Add(new PlanChange(section, subject, $"type changed from {old.Type} to {now.Type}", true));
                return;
            }

            if (old.Required != now.Required)
            {
                changes.Add(now.Required
                    ? new PlanChange(section, subject, "now required: existing calls must set it", true)
                    : new PlanChange(section, subject, "now optional", false));
            }

            if (old.Nullable != now.Nullable)
            {
                changes.Add(now.Nullable
                    ? new PlanChange(section, subject, "now nullable", false)
                    : new PlanChange(section, subject, "no longer nullable", true));
            }

            var lostValues = old.EnumValues.Except(now.EnumValues, StringComparer.Ordinal).ToList();
            var newValues = now.EnumValues.Except(old.EnumValues, StringComparer.Ordinal).ToList();
            if (lostValues.Count > 0)
            {
                changes.Add(new PlanChange(section, subject, (lostValues.Count == 1 ? "enum value removed: " : "enum values removed: ") + Quote(lostValues), true));
            }

            if (newValues.Count > 0)
            {
                changes.Add(new PlanChange(section, subject, (newValues.Count == 1 ? "enum value added: " : "enum values added: ") + Quote(newValues), false));
            }

            if (!string.Equals(old.Pattern, now.Pattern, StringComparison.Ordinal))
            {
                changes.Add(new PlanChange(section, subject, $"pattern changed from `{old.Pattern ?? "none"}` to `{now.Pattern ?? "none"}`", now.Pattern != null));
            }

            Bound(section, subject, "minimum", old.Minimum, now.Minimum, tighterWhenHigher: true, changes);
            Bound(section, subject, "maximum", old.Maximum, now.Maximum, tighterWhenHigher: false, changes);
            Bound(section, subject, "minLength", old.MinLength, now.MinLength, tighterWhenHigher: true, changes);
            Bound(section, subject, "maxLength", old.MaxLength, now.MaxLength, tighterWhenHigher: false, changes);
            if (!string.Equals(old.Description, now.Description, StringComparison.Ordinal))
            {
                changes.Add(new PlanChange(section, subject, "description changed", false, DescriptionOnly: true));
            }

            // Examples document the data, as a description does: a patch-level change.
            var oldExamples = old.Examples ?? Array.Empty<string>();
            var newExamples = now.Examples ?? Array.Empty<string>();
            if (!oldExamples.SequenceEqual(newExamples, StringComparer.Ordinal))
            {
                changes.Add(new PlanChange(section, subject, $"examples changed from {Examples(oldExamples)} to {Examples(newExamples)}", false, DescriptionOnly: true));
            }
        }

        private static string Examples(IReadOnlyList<string> examples) =>
            examples.Count == 0 ? "none" : string.Join(", ", examples.Select(e => "`" + e.Replace("`", "'") + "`"));

        private static void Bound(string section, string subject, string name, double? old, double? now, bool tighterWhenHigher, List<PlanChange> changes)
        {
            if (old == now)
            {
                return;
            }

            bool tighter = old is null || (now != null && (tighterWhenHigher ? now > old : now < old));
            changes.Add(new PlanChange(section, subject, $"{name} changed from {PlanShape.Describe(old)} to {PlanShape.Describe(now)}", tighter));
        }

        private static string Parent(string path)
        {
            int dot = path.LastIndexOf('.');
            string parent = dot < 0 ? "" : path.Substring(0, dot);
            return parent.EndsWith("[]", StringComparison.Ordinal) ? parent.Substring(0, parent.Length - 2) : parent;
        }

        private static string Quote(IEnumerable<string> values) => string.Join(", ", values.Select(v => "`" + v + "`"));

        private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

        private static int SectionOrder(string section) => section switch
        {
            PlanShape.Events => 0,
            PlanShape.Pages => 1,
            PlanShape.Identify => 2,
            _ => 3,
        };
    }
}
