using System.Collections.Generic;

namespace RipeTyped.Cli.Import
{
    /// <summary>
    /// One variant of an event (the plan's <c>variants</c>): a C# suffix, the property value that selects it, and the
    /// properties it adds to the event's common ones.
    /// </summary>
    internal sealed class ImportedVariant
    {
        public ImportedVariant(string csharpName) => CSharpName = csharpName;

        /// <summary>The C# suffix: <c>TrackSignedUpWithEmail</c>.</summary>
        public string CSharpName { get; }

        public string? Description { get; set; }

        /// <summary>The event property whose value selects the variant (<c>when</c>); null when nothing selects it.</summary>
        public string? WhenProperty { get; set; }

        /// <summary>The selecting values, as the source wrote them (strings, numbers, booleans).</summary>
        public List<object> WhenValues { get; } = new List<object>();

        public List<ImportedProperty> Properties { get; } = new List<ImportedProperty>();
    }
}
