using System.Text.Json;

namespace RipeTyped.Cli.Import.Rudder
{
    /// <summary>
    /// A property's or custom type's config (legacy camelCase <c>propConfig</c>, v1 snake_case <c>config</c>) onto a plan
    /// property: enum, pattern, lengths, bounds and the date-time format; every other key is reported.
    /// </summary>
    internal sealed class RudderConfig
    {
        private readonly RudderNotes _notes;
        private readonly string _path;

        public RudderConfig(RudderNotes notes, string path)
        {
            _notes = notes;
            _path = path;
        }

        public void Apply(ImportedProperty property, JsonElement config)
        {
            foreach (var member in config.EnumerateObject())
            {
                string at = JsonPath.Member(_path, member.Name);
                var value = member.Value;
                switch (member.Name)
                {
                    case "enum":
                        Enum(property, value, at);
                        break;
                    case "pattern" when property.Type == "string" && value.ValueKind == JsonValueKind.String:
                        property.Pattern = value.GetString();
                        break;
                    case "minLength" or "min_length" when property.Type == "string" && Length(value) is int min:
                        property.MinLength = min;
                        break;
                    case "maxLength" or "max_length" when property.Type == "string" && Length(value) is int max:
                        property.MaxLength = max;
                        break;
                    case "minimum" when property.Type is "integer" or "number" && value.ValueKind == JsonValueKind.Number:
                        property.Minimum = value.GetDouble();
                        break;
                    case "maximum" when property.Type is "integer" or "number" && value.ValueKind == JsonValueKind.Number:
                        property.Maximum = value.GetDouble();
                        break;
                    case "format" when property.Type == "string" && value.ValueKind == JsonValueKind.String && value.GetString() == "date-time":
                        property.Type = "date-time";
                        break;
                    case "format":
                        _notes.Note(at, $"format {value.GetRawText()} is not checked by RipeTyped; not mapped");
                        break;
                    case "itemTypes" or "item_types":
                        break; // read with the type
                    default:
                        _notes.Note(at, $"'{member.Name}' is not checked by RipeTyped for {Article(property.Type)} {property.Type} property; not mapped");
                        break;
                }
            }
        }

        private void Enum(ImportedProperty property, JsonElement values, string path)
        {
            if (values.ValueKind != JsonValueKind.Array || property.Type is not ("string" or "any"))
            {
                _notes.Note(path, $"an enum of {Article(property.Type)} {property.Type} property is not mapped (RipeTyped enums are strings)");
                return;
            }

            int index = 0;
            foreach (var value in values.EnumerateArray())
            {
                switch (value.ValueKind)
                {
                    case JsonValueKind.String when !property.Values.Contains(value.GetString()!):
                        property.Values.Add(value.GetString()!);
                        break;
                    case JsonValueKind.String:
                        break;
                    case JsonValueKind.Null:
                        property.Nullable = true;
                        break;
                    default:
                        _notes.Note(JsonPath.Index(path, index), $"value {value.GetRawText()} is not a string; RipeTyped enums are strings, so it is left out");
                        break;
                }

                index++;
            }

            if (property.Values.Count > 0)
            {
                property.Type = "enum";
            }
        }

        private static string Article(string word) => "aeiou".IndexOf(word[0]) >= 0 ? "an" : "a";

        private static int? Length(JsonElement value) => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n) && n >= 0 ? n : null;
    }
}
