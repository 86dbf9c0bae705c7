using System.Collections.Generic;
using System.Linq;
using RipeTyped.Generator.Naming;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Generator.Emit
{
    /// <summary>Writes <c>ToWireValue</c> for every enum: the exact string the plan gives each value, with no reflection.</summary>
    internal static class WireValuesEmitter
    {
        public static string Emit(GenerationSpec spec, IReadOnlyList<EnumTypeSpec> enums)
        {
            var w = GeneratedCode.Start(spec.Namespace, GeneratedAliases.Helpers, GeneratedAliases.Namespace);
            w.Summary("The exact strings the tracking plan gives each enum value, as sent to Ripe: <c>value.ToWireValue()</c> gives the plan's string for the value (an undefined value throws <see cref=\"global::System.ArgumentOutOfRangeException\"/>).");
            w.Line(GeneratedCode.Attribute);
            w.Open($"public static class {spec.WireValuesClassName}");
            // One string table per distinct list of values: enums with the same values (an inline enum repeated across
            // events) share it.
            var tables = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var type in enums)
            {
                // The enum's values are numbered from 0 in plan order, so the strings are an array read by position.
                string values = string.Join(", ", type.Members.Select(m => Escaping.Literal(m.WireValue)));
                if (!tables.TryGetValue(values, out string? table))
                {
                    table = GeneratedNames.WireValuesField(tables.Count);
                    tables.Add(values, table);
                    w.Line($"private static readonly string[] {table} = {{ {values} }};");
                }

                w.Line($"public static string ToWireValue(this {GeneratedCode.Local(type.Type, spec.Namespace)} value) => {GeneratedAliases.Helpers}.Wire({table}, (int)value, {Escaping.Literal(type.Name)});");
            }

            w.Close();
            return w.Finish();
        }
    }
}
