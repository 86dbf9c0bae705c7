using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace RipeTyped.Cli.Import
{
    /// <summary>
    /// Writes an <see cref="ImportedPlan"/> as <c>tracking-plan.yaml</c>. Every name and text is a double-quoted YAML
    /// scalar with escapes, so no imported string can change the document's structure.
    /// </summary>
    internal static class PlanYamlWriter
    {
        /// <param name="asPart">
        /// The file joins a split plan whose main file exists: options are set once, in the main file, so the detected ones
        /// are written as a comment here (two files setting them differently would be RIPE0017).
        /// </param>
        public static string Write(ImportedPlan plan, string source, bool asPart = false)
        {
            var yaml = new StringBuilder();
            yaml.Append("# Imported by 'ripe-typed import' from ").Append(OneLine(source)).Append(" (").Append(plan.Layout).Append(")\n");
            if (plan.Title != null)
            {
                yaml.Append("# Source tracking plan: ").Append(OneLine(plan.Title)).Append('\n');
            }

            yaml.Append("# yaml-language-server: $schema=https://raw.githubusercontent.com/ripetyped/ripetyped/main/schema/tracking-plan.schema.json\n");
            yaml.Append("version: 1\n");
            var sources = plan.AllCalls.SelectMany(c => c.Sources).Distinct().ToList();
            if (sources.Count > 0)
            {
                yaml.Append("sources: [").Append(string.Join(", ", sources.Select(Quote))).Append("]\n");
            }

            string indent = asPart ? "#   " : "  ";
            if (asPart)
            {
                yaml.Append("# Options are set once, in the plan's tracking-plan.yaml; the conventions detected in this source:\n");
            }

            yaml.Append(asPart ? "# options:\n" : "options:\n")
                .Append(indent).Append("eventCase: ").Append(plan.EventCase).Append('\n')
                .Append(indent).Append("eventWordOrder: ").Append(plan.EventWordOrder).Append('\n')
                .Append(indent).Append("propertyCase: ").Append(plan.PropertyCase).Append('\n');
            WriteProperties(yaml, "definitions", plan.Definitions, 0);
            if (plan.Identify != null)
            {
                WritePayloadCall(yaml, "identify", "traits", plan.Identify);
            }

            if (plan.Group != null)
            {
                WritePayloadCall(yaml, "group", "traits", plan.Group);
            }

            WriteCalls(yaml, "pages", plan.Pages);
            WriteCalls(yaml, "events", plan.Events);
            return yaml.ToString();
        }

        private static void WritePayloadCall(StringBuilder yaml, string key, string payload, ImportedCall call)
        {
            yaml.Append(key).Append(":\n");
            if (call.Description != null)
            {
                yaml.Append("  description: ").Append(Quote(call.Description)).Append('\n');
            }

            if (call.AdditionalProperties)
            {
                yaml.Append("  additionalProperties: true\n");
            }

            if (call.Sources.Count > 0)
            {
                yaml.Append("  sources: [").Append(string.Join(", ", call.Sources.Select(Quote))).Append("]\n");
            }

            WriteProperties(yaml, payload, call.Properties, 2);
            if (call.Description is null && call.Properties.Count == 0 && !call.AdditionalProperties)
            {
                yaml.Append("  ").Append(payload).Append(": {}\n");
            }
        }

        private static void WriteCalls(StringBuilder yaml, string key, List<ImportedCall> calls)
        {
            if (calls.Count == 0)
            {
                return;
            }

            yaml.Append(key).Append(":\n");
            foreach (var call in calls)
            {
                yaml.Append("  - name: ").Append(Quote(call.Name)).Append('\n');
                if (call.CSharpName != null)
                {
                    yaml.Append("    csharpName: ").Append(call.CSharpName).Append('\n');
                }

                if (call.Description != null)
                {
                    yaml.Append("    description: ").Append(Quote(call.Description)).Append('\n');
                }

                if (call.Deprecated)
                {
                    yaml.Append("    deprecated: true\n");
                }

                if (call.Tags.Count > 0)
                {
                    yaml.Append("    tags: [").Append(string.Join(", ", call.Tags.Select(Quote))).Append("]\n");
                }

                if (call.Sources.Count > 0)
                {
                    yaml.Append("    sources: [").Append(string.Join(", ", call.Sources.Select(Quote))).Append("]\n");
                }

                if (call.AdditionalProperties)
                {
                    yaml.Append("    additionalProperties: true\n");
                }

                WriteProperties(yaml, "properties", call.Properties, 4);
                WriteVariants(yaml, call.Variants);
            }
        }

        /// <summary>An event's <c>variants</c>: each a C# suffix, its optional description and <c>when</c>, and its own properties.</summary>
        private static void WriteVariants(StringBuilder yaml, List<ImportedVariant> variants)
        {
            if (variants.Count == 0)
            {
                return;
            }

            yaml.Append("    variants:\n");
            foreach (var variant in variants)
            {
                yaml.Append("      - csharpName: ").Append(variant.CSharpName).Append('\n');
                if (variant.Description != null)
                {
                    yaml.Append("        description: ").Append(Quote(variant.Description)).Append('\n');
                }

                if (variant.WhenProperty != null && variant.WhenValues.Count > 0)
                {
                    string values = variant.WhenValues.Count == 1 ? Scalar(variant.WhenValues[0]) : "[" + string.Join(", ", variant.WhenValues.Select(Scalar)) + "]";
                    yaml.Append("        when: { ").Append(Quote(variant.WhenProperty)).Append(": ").Append(values).Append(" }\n");
                }

                WriteProperties(yaml, "properties", variant.Properties, 8);
            }
        }

        /// <summary>A match value as the source typed it: text quoted, numbers and booleans plain.</summary>
        private static string Scalar(object value) => value switch
        {
            string text => Quote(text),
            bool flag => flag ? "true" : "false",
            double number => Number(number),
            System.IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => Quote(value.ToString() ?? ""),
        };

        private static void WriteProperties(StringBuilder yaml, string key, List<ImportedProperty> properties, int indent)
        {
            if (properties.Count == 0)
            {
                return;
            }

            yaml.Append(' ', indent).Append(key).Append(":\n");
            foreach (var property in properties)
            {
                yaml.Append(' ', indent + 2).Append(Quote(property.Name)).Append(":\n");
                WriteSchema(yaml, property, indent + 4, includeRequired: true);
            }
        }

        private static void WriteSchema(StringBuilder yaml, ImportedProperty property, int indent, bool includeRequired)
        {
            void Line(string key, string value) => yaml.Append(' ', indent).Append(key).Append(": ").Append(value).Append('\n');

            void WriteExamples()
            {
                if (property.Examples.Count > 0)
                {
                    // Numbers and booleans as YAML reads them; text quoted, so "42" stays the text it was.
                    Line("examples", "[" + string.Join(", ", property.Examples.Select(e => property.Type is "integer" or "number" or "boolean" ? e : Quote(e))) + "]");
                }
            }

            if (property.Ref != null)
            {
                // Next to $ref the plan takes only description, required, nullable and csharpName.
                Line("$ref", Quote(property.Ref));
                if (property.Description != null)
                {
                    Line("description", Quote(property.Description));
                }

                if (includeRequired && property.Required)
                {
                    Line("required", "true");
                }

                WriteExamples();
                return;
            }

            Line("type", property.Type);
            if (property.CSharpName != null)
            {
                Line("csharpName", property.CSharpName);
            }

            if (property.Description != null)
            {
                Line("description", Quote(property.Description));
            }

            if (includeRequired && property.Required)
            {
                Line("required", "true");
            }

            if (property.Nullable)
            {
                Line("nullable", "true");
            }

            if (property.Values.Count > 0)
            {
                Line("values", "[" + string.Join(", ", property.Values.Select(v => property.ValueCSharpNames.TryGetValue(v, out string? name)
                    ? "{ value: " + Quote(v) + ", csharpName: " + name + " }"
                    : Quote(v))) + "]");
            }

            if (property.Pattern != null)
            {
                Line("pattern", Quote(property.Pattern));
            }

            if (property.Minimum != null)
            {
                Line("minimum", Number(property.Minimum.Value));
            }

            if (property.Maximum != null)
            {
                Line("maximum", Number(property.Maximum.Value));
            }

            if (property.MinLength != null)
            {
                Line("minLength", property.MinLength.Value.ToString(CultureInfo.InvariantCulture));
            }

            if (property.MaxLength != null)
            {
                Line("maxLength", property.MaxLength.Value.ToString(CultureInfo.InvariantCulture));
            }

            WriteExamples();
            if (property.Items != null)
            {
                yaml.Append(' ', indent).Append("items:\n");
                WriteSchema(yaml, property.Items, indent + 2, includeRequired: false);
            }

            if (property.Type == "object" && property.AdditionalProperties)
            {
                Line("additionalProperties", "true");
            }

            WriteProperties(yaml, "properties", property.Properties, indent);
        }

        /// <summary>A YAML double-quoted scalar: backslash escapes for quotes, backslashes and every control or line-break character.</summary>
        public static string Quote(string text)
        {
            var quoted = new StringBuilder(text.Length + 2).Append('"');
            foreach (char c in text)
            {
                switch (c)
                {
                    case '"': quoted.Append("\\\""); break;
                    case '\\': quoted.Append("\\\\"); break;
                    case '\n': quoted.Append("\\n"); break;
                    case '\r': quoted.Append("\\r"); break;
                    case '\t': quoted.Append("\\t"); break;
                    default:
                        if (char.IsControl(c) || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF')
                        {
                            quoted.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            quoted.Append(c);
                        }

                        break;
                }
            }

            return quoted.Append('"').ToString();
        }

        private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        private static string OneLine(string text) => new string(text.Select(c => char.IsControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c).ToArray());
    }
}
