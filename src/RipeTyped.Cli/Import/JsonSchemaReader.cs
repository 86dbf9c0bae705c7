using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace RipeTyped.Cli.Import
{
    /// <summary>
    /// One property's JSON Schema (as Segment Protocols stores it) to an <see cref="ImportedProperty"/>. Every key is
    /// either mapped, known to carry nothing a plan can hold (ids, <c>$schema</c>), or reported with its JSON path;
    /// properties that cannot be carried are counted, so an import can prove nothing was dropped silently.
    /// </summary>
    internal sealed class JsonSchemaReader
    {
        // Keys that say nothing about the data: JSON Schema bookkeeping and Typewriter's copy of the property name.
        private static readonly HashSet<string> Bookkeeping = new HashSet<string>(StringComparer.Ordinal) { "$schema", "id", "$id", "key", "$comment" };

        private static readonly HashSet<string> Alternatives = new HashSet<string>(StringComparer.Ordinal) { "oneOf", "anyOf", "allOf" };

        private readonly ImportedPlan _plan;

        public JsonSchemaReader(ImportedPlan plan) => _plan = plan;

        /// <summary>
        /// The plan definition a local <c>$ref</c> (<c>#/definitions/x</c>, <c>#/$defs/x</c>) names, for layouts whose schemas
        /// carry definitions (Iglu); without it, <c>$ref</c> is reported as not mapped.
        /// </summary>
        public Func<string, string?>? Definitions { get; set; }

        /// <summary>A schema under a definitions map, as a plan definition named <paramref name="name"/>.</summary>
        public ImportedProperty ReadDefinition(string name, JsonElement schema, string path) => ReadProperty(name, schema, path);

        /// <summary>The members of an object schema (<c>properties</c> + <c>required</c>) into <paramref name="into"/>.</summary>
        /// <returns>True when the object also accepts unlisted members (no <c>additionalProperties: false</c>).</returns>
        public bool ReadMembers(JsonElement schema, List<ImportedProperty> into, string path)
        {
            var required = RequiredNames(schema, path);
            if (Json.Property(schema, "properties") is { } properties)
            {
                if (properties.ValueKind == JsonValueKind.Object)
                {
                    foreach (var member in properties.EnumerateObject())
                    {
                        _plan.PropertiesRead++;
                        var property = ReadProperty(member.Name, member.Value, JsonPath.Member(JsonPath.Member(path, "properties"), member.Name));
                        property.Required = required.Remove(member.Name);
                        into.Add(property);
                    }
                }
                else
                {
                    _plan.Report(JsonPath.Member(path, "properties"), "is not an object; ignored");
                }
            }

            foreach (string name in required)
            {
                _plan.Report(JsonPath.Member(path, "required"), $"'{name}' is required but not listed under properties; not mapped");
            }

            return OpenMembers(schema, path);
        }

        /// <summary>Counts (and records as read) every property name inside a schema that is not imported, and returns the count.</summary>
        public int Skip(JsonElement schema)
        {
            int count = CountProperties(schema);
            _plan.PropertiesRead += count;
            return count;
        }

        /// <summary>
        /// The properties of a whole call left out: the payload and other fields of a wrapped schema (not the wrapper's
        /// own field names), or an unwrapped schema, found in an event (<c>rules</c>) or rule (<c>jsonSchema</c>) object.
        /// </summary>
        public static int CountCallProperties(JsonElement callOrSchema)
        {
            var schema = Json.Property(callOrSchema, "jsonSchema") ?? Json.Property(callOrSchema, "json_schema") ?? Json.Property(callOrSchema, "rules") ?? callOrSchema;
            if (Json.Property(schema, "eventMetadata") != null || Json.Property(schema, "properties") is not { ValueKind: JsonValueKind.Object } fields)
            {
                return CountProperties(schema);
            }

            int count = 0;
            foreach (var member in schema.EnumerateObject())
            {
                count += member.Name == "properties" ? fields.EnumerateObject().Sum(f => CountProperties(f.Value)) : CountProperties(member.Value);
            }

            return count;
        }

        /// <summary>
        /// Every key of a <c>properties</c> object anywhere inside <paramref name="schema"/> (in items, alternatives,
        /// pattern properties...), not counting data such as <c>enum</c>, <c>const</c>, <c>default</c> and <c>examples</c>.
        /// </summary>
        public static int CountProperties(JsonElement schema)
        {
            int count = 0;
            switch (schema.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var member in schema.EnumerateObject())
                    {
                        if (member.Name is "enum" or "const" or "default" or "examples")
                        {
                            continue;
                        }

                        if (member.Name == "properties" && member.Value.ValueKind == JsonValueKind.Object)
                        {
                            foreach (var property in member.Value.EnumerateObject())
                            {
                                count += 1 + CountProperties(property.Value);
                            }
                        }
                        else
                        {
                            count += CountProperties(member.Value);
                        }
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in schema.EnumerateArray())
                    {
                        count += CountProperties(item);
                    }

                    break;
            }

            return count;
        }

        private ImportedProperty ReadProperty(string name, JsonElement schema, string path)
        {
            var property = new ImportedProperty(name);
            if (schema.ValueKind == JsonValueKind.True)
            {
                return property; // `true` accepts anything, as 'any' does
            }

            if (schema.ValueKind != JsonValueKind.Object)
            {
                _plan.Report(path, "schema is not an object; imported as any");
                return property;
            }

            if (Json.String(schema, "$ref") is { } reference && Definitions?.Invoke(reference) is { } definition)
            {
                // JSON Schema ignores a $ref's siblings (before 2019-09); the description is kept for the docs.
                property.Ref = definition;
                property.Description = Json.NonEmpty(Json.String(schema, "description"));
                foreach (var sibling in schema.EnumerateObject().Where(m => m.Name is not ("$ref" or "description")))
                {
                    _plan.Report(JsonPath.Member(path, sibling.Name), $"'{sibling.Name}' next to $ref is not mapped", Skip(sibling.Value));
                }

                return property;
            }

            ReadInto(property, schema, path);
            return property;
        }

        private void ReadInto(ImportedProperty property, JsonElement schema, string path)
        {
            ReadTypeInto(property, schema, path);
            ReadExamples(property, schema, path);
        }

        /// <summary>
        /// <c>examples</c>: the ones the plan can hold (single values that fit the imported type, an enum's own values) are
        /// kept; any other is reported, so the imported plan never fails its own example check.
        /// </summary>
        private void ReadExamples(ImportedProperty property, JsonElement schema, string path)
        {
            if (Json.Property(schema, "examples") is not { } examples)
            {
                return;
            }

            string at = JsonPath.Member(path, "examples");
            if (examples.ValueKind != JsonValueKind.Array)
            {
                _plan.Report(at, "examples that are not a list are not mapped");
                return;
            }

            int index = 0;
            foreach (var example in examples.EnumerateArray())
            {
                string? text = example.ValueKind switch
                {
                    JsonValueKind.String => example.GetString(),
                    JsonValueKind.Number => example.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => null,
                };
                if (text != null && Fits(property, example.ValueKind, text))
                {
                    property.Examples.Add(text);
                }
                else
                {
                    _plan.Report(at + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", $"example {Truncated(example.GetRawText())} does not fit the imported type '{property.Type}'; not mapped");
                }

                index++;
            }
        }

        private static bool Fits(ImportedProperty property, JsonValueKind kind, string text) => property.Type switch
        {
            "string" => kind == JsonValueKind.String,
            "date-time" => kind == JsonValueKind.String && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "enum" => kind == JsonValueKind.String && property.Values.Contains(text),
            "integer" => kind == JsonValueKind.Number && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "number" => kind == JsonValueKind.Number && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && !double.IsInfinity(number) && !double.IsNaN(number),
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "any" => true,
            _ => false,
        };

        private static string Truncated(string json) => json.Length <= 40 ? json : json.Substring(0, 37) + "...";

        private void ReadTypeInto(ImportedProperty property, JsonElement schema, string path)
        {
            property.Description = Json.NonEmpty(Json.String(schema, "description"));
            var types = InferredTypes(schema, Types(schema, path));
            property.Nullable = types.Remove("null") || Json.Property(schema, "nullable") is { ValueKind: JsonValueKind.True };
            ReportUnmappedKeys(schema, path, types);

            if (Json.Property(schema, "title") is { ValueKind: JsonValueKind.String } title && !string.IsNullOrWhiteSpace(title.GetString()))
            {
                if (property.Description is null)
                {
                    property.Description = title.GetString();
                }
                else
                {
                    _plan.Report(JsonPath.Member(path, "title"), "title next to a description is not mapped (the description is kept)");
                }
            }

            if (ReadEnum(property, schema, path))
            {
                return;
            }

            foreach (string alternative in Alternatives)
            {
                if (Json.Property(schema, alternative) is { } alternatives)
                {
                    _plan.Report(JsonPath.Member(path, alternative), $"'{alternative}' is not mapped; imported as any", Skip(alternatives) + SkipTyped(schema, types));
                    property.Type = "any";
                    return;
                }
            }

            if (types.Count > 1)
            {
                _plan.Report(JsonPath.Member(path, "type"), $"several types ({string.Join(", ", types)}); imported as any", SkipTyped(schema, types));
                property.Type = "any";
                return;
            }

            switch (types.FirstOrDefault())
            {
                case "string":
                    string? format = Json.String(schema, "format");
                    property.Type = format == "date-time" ? "date-time" : "string";
                    if (format != null && format != "date-time")
                    {
                        _plan.Report(JsonPath.Member(path, "format"), $"format '{format}' is not checked by RipeTyped; imported as a plain string");
                    }

                    property.Pattern = Json.String(schema, "pattern");
                    property.MinLength = Length(schema, "minLength", path);
                    property.MaxLength = Length(schema, "maxLength", path);
                    break;
                case "integer":
                case "number":
                    property.Type = types[0];
                    property.Minimum = Json.Number(schema, "minimum");
                    property.Maximum = Json.Number(schema, "maximum");
                    break;
                case "boolean":
                    property.Type = "boolean";
                    break;
                case "array":
                    property.Type = "array";
                    property.Items = Json.Property(schema, "items") is { } items
                        ? ReadItems(items, JsonPath.Member(path, "items"))
                        : new ImportedProperty("items");
                    break;
                case "object":
                    property.Type = "object";
                    property.AdditionalProperties = ReadMembers(schema, property.Properties, path) || property.Properties.Count == 0;
                    break;
                case null:
                    break; // no type: Segment accepts any value, and so does 'any'

                default:
                    _plan.Report(JsonPath.Member(path, "type"), $"'{types[0]}' is not a JSON Schema type; imported as any");
                    break;
            }
        }

        /// <summary>Members and items that the schema's own types would have held, when the schema is imported as any.</summary>
        private int SkipTyped(JsonElement schema, List<string> types)
        {
            int lost = 0;
            if (types.Contains("object"))
            {
                lost += SkipMembersOf(schema);
                if (Json.Property(schema, "additionalProperties") is { ValueKind: JsonValueKind.Object } rules)
                {
                    lost += Skip(rules);
                }
            }

            if (types.Contains("array") && Json.Property(schema, "items") is { } items)
            {
                lost += Skip(items);
            }

            return lost;
        }

        /// <summary>The names under a schema's own <c>properties</c>, with everything nested in them.</summary>
        private int SkipMembersOf(JsonElement schema)
        {
            if (Json.Property(schema, "properties") is not { ValueKind: JsonValueKind.Object } properties)
            {
                return 0;
            }

            int count = properties.EnumerateObject().Sum(p => 1 + CountProperties(p.Value));
            _plan.PropertiesRead += count;
            return count;
        }

        private ImportedProperty ReadItems(JsonElement items, string path)
        {
            if (items.ValueKind == JsonValueKind.Array)
            {
                // Tuple validation: one schema per position. RipeTyped arrays have one item type.
                _plan.Report(path, "a list of item schemas (tuple) is not mapped; items imported as any", Skip(items));
                return new ImportedProperty("items");
            }

            return ReadProperty("items", items, path);
        }

        private bool ReadEnum(ImportedProperty property, JsonElement schema, string path)
        {
            IEnumerable<JsonElement> values;
            string key;
            if (Json.Property(schema, "enum") is { ValueKind: JsonValueKind.Array } list)
            {
                values = list.EnumerateArray();
                key = "enum";
            }
            else if (Json.Property(schema, "const") is { } constant)
            {
                values = new[] { constant };
                key = "const";
            }
            else
            {
                return false;
            }

            int index = 0;
            foreach (var value in values)
            {
                string at = key == "enum" ? JsonPath.Index(JsonPath.Member(path, key), index) : JsonPath.Member(path, key);
                index++;
                switch (value.ValueKind)
                {
                    case JsonValueKind.String:
                        if (!property.Values.Contains(value.GetString()!, StringComparer.Ordinal))
                        {
                            property.Values.Add(value.GetString()!);
                        }

                        break;
                    case JsonValueKind.Null:
                        property.Nullable = true;
                        break;
                    default:
                        _plan.Report(at, $"value {value.GetRawText()} is not a string; RipeTyped enums are strings, so it is left out");
                        break;
                }
            }

            if (property.Values.Count == 0)
            {
                return false;
            }

            property.Type = "enum";
            return true;
        }

        private HashSet<string> RequiredNames(JsonElement schema, string path)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            if (Json.Property(schema, "required") is { } required)
            {
                if (required.ValueKind == JsonValueKind.Array)
                {
                    foreach (var name in required.EnumerateArray())
                    {
                        if (name.ValueKind == JsonValueKind.String)
                        {
                            names.Add(name.GetString()!);
                        }
                    }
                }
                else
                {
                    _plan.Report(JsonPath.Member(path, "required"), "is not a list of names; ignored");
                }
            }

            return names;
        }

        /// <summary>JSON Schema's default: members not listed are allowed unless <c>additionalProperties</c> is false.</summary>
        private bool OpenMembers(JsonElement schema, string path)
        {
            switch (Json.Property(schema, "additionalProperties"))
            {
                case null:
                    return false; // listed members only, as in every plan RipeTyped writes; see docs/import.md
                case { ValueKind: JsonValueKind.False }:
                    return false;
                case { ValueKind: JsonValueKind.True }:
                    return true;
                case { ValueKind: JsonValueKind.Object } rules:
                    _plan.Report(JsonPath.Member(path, "additionalProperties"), "rules for unlisted members are not checked; they are accepted as any", Skip(rules));
                    return true;
                default:
                    _plan.Report(JsonPath.Member(path, "additionalProperties"), "is neither a boolean nor a schema; ignored");
                    return false;
            }
        }

        private List<string> Types(JsonElement schema, string path)
        {
            switch (Json.Property(schema, "type"))
            {
                case { ValueKind: JsonValueKind.String } single:
                    return new List<string> { single.GetString()! };
                case { ValueKind: JsonValueKind.Array } many:
                    return many.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).Distinct().ToList();
                case null:
                    return new List<string>();
                default:
                    _plan.Report(JsonPath.Member(path, "type"), "is neither a type name nor a list of them; imported as any");
                    return new List<string>();
            }
        }

        /// <summary>
        /// A schema without <c>type</c> whose keywords only apply to objects (<c>properties</c>...) or arrays (<c>items</c>) is
        /// read as that type, as Segment and RudderStack read it: otherwise it would become <c>any</c> and its nested
        /// properties would be left out.
        /// </summary>
        private static List<string> InferredTypes(JsonElement schema, List<string> types)
        {
            if (types.Count > 0 || Json.Property(schema, "type") != null)
            {
                return types;
            }

            if (Json.Property(schema, "properties") != null || Json.Property(schema, "required") != null || Json.Property(schema, "additionalProperties") != null)
            {
                types.Add("object");
            }
            else if (Json.Property(schema, "items") != null)
            {
                types.Add("array");
            }

            return types;
        }

        private void ReportUnmappedKeys(JsonElement schema, string path, List<string> types)
        {
            foreach (var member in schema.EnumerateObject())
            {
                string key = member.Name;
                if (Bookkeeping.Contains(key) || Alternatives.Contains(key) || key is "type" or "description" or "title" or "enum" or "const" or "nullable" or "examples")
                {
                    continue;
                }

                bool applies = key switch
                {
                    "pattern" or "minLength" or "maxLength" or "format" => types.Contains("string"),
                    "minimum" or "maximum" => types.Contains("integer") || types.Contains("number"),
                    "items" => types.Contains("array"),
                    "properties" or "required" or "additionalProperties" => types.Contains("object"),
                    _ => false,
                };
                if (!applies)
                {
                    bool known = key is "pattern" or "minLength" or "maxLength" or "format" or "minimum" or "maximum" or "items" or "properties" or "required" or "additionalProperties";
                    int lost = key == "properties" ? SkipMembersOf(schema)
                        : key is "default" or "examples" ? 0
                        : Skip(member.Value);
                    _plan.Report(JsonPath.Member(path, key), known ? $"'{key}' does not apply to type {(types.Count == 0 ? "(none)" : string.Join("/", types))}; not mapped" : $"'{key}' is not mapped", lost);
                }
            }
        }

        private int? Length(JsonElement schema, string name, string path)
        {
            if (Json.Property(schema, name) is not { ValueKind: JsonValueKind.Number } value)
            {
                return null;
            }

            if (value.TryGetInt32(out int result) && result >= 0)
            {
                return result;
            }

            _plan.Report(JsonPath.Member(path, name), $"{value.GetRawText()} is not a length; left out");
            return null;
        }
    }
}
