using System.Collections.Generic;
using RipeTyped.Generator.Common;
using RipeTyped.Generator.Naming;

namespace RipeTyped.Generator.Spec
{
    /// <summary>
    /// Gives each distinct pattern a type checks its own field (<c>s_pattern0</c>, <c>s_pattern1</c>... in member order,
    /// a value before its items) and tells every value which one it uses: the emitter declares and names them as given.
    /// Run on a type's final members: a variant re-declares its event's members, so they are numbered again there.
    /// </summary>
    internal static class PatternFields
    {
        public static ObjectTypeSpec Assign(ObjectTypeSpec type)
        {
            var fields = new List<PatternFieldSpec>();
            MemberSpec[]? changed = null;
            for (int i = 0; i < type.Members.Count; i++)
            {
                // A fixed member is neither declared nor checked: it has no field.
                var member = type.Members[i];
                var value = member.Fixed is null ? Assign(member.Value, fields) : Strip(member.Value);
                if (!ReferenceEquals(value, member.Value))
                {
                    changed ??= System.Linq.Enumerable.ToArray(type.Members.Items);
                    changed[i] = member with { Value = value };
                }
            }

            // Most members have no pattern: they, and a type without any, come through as built (no copy per member).
            return changed is null && fields.Count == 0 && type.Patterns.IsEmpty
                ? type
                : type with { Members = changed is null ? type.Members : new EquatableArray<MemberSpec>(System.Collections.Immutable.ImmutableArray.Create(changed)), Patterns = fields.ToEquatableArray() };
        }

        private static ValueSpec Assign(ValueSpec value, List<PatternFieldSpec> fields)
        {
            string? field = null;
            if (value.Pattern != null)
            {
                field = fields.Find(f => f.Pattern == value.Pattern)?.Field;
                if (field is null)
                {
                    field = GeneratedNames.PatternField(fields.Count);
                    fields.Add(new PatternFieldSpec(field, value.Pattern));
                }
            }

            var item = value.Item is null ? null : Assign(value.Item, fields);
            return field == value.PatternField && ReferenceEquals(item, value.Item) ? value : value with { PatternField = field, Item = item };
        }

        private static ValueSpec Strip(ValueSpec value)
        {
            var item = value.Item is null ? null : Strip(value.Item);
            return value.PatternField is null && ReferenceEquals(item, value.Item) ? value : value with { PatternField = null, Item = item };
        }
    }
}
