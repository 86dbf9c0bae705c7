using System.Linq;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Generator.Emit
{
    /// <summary>Writes a C# enum for a plan enum; the exact plan strings live in the wire-values class.</summary>
    internal static class EnumEmitter
    {
        public static void Emit(CodeWriter w, EnumTypeSpec type, bool topLevel)
        {
            if (topLevel)
            {
                if (!w.TrySummary(type.Description))
                {
                    w.Summary($"Values of the <c>{Escaping.XmlText(type.Name)}</c> enum of the tracking plan.");
                }

                w.Line(GeneratedCode.Attribute);
            }
            else
            {
                // Nested in the class of the property that uses it, whose doc says what it is: documented where the plan describes it.
                w.SummaryIfAny(type.Description);
            }

            // Values in plan order, numbered from 0: the wire-values class maps them by position. The member names say what is
            // sent; ToWireValue() gives the exact string.
            w.Line($"public enum {type.Name} {{ {string.Join(", ", type.Members.Select(m => m.Name))} }}");
        }
    }
}
