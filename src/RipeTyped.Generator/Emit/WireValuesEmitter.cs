using System.Collections.Generic;
using System.Linq;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Generator.Emit
{
    /// <summary>Writes <c>ToWireValue</c> for every enum: the exact string the plan gives each value, with no reflection.</summary>
    internal static class WireValuesEmitter
    {
        public static string Emit(GenerationSpec spec, IReadOnlyList<EnumTypeSpec> enums)
        {
            var w = GeneratedCode.Start(spec.Namespace, GeneratedCode.HelpersAlias);
            w.Summary("The exact strings the tracking plan gives each enum value, as sent to Ripe: <c>value.ToWireValue()</c> (an undefined value throws <see cref=\"global::System.ArgumentOutOfRangeException\"/>).");
            w.Line(GeneratedCode.Attribute);
            w.Open($"public static class {spec.WireValuesClassName}");
            for (int i = 0; i < enums.Count; i++)
            {
                // The enum's values are numbered from 0 in plan order, so the strings are an array read by position.
                var type = enums[i];
                string values = "s_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                w.Line($"private static readonly string[] {values} = {{ {string.Join(", ", type.Members.Select(m => Escaping.Literal(m.WireValue)))} }};");
                w.Summary("The plan's string for this value.");
                w.Line($"public static string ToWireValue(this {type.FullName} value) => {GeneratedCode.Helpers}.Wire({values}, (int)value, {Escaping.Literal(type.Name)});");
            }

            w.Close();
            return w.ToString();
        }
    }
}
