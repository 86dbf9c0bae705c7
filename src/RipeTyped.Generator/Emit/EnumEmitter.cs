using RipeTyped.Generator.Spec;

namespace RipeTyped.Generator.Emit
{
    /// <summary>Writes a C# enum for a plan enum; the exact plan strings live in the wire-values class.</summary>
    internal static class EnumEmitter
    {
        public static void Emit(CodeWriter w, EnumTypeSpec type, bool topLevel)
        {
            w.Summary(type.Description, $"Values of the <c>{Escaping.XmlText(type.Name)}</c> enum of the tracking plan.");
            if (topLevel)
            {
                w.Line(GeneratedCode.Attribute);
            }

            w.Open($"public enum {type.Name}");
            foreach (var member in type.Members)
            {
                w.Summary($"Sent as <c>{Escaping.XmlText(member.WireValue)}</c>.");
                w.Line(member.Name + ",");
            }

            w.Close();
        }
    }
}
