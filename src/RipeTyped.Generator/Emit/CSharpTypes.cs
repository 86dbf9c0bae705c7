using RipeTyped.Generator.Spec;

namespace RipeTyped.Generator.Emit
{
    /// <summary>The C# type written for each plan type.</summary>
    internal static class CSharpTypes
    {
        /// <param name="owner">
        /// The <c>global::</c> name of the class declaring the member, or null. A type nested in it is written by its short
        /// name: inside the class that name can only mean that type (nested type names are chosen apart from member names).
        /// </param>
        public static string Of(ValueSpec value, string? owner = null)
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
                _ => owner != null && value.TypeName!.Length > owner.Length + 1 && value.TypeName.StartsWith(owner + ".", System.StringComparison.Ordinal) &&
                     value.TypeName.IndexOf('.', owner.Length + 1) < 0
                    ? value.TypeName.Substring(owner.Length + 1)
                    : value.TypeName!,
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
