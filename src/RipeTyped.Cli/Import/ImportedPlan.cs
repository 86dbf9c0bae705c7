using System.Collections.Generic;

namespace RipeTyped.Cli.Import
{
    /// <summary>A plan being imported, in RipeTyped's terms, before it is written as YAML.</summary>
    internal sealed class ImportedPlan
    {
        public string? Title { get; set; }

        public List<ImportedCall> Events { get; } = new List<ImportedCall>();

        public List<ImportedCall> Pages { get; } = new List<ImportedCall>();

        public ImportedCall? Identify { get; set; }

        public ImportedCall? Group { get; set; }

        /// <summary>What could not be carried over, each with where it was in the source.</summary>
        public List<string> Unmapped { get; } = new List<string>();
    }

    internal sealed class ImportedCall
    {
        public ImportedCall(string name) => Name = name;

        public string Name { get; }

        public string? Description { get; set; }

        public List<ImportedProperty> Properties { get; } = new List<ImportedProperty>();
    }

    internal sealed class ImportedProperty
    {
        public ImportedProperty(string name) => Name = name;

        public string Name { get; }

        /// <summary>A RipeTyped type name: string, integer, number, boolean, date-time, enum, array, object, any.</summary>
        public string Type { get; set; } = "any";

        public string? Description { get; set; }

        public bool Required { get; set; }

        public bool Nullable { get; set; }

        public List<string> Values { get; } = new List<string>();

        public ImportedProperty? Items { get; set; }

        public List<ImportedProperty> Properties { get; } = new List<ImportedProperty>();

        public string? Pattern { get; set; }

        public double? Minimum { get; set; }

        public double? Maximum { get; set; }

        public int? MinLength { get; set; }

        public int? MaxLength { get; set; }
    }
}
