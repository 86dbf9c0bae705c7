using System.Collections.Generic;
using System.Linq;

namespace RipeTyped.Cli.Import
{
    /// <summary>A plan being imported, in RipeTyped's terms, before it is written as YAML.</summary>
    internal sealed class ImportedPlan
    {
        public ImportedPlan(string layout) => Layout = layout;

        /// <summary>Which source layout was recognised (Typewriter v7 plan.json, Typewriter v8/v9 plan.json, Public API rules...).</summary>
        public string Layout { get; }

        public string? Title { get; set; }

        public List<ImportedCall> Events { get; } = new List<ImportedCall>();

        public List<ImportedCall> Pages { get; } = new List<ImportedCall>();

        public ImportedCall? Identify { get; set; }

        public ImportedCall? Group { get; set; }

        /// <summary>Shared definitions (<c>definitions</c>), used by properties with <see cref="ImportedProperty.Ref"/>.</summary>
        public List<ImportedProperty> Definitions { get; } = new List<ImportedProperty>();

        /// <summary>Naming conventions the plan's names actually follow, written into <c>options</c>.</summary>
        public string EventCase { get; set; } = "any";

        public string EventWordOrder { get; set; } = "any";

        public string PropertyCase { get; set; } = "any";

        /// <summary>Every property name met in the source's payload schemas, at any depth (what came in).</summary>
        public int PropertiesRead { get; set; }

        /// <summary>Every event the source defines, written or not (older versions and name collisions included).</summary>
        public int EventsRead { get; set; }

        /// <summary>What could not be carried over, each with its JSON path in the source.</summary>
        public List<NotMapped> NotMapped { get; } = new List<NotMapped>();

        public IEnumerable<ImportedCall> AllCalls =>
            Events.Concat(Pages).Concat(Identify is null ? Enumerable.Empty<ImportedCall>() : new[] { Identify }).Concat(Group is null ? Enumerable.Empty<ImportedCall>() : new[] { Group });

        /// <summary>Properties that will be in the written plan, at any depth, variants' own included (what goes out).</summary>
        public int PropertiesWritten => AllCalls.Sum(c => ImportedProperty.Count(c.Properties) + c.Variants.Sum(v => ImportedProperty.Count(v.Properties)))
            + Definitions.Sum(d => ImportedProperty.CountMembers(d));

        public int PropertiesReported => NotMapped.Sum(n => n.PropertiesLost);

        public int EventsReported => NotMapped.Sum(n => n.EventsLost);

        public void Report(string path, string what, int propertiesLost = 0) => NotMapped.Add(new NotMapped(path, what, propertiesLost));

        /// <summary>Reports an event of the source that is not written (an older version, a collision...), with its properties.</summary>
        public void DropEvent(string path, string what, int properties)
        {
            EventsRead++;
            PropertiesRead += properties;
            NotMapped.Add(new NotMapped(path, what, properties, EventsLost: 1));
        }

        /// <summary>Reports a call left out: an event (counted as one) or another call (identify, a page...).</summary>
        public void DropCall(bool isEvent, string path, string what, int properties)
        {
            if (isEvent)
            {
                DropEvent(path, what, properties);
            }
            else
            {
                Drop(path, what, properties);
            }
        }

        /// <summary>An event read from the source, to be written.</summary>
        public ImportedCall AddEvent(string name)
        {
            EventsRead++;
            var call = new ImportedCall(name);
            Events.Add(call);
            return call;
        }

        /// <summary>Reports a part of the source that is left out whole, with the properties in it (which were read, not written).</summary>
        public void Drop(string path, string what, int properties)
        {
            PropertiesRead += properties;
            Report(path, what, properties);
        }
    }

    /// <summary>One thing of the source that the plan does not carry: where (a JSON path), what, and how many properties went with it.</summary>
    internal sealed record NotMapped(string Path, string What, int PropertiesLost, int EventsLost = 0)
    {
        public override string ToString()
        {
            var lost = new List<string>();
            if (EventsLost > 0)
            {
                lost.Add(EventsLost == 1 ? "1 event" : $"{EventsLost} events");
            }

            if (PropertiesLost > 0)
            {
                lost.Add($"{PropertiesLost} propert{(PropertiesLost == 1 ? "y" : "ies")}");
            }

            return lost.Count > 0 ? $"{Path}: {What} ({string.Join(", ", lost)} not imported)" : $"{Path}: {What}";
        }
    }

    internal sealed class ImportedCall
    {
        public ImportedCall(string name) => Name = name;

        public string Name { get; }

        public string? Description { get; set; }

        public bool Deprecated { get; set; }

        public string? CSharpName { get; set; }

        /// <summary>Accepts properties the source does not list (Segment: no listed properties, or <c>additionalProperties</c>).</summary>
        public bool AdditionalProperties { get; set; }

        public List<string> Tags { get; } = new List<string>();

        /// <summary>The sources that implement the call: Segment labels keyed <c>source</c>, or <c>import --source</c>.</summary>
        public List<string> Sources { get; } = new List<string>();

        public List<ImportedProperty> Properties { get; } = new List<ImportedProperty>();

        /// <summary>Property sets of one wire event (RudderStack discriminator cases), each its own typed method.</summary>
        public List<ImportedVariant> Variants { get; } = new List<ImportedVariant>();

        /// <summary>Adds a source once.</summary>
        public void AddSource(string source)
        {
            if (source.Trim().Length > 0 && !Sources.Contains(source.Trim()))
            {
                Sources.Add(source.Trim());
            }
        }
    }

    internal sealed class ImportedProperty
    {
        public ImportedProperty(string name) => Name = name;

        public string Name { get; }

        /// <summary>A RipeTyped type name: string, integer, number, boolean, date-time, enum, array, object, any.</summary>
        public string Type { get; set; } = "any";

        public string? Description { get; set; }

        public string? CSharpName { get; set; }

        /// <summary>The plan definition this property is (<c>$ref</c>); its type and rules are the definition's.</summary>
        public string? Ref { get; set; }

        public bool Required { get; set; }

        public bool Nullable { get; set; }

        public bool AdditionalProperties { get; set; }

        public List<string> Values { get; } = new List<string>();

        /// <summary>JSON Schema <c>examples</c> that fit the type, as plan text.</summary>
        public List<string> Examples { get; } = new List<string>();

        /// <summary>C# names chosen for enum values whose flattened names collide (by value).</summary>
        public Dictionary<string, string> ValueCSharpNames { get; } = new Dictionary<string, string>(System.StringComparer.Ordinal);

        public ImportedProperty? Items { get; set; }

        public List<ImportedProperty> Properties { get; } = new List<ImportedProperty>();

        public string? Pattern { get; set; }

        public double? Minimum { get; set; }

        public double? Maximum { get; set; }

        public int? MinLength { get; set; }

        public int? MaxLength { get; set; }

        /// <summary>The properties of a list and everything nested in them (object members and array items' members).</summary>
        public static int Count(IEnumerable<ImportedProperty> properties) => properties.Sum(p => 1 + Count(p.Properties) + (p.Items is null ? 0 : Count(p.Items.Properties) + CountItems(p.Items)));

        /// <summary>What a property holds below itself: its members and its items' members, at any depth.</summary>
        public static int CountMembers(ImportedProperty property) => Count(property.Properties) + (property.Items is null ? 0 : Count(property.Items.Properties) + CountItems(property.Items));

        private static int CountItems(ImportedProperty items) => items.Items is null ? 0 : Count(items.Items.Properties) + CountItems(items.Items);
    }
}
