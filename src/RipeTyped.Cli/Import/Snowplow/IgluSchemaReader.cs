using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using RipeTyped.Cli.Infrastructure;

namespace RipeTyped.Cli.Import.Snowplow
{
    /// <summary>
    /// Snowplow's self-describing JSON Schemas (Iglu): a <c>self</c> block (vendor, name, format, version) over an object
    /// schema. One event per schema, named by the schema's <c>name</c>; of several versions of one vendor/name side by side
    /// (SchemaVer <c>1-0-0</c> … <c>1-0-2</c>), the newest is imported and each older one reported with its properties.
    /// </summary>
    internal static class IgluSchemaReader
    {
        public const string Layout = "Snowplow Iglu self-describing JSON Schemas";

        // The schema's own keys that the reader maps (payload members) or that describe the schema, not the data.
        private static readonly HashSet<string> SchemaKeys = new HashSet<string>(StringComparer.Ordinal)
        {
            "$schema", "self", "description", "type", "properties", "required", "additionalProperties", "$comment", "title", "definitions", "$defs",
        };

        public static bool IsSelfDescribing(JsonElement root) =>
            Json.Property(root, "self") is { ValueKind: JsonValueKind.Object } self
            && new[] { "vendor", "name", "format", "version" }.All(k => Json.String(self, k) != null);

        public static ImportedPlan Read(IReadOnlyList<(ImportFile File, JsonElement Root)> documents)
        {
            var plan = new ImportedPlan(Layout);
            var schemas = new List<IgluSchema>();
            foreach (var (file, root) in documents)
            {
                if (IgluSchema.TryRead(file.Name, root) is { } schema)
                {
                    schemas.Add(schema);
                }
                else
                {
                    plan.Report(file.Name, "not an Iglu self-describing schema (a \"self\" block with vendor, name, format and a SchemaVer version); ignored");
                }
            }

            if (schemas.Count == 0)
            {
                throw CliException.Input($"{string.Join(", ", documents.Select(d => d.File.Name).Take(3))}: no Iglu self-describing schema (a JSON Schema with a \"self\" block: vendor, name, format, version).");
            }

            var reader = new JsonSchemaReader(plan);
            var names = new Dictionary<string, IgluSchema>(StringComparer.Ordinal);
            foreach (var family in schemas.GroupBy(s => s.Vendor + "/" + s.Name, StringComparer.Ordinal))
            {
                var newest = family.OrderByDescending(s => s.Version).ThenBy(s => s.File, StringComparer.Ordinal).First();
                foreach (var older in family.Where(s => s != newest))
                {
                    plan.DropEvent(older.Path, older.Version.Equals(newest.Version)
                        ? $"{older.Key} is also in {newest.File}; only one is imported"
                        : $"{older.Key} is older than {newest.Version} ({newest.File}); only the newest version is imported", JsonSchemaReader.CountProperties(older.Root));
                }

                if (names.TryGetValue(newest.Name, out var first))
                {
                    plan.DropEvent(newest.Path, $"event name '{newest.Name}' is already {first.Key}'s (another vendor), and a plan's event names are unique; the first one is kept", JsonSchemaReader.CountProperties(newest.Root));
                    continue;
                }

                names[newest.Name] = newest;
                ReadEvent(plan, reader, newest);
            }

            NamingDetector.Detect(plan);
            return plan;
        }

        private static void ReadEvent(ImportedPlan plan, JsonSchemaReader reader, IgluSchema schema)
        {
            var call = plan.AddEvent(schema.Name);
            call.Description = Json.NonEmpty(Json.String(schema.Root, "description"));
            call.Tags.Add("iglu:" + schema.Key);
            if (Json.String(schema.Root, "type") is { } type && type != "object")
            {
                plan.Report(JsonPath.Member(schema.Path, "type"), $"a self-describing event is an object; type '{type}' is not mapped");
            }

            IgluDefinitions.Read(plan, reader, schema);
            bool open = reader.ReadMembers(schema.Root, call.Properties, schema.Path);
            call.AdditionalProperties = open || (call.Properties.Count == 0 && Json.Property(schema.Root, "additionalProperties") is not { ValueKind: JsonValueKind.False });
            foreach (var member in schema.Root.EnumerateObject().Where(m => !SchemaKeys.Contains(m.Name)))
            {
                plan.Drop(JsonPath.Member(schema.Path, member.Name), $"'{member.Name}' is not mapped", JsonSchemaReader.CountProperties(member.Value));
            }
        }
    }

    /// <summary>
    /// Shared definitions of the schema (<c>definitions</c> or <c>$defs</c>, the entities an event nests) as plan
    /// definitions named <c>{schema}_{definition}</c>; the schema's local <c>$ref</c>s to them become plan <c>$ref</c>s.
    /// </summary>
    internal static class IgluDefinitions
    {
        public static void Read(ImportedPlan plan, JsonSchemaReader reader, IgluSchema schema)
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string key in new[] { "definitions", "$defs" })
            {
                if (Json.Property(schema.Root, key) is { ValueKind: JsonValueKind.Object } definitions)
                {
                    foreach (var definition in definitions.EnumerateObject())
                    {
                        names["#/" + key + "/" + definition.Name] = schema.Name + "_" + definition.Name;
                    }
                }
            }

            reader.Definitions = reference => names.TryGetValue(reference, out string? name) ? name : null;
            foreach (var (reference, name) in names)
            {
                string[] parts = reference.Split('/');
                var definition = schema.Root.GetProperty(parts[1]).GetProperty(parts[2]);
                plan.Definitions.Add(reader.ReadDefinition(name, definition, JsonPath.Member(JsonPath.Member(schema.Path, parts[1]), parts[2])));
            }
        }
    }

    /// <summary>One self-describing schema: its <c>self</c> block and where it is.</summary>
    internal sealed record IgluSchema(string File, string Vendor, string Name, string Format, SchemaVer Version, JsonElement Root)
    {
        /// <summary>Iglu's URI path of the schema: <c>com.acme/checkout_started/jsonschema/1-0-2</c>.</summary>
        public string Key => $"{Vendor}/{Name}/{Format}/{Version}";

        /// <summary>The schema's root in the report: <c>1-0-2: $</c>, members follow as <c>$.properties.cart</c>.</summary>
        public string Path => File + ": $";

        public static IgluSchema? TryRead(string file, JsonElement root)
        {
            if (!IgluSchemaReader.IsSelfDescribing(root) || SchemaVer.Parse(Json.String(root.GetProperty("self"), "version")!) is not { } version)
            {
                return null;
            }

            var self = root.GetProperty("self");
            return new IgluSchema(file, Json.String(self, "vendor")!, Json.String(self, "name")!, Json.String(self, "format")!, version, root);
        }
    }

    /// <summary>SchemaVer <c>MODEL-REVISION-ADDITION</c>, ordered numerically (<c>1-0-10</c> is after <c>1-0-9</c>).</summary>
    internal readonly record struct SchemaVer(int Model, int Revision, int Addition) : IComparable<SchemaVer>
    {
        public static SchemaVer? Parse(string text)
        {
            string[] parts = text.Split('-');
            return parts.Length == 3 && int.TryParse(parts[0], out int m) && int.TryParse(parts[1], out int r) && int.TryParse(parts[2], out int a) ? new SchemaVer(m, r, a) : null;
        }

        public int CompareTo(SchemaVer other) => (Model, Revision, Addition).CompareTo((other.Model, other.Revision, other.Addition));

        public override string ToString() => $"{Model}-{Revision}-{Addition}";
    }
}
