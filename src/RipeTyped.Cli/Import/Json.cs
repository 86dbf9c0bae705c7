using System.Text.Json;

namespace RipeTyped.Cli.Import
{
    /// <summary>Small readers over <see cref="JsonElement"/> that never throw on a wrongly shaped document.</summary>
    internal static class Json
    {
        public static JsonElement? Property(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : (JsonElement?)null;

        public static string? String(JsonElement element, string name) =>
            Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

        public static double? Number(JsonElement element, string name) =>
            Property(element, name) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

        public static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

        public static bool IsEmpty(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => !element.EnumerateObject().MoveNext(),
            JsonValueKind.Array => element.GetArrayLength() == 0,
            JsonValueKind.Null => true,
            _ => false,
        };
    }

    /// <summary>JSON paths for the not-mapped report: <c>rules[3].jsonSchema.properties["site id"]</c>.</summary>
    internal static class JsonPath
    {
        public static string Member(string path, string name)
        {
            bool plain = name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_' || name[0] == '$');
            foreach (char c in name)
            {
                plain &= char.IsLetterOrDigit(c) || c == '_' || c == '$';
            }

            string step = plain ? "." + name : "[\"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"]";
            return path.Length == 0 ? step.TrimStart('.') : path + step;
        }

        public static string Index(string path, int index) => path + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
    }
}
