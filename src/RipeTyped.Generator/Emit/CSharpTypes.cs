using RipeTyped.Generator.Spec;

namespace RipeTyped.Generator.Emit
{
    /// <summary>The C# type written for each plan type.</summary>
    internal static class CSharpTypes
    {
        /// <param name="owner">The class declaring the member, or null: a type nested in it is written by its short name (<see cref="GeneratedTypeRef.NameIn"/>).</param>
        public static string Of(ValueSpec value, GeneratedTypeRef? owner = null)
        {
            string type = value.Kind switch
            {
                ValueKind.String => "string",
                ValueKind.Integer => "long",
                ValueKind.Number => "double",
                ValueKind.Boolean => "bool",
                ValueKind.DateTime => "global::System.DateTimeOffset",
                ValueKind.Array => "global::System.Collections.Generic.IReadOnlyList<" + Of(value.Item!, owner) + ">",
                ValueKind.Any => "object",
                _ => value.Type!.NameIn(owner),
            };

            return value.Nullable ? type + "?" : type;
        }

        public static string Describe(ValueSpec value) => value.Kind switch
        {
            ValueKind.DateTime => "date-time",
            ValueKind.Array => "array of " + Describe(value.Item!),
            _ => value.Kind.ToString().ToLowerInvariant(),
        };
    }
}
