using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using RipeTyped.Cli.Infrastructure;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Plan;

namespace RipeTyped.Cli.Import
{
    /// <summary>
    /// A YAML document as a <see cref="JsonElement"/>, read by the generator's own YAML reader, so the importers of YAML
    /// layouts share the JSON readers and report paths the same way. Plain scalars are read as YAML 1.2's core schema
    /// reads them (null, booleans, numbers); quoted scalars stay text.
    /// </summary>
    internal static class YamlJson
    {
        public static JsonElement Read(string text, string path)
        {
            var diagnostics = new List<PlanDiagnostic>();
            var root = YamlDocumentReader.Read(text, path, diagnostics);
            if (diagnostics.FirstOrDefault() is { } first)
            {
                throw CliException.Input($"{path}({first.Span.DisplayLine},{first.Span.DisplayColumn}): not valid YAML: {first.Message}");
            }

            var node = root is { } read ? ToNode(read) : null;
            return JsonSerializer.SerializeToElement(node);
        }

        private static JsonNode? ToNode(YamlNode node)
        {
            if (node.IsMapping(out var mapping))
            {
                var obj = new JsonObject();
                foreach (var entry in mapping.Entries)
                {
                    obj[entry.Key.Value] = ToNode(entry.Value); // a repeated key: the last one, as YAML readers do
                }

                return obj;
            }

            if (node.IsSequence(out var sequence))
            {
                return new JsonArray(sequence.Items.Select(ToNode).ToArray());
            }

            return node.IsScalar(out var scalar) ? Scalar(scalar) : null;
        }

        private static JsonNode? Scalar(YamlScalar scalar)
        {
            if (!scalar.IsPlain)
            {
                return JsonValue.Create(scalar.Value);
            }

            if (scalar.IsNull)
            {
                return null;
            }

            switch (scalar.Value)
            {
                case "true" or "True" or "TRUE":
                    return JsonValue.Create(true);
                case "false" or "False" or "FALSE":
                    return JsonValue.Create(false);
            }

            if (long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
            {
                return JsonValue.Create(integer);
            }

            if (double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && !double.IsInfinity(number) && !double.IsNaN(number))
            {
                return JsonValue.Create(number);
            }

            return JsonValue.Create(scalar.Value);
        }
    }
}
