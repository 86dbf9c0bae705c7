using System.Collections.Generic;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Generator.Emit
{
    /// <summary>Writes <c>ToWireValue</c> for every enum: the exact string the plan gives each value, with no reflection.</summary>
    internal static class WireValuesEmitter
    {
        public static string Emit(GenerationSpec spec, IReadOnlyList<EnumTypeSpec> enums)
        {
            var w = GeneratedCode.Start(spec.Namespace);
            w.Summary("The exact strings the tracking plan gives each enum value, as sent to Ripe.");
            w.Line(GeneratedCode.Attribute);
            w.Open($"public static class {spec.WireValuesClassName}");
            for (int i = 0; i < enums.Count; i++)
            {
                var type = enums[i];
                if (i > 0)
                {
                    w.Line();
                }

                w.Summary($"The plan's string for a <c>{Escaping.XmlText(type.Name)}</c> value.");
                w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">The value is not one the plan defines.</exception>");
                w.Open($"public static string ToWireValue(this {type.FullName} value) => value switch");
                foreach (var member in type.Members)
                {
                    w.Line($"{type.FullName}.{member.Name} => {Escaping.Literal(member.WireValue)},");
                }

                w.Line($"_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, {Escaping.Literal("Not a value of the tracking plan's enum " + type.Name + ".")}),");
                w.Close(";");
            }

            w.Close();
            w.Close();
            return w.ToString();
        }
    }
}
