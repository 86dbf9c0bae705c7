using RipeTyped.Generator.Spec;

namespace RipeTyped.Generator.Emit
{
    /// <summary>The XML-doc wording of generated types when the plan gives no description; plan text escaped here, once.</summary>
    internal static class DocText
    {
        public static string SummaryOf(ObjectTypeSpec type)
        {
            string subject = Escaping.XmlText(type.Subject);
            return type.Role switch
            {
                TypeRole.Definition => $"The shared <c>{subject}</c> object of the tracking plan.",
                TypeRole.EventProperties => $"Properties of the <c>{subject}</c> event.",
                TypeRole.PageProperties => $"Properties of the <c>{subject}</c> page.",
                TypeRole.UserTraits => "Traits of the identified user, from <c>identify.traits</c> in the tracking plan.",
                TypeRole.VariantProperties => $"Properties of the <c>{subject}</c> event's <c>{Escaping.XmlText(type.Variant ?? "")}</c> variant.",
                TypeRole.GroupTraits => "Traits of the group (company, workspace or account), from <c>group.traits</c> in the tracking plan.",
                _ => $"The value of <c>{subject}</c>.",
            };
        }
    }
}
