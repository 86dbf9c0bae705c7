using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace RipeTyped.Cli.Import.Rudder
{
    /// <summary>
    /// A discriminator case's <c>match</c> values as a variant's <c>when</c>, kept only where the plan can select by them
    /// (docs/tracking-plan.md, RIPE0023): of the discriminator's type, one of its enum values, and claimed by no earlier
    /// case of the event. Every value left out is reported, so a variant never fails the build it was imported into.
    /// </summary>
    internal sealed class RudderMatchValues
    {
        private readonly ImportedPlan _plan;
        private readonly ImportedProperty _discriminator;
        private readonly HashSet<string> _claimed = new HashSet<string>(StringComparer.Ordinal);

        public RudderMatchValues(ImportedPlan plan, ImportedProperty discriminator)
        {
            _plan = plan;
            _discriminator = discriminator;
        }

        /// <summary>The discriminator's type is one a plan selects variants by.</summary>
        public static bool CanSelect(ImportedProperty property) => property.Type is "enum" or "string" or "integer" or "number" or "boolean";

        public void Read(JsonElement? match, ImportedVariant variant, string path)
        {
            if (match is not { ValueKind: JsonValueKind.Array } values)
            {
                return;
            }

            int index = 0;
            foreach (var value in values.EnumerateArray())
            {
                string at = JsonPath.Index(path, index++);
                object? scalar = Scalar(value);
                string? why = scalar is null ? "is not a value of the discriminator's type"
                    : _discriminator.Type == "enum" && !_discriminator.Values.Contains((string)scalar) ? $"is not one of the values of '{_discriminator.Name}'"
                    : !_claimed.Add(Convert.ToString(scalar, CultureInfo.InvariantCulture)!) ? "already selects an earlier case"
                    : null;
                if (why is null)
                {
                    variant.WhenValues.Add(scalar!);
                }
                else
                {
                    _plan.Report(at, $"match value {value.GetRawText()} {why}; left out of the variant's when");
                }
            }
        }

        /// <summary>The value as the discriminator's type takes it, or null when it is of another type.</summary>
        private object? Scalar(JsonElement value) => (_discriminator.Type, value.ValueKind) switch
        {
            ("enum" or "string", JsonValueKind.String) => value.GetString(),
            ("integer", JsonValueKind.Number) when value.TryGetInt64(out long integer) => integer,
            ("number", JsonValueKind.Number) => value.GetDouble(),
            ("boolean", JsonValueKind.True) => true,
            ("boolean", JsonValueKind.False) => false,
            _ => null,
        };
    }
}
