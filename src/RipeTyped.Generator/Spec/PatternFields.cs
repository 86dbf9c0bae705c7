using System.Collections.Generic;
using System.Linq;
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
            // A fixed member is neither declared nor checked: it has no field.
            var members = type.Members.Select(m => m with { Value = m.Fixed is null ? Assign(m.Value, fields) : Strip(m.Value) }).ToEquatableArray();
            return type with { Members = members, Patterns = fields.ToEquatableArray() };
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
            return value with { PatternField = field, Item = item };
        }

        private static ValueSpec Strip(ValueSpec value) => value with { PatternField = null, Item = value.Item is null ? null : Strip(value.Item) };
    }
}
