using System.Collections.Generic;
using System.Linq;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Cli.Diff
{
    /// <summary>
    /// Generated C# names that change between two plan versions although the wire name stays (a colliding name added
    /// above, a <c>csharpName</c> edited): code that calls the old name stops compiling, so each is a breaking change.
    /// </summary>
    internal static class CSharpNameChanges
    {
        public static IEnumerable<PlanChange> Compare(GenerationSpec before, GenerationSpec after)
        {
            var beforeTypes = Types(before);
            var afterTypes = Types(after);
            foreach (var (section, subject, old, head) in Pairs(PlanShape.Events, before.Events, after.Events)
                .Concat(Pairs(PlanShape.Pages, before.Pages, after.Pages))
                .Append((PlanShape.Identify, "identify", before.Identify, after.Identify))
                .Append((PlanShape.Group, "group", before.Group, after.Group)))
            {
                if (old.MethodName != head.MethodName)
                {
                    yield return new PlanChange(section, subject, $"C# method renamed from `{old.MethodName}` to `{head.MethodName}` (the wire name is unchanged): code that calls `{old.MethodName}` stops compiling; pin it with csharpName", true);
                }

                if (old.PayloadType != null && head.PayloadType != null &&
                    beforeTypes.TryGetValue(old.PayloadType, out var oldType) && afterTypes.TryGetValue(head.PayloadType, out var headType))
                {
                    var headMembers = headType.Members.ToDictionary(m => m.JsonName, System.StringComparer.Ordinal);
                    foreach (var member in oldType.Members)
                    {
                        if (headMembers.TryGetValue(member.JsonName, out var now) && now.Name != member.Name)
                        {
                            yield return new PlanChange(section, $"{subject} › {member.JsonName}", $"C# property renamed from `{member.Name}` to `{now.Name}` (the wire name is unchanged): code that sets `{member.Name}` stops compiling; pin it with csharpName", true);
                        }
                    }
                }
            }
        }

        /// <summary>The calls in both versions, and the variants of each event in both (by <c>csharpName</c>).</summary>
        private static IEnumerable<(string Section, string Subject, CallSpec Old, CallSpec Head)> Pairs(string section, IEnumerable<CallSpec> before, IEnumerable<CallSpec> after)
        {
            var head = after.ToDictionary(c => c.WireName, System.StringComparer.Ordinal);
            foreach (var old in before)
            {
                if (head.TryGetValue(old.WireName, out var now))
                {
                    yield return (section, old.WireName, old, now);
                    var variants = now.Variants.Items.ToDictionary(v => v.Variant!, System.StringComparer.Ordinal);
                    foreach (var variant in old.Variants)
                    {
                        if (variants.TryGetValue(variant.Variant!, out var nowVariant))
                        {
                            yield return (section, $"{old.WireName} › variant {variant.Variant}", variant, nowVariant);
                        }
                    }
                }
            }
        }

        private static Dictionary<GeneratedTypeRef, ObjectTypeSpec> Types(GenerationSpec spec) =>
            spec.Types.OfType<ObjectTypeSpec>().ToDictionary(t => t.Type);
    }
}
