using System.Collections.Generic;
using System.Linq;

namespace RipeTyped.Generator.Plan
{
    /// <summary>
    /// Every key a tracking plan may hold, once, by the mapping it belongs in: adding a key is one declaration here (its
    /// reader puts the value in the stage record) plus the field it fills. Unknown-key messages, the keys allowed beside
    /// <c>$ref</c>, the keys a type does not take, and the JSON Schema test (schema/tracking-plan.schema.json) come from here.
    /// </summary>
    internal static class PlanKeys
    {
        // Before the tables: static fields initialize in declaration order.
        private static readonly PropertyKind[] Text = { PropertyKind.String };
        private static readonly PropertyKind[] Numbers = { PropertyKind.Integer, PropertyKind.Number };
        private const string TextOnly = "it applies to strings only";
        private const string NumbersOnly = "it applies to integers and numbers only";

        public static readonly PlanKey<TrackingPlan>[] Root =
        {
            new PlanKey<TrackingPlan>("version", (r, e, plan) => { r.CheckFormatVersion(e.Value); return plan; }),
            new PlanKey<TrackingPlan>("planVersion", (r, e, plan) => plan with { PlanVersion = r.ReadString(e.Value, "planVersion") }),
            new PlanKey<TrackingPlan>("owner", (r, e, plan) => plan with { Owner = r.ReadString(e.Value, "owner") }),
            new PlanKey<TrackingPlan>("sources", (r, e, plan) => plan with { Sources = r.ReadTags(e.Value, "the plan's sources") }),
            new PlanKey<TrackingPlan>("options", (r, e, plan) => plan with { Options = r.ReadMapping(e.Value, "options", "a mapping", Options!, PlanOptions.None) }),
            new PlanKey<TrackingPlan>("definitions", (r, e, plan) => plan with { Definitions = r.ReadPropertyMap(e.Value, "definitions") }),
            new PlanKey<TrackingPlan>("identify", (r, e, plan) => plan with { Identify = r.ReadTraits(e.Value, e.Key, "identify") }),
            new PlanKey<TrackingPlan>("group", (r, e, plan) => plan with { Group = r.ReadTraits(e.Value, e.Key, "group") }),
            new PlanKey<TrackingPlan>("pages", (r, e, plan) => plan with { Pages = r.ReadCalls(e.Value, "pages", "page", Page!) }),
            new PlanKey<TrackingPlan>("events", (r, e, plan) => plan with { Events = r.ReadCalls(e.Value, "events", "event", Event!) }),
        };

        public static readonly PlanKey<PlanOptions>[] Options =
        {
            new PlanKey<PlanOptions>("namespace", (r, e, o) => o with { Namespace = r.ReadString(e.Value, "options.namespace") }),
            new PlanKey<PlanOptions>("className", (r, e, o) => o with { ClassName = r.ReadString(e.Value, "options.className") }),
            new PlanKey<PlanOptions>("eventCase", (r, e, o) => o with { EventCase = r.ReadString(e.Value, "options.eventCase") }),
            new PlanKey<PlanOptions>("eventWordOrder", (r, e, o) => o with { EventWordOrder = r.ReadString(e.Value, "options.eventWordOrder") }),
            new PlanKey<PlanOptions>("propertyCase", (r, e, o) => o with { PropertyCase = r.ReadString(e.Value, "options.propertyCase") }),
            new PlanKey<PlanOptions>("facadeInterface", (r, e, o) => o with { FacadeInterface = r.ReadString(e.Value, "options.facadeInterface") }),
        };

        /// <summary>A page's keys (an event's are these and <c>variants</c>). Context: "event" or "page"; subject: its name.</summary>
        public static readonly PlanKey<CallDefinition>[] Page =
        {
            new PlanKey<CallDefinition>("name", (r, e, call) => call), // Read first: the call is created with it.
            new PlanKey<CallDefinition>("description", (r, e, call) => call with { Description = r.ReadString(e.Value, new What(e.Context, " description"))?.Value }),
            new PlanKey<CallDefinition>("deprecated", (r, e, call) => r.ReadDeprecated(e.Value, call)),
            new PlanKey<CallDefinition>("properties", (r, e, call) => call with { Properties = r.ReadPropertyMap(e.Value, $"properties of {e.Context} '{e.Subject}'") }),
            new PlanKey<CallDefinition>("csharpName", (r, e, call) => call with { CSharpName = r.ReadString(e.Value, new What(e.Context, " csharpName")) }),
            new PlanKey<CallDefinition>("additionalProperties", (r, e, call) => call with { AdditionalProperties = r.ReadBool(e.Value, new What(e.Context, " additionalProperties")) ?? false }),
            new PlanKey<CallDefinition>("tags", (r, e, call) => call with { Tags = r.ReadTags(e.Value, new What(e.Context, " tags")) }),
            new PlanKey<CallDefinition>("sources", (r, e, call) => call with { Sources = r.ReadTags(e.Value, new What(e.Context, " sources")) }),
            new PlanKey<CallDefinition>("owner", (r, e, call) => call with { Owner = r.ReadString(e.Value, new What(e.Context, " owner")) }),
        };

        /// <summary>An event's keys: a page's and <c>variants</c> (a page has no variants: it is RIPE0002 there).</summary>
        public static readonly PlanKey<CallDefinition>[] Event = Page.Concat(new[]
        {
            new PlanKey<CallDefinition>("variants", (r, e, call) => call with { Variants = r.ReadVariants(e.Value, e.Subject!) }),
        }).ToArray();

        /// <summary><c>identify</c> and <c>group</c>. Context: the section's name.</summary>
        public static readonly PlanKey<CallDefinition>[] Traits =
        {
            new PlanKey<CallDefinition>("description", (r, e, call) => call with { Description = r.ReadString(e.Value, new What(e.Context, ".description"))?.Value }),
            new PlanKey<CallDefinition>("traits", (r, e, call) => call with { Properties = r.ReadPropertyMap(e.Value, new What(e.Context, ".traits")) }),
            new PlanKey<CallDefinition>("additionalProperties", (r, e, call) => call with { AdditionalProperties = r.ReadBool(e.Value, new What(e.Context, ".additionalProperties")) ?? false }),
            new PlanKey<CallDefinition>("sources", (r, e, call) => call with { Sources = r.ReadTags(e.Value, new What(e.Context, " sources")) }),
            new PlanKey<CallDefinition>("owner", (r, e, call) => call with { Owner = r.ReadString(e.Value, new What(e.Context, ".owner")) }),
        };

        /// <summary>An event's variant. Context: "variant 'X' of event 'Y'".</summary>
        public static readonly PlanKey<VariantDefinition>[] Variant =
        {
            new PlanKey<VariantDefinition>("csharpName", (r, e, variant) => variant), // Read first: the variant is created with it.
            new PlanKey<VariantDefinition>("description", (r, e, variant) => variant with { Description = r.ReadString(e.Value, "variant description")?.Value }),
            new PlanKey<VariantDefinition>("when", (r, e, variant) => variant with { When = r.ReadCondition(e.Value, e.Context) }),
            new PlanKey<VariantDefinition>("properties", (r, e, variant) => variant with { Properties = r.ReadPropertyMap(e.Value, "properties of " + e.Context) }),
        };

        /// <summary>A property's (or item's, or definition's) keys. Context: the property's name.</summary>
        public static readonly PlanKey<PropertySchemaBuilder>[] Schema =
        {
            new PlanKey<PropertySchemaBuilder>("type", (r, e, s) => r.ReadType(e.Value, s, e.Context)),
            new PlanKey<PropertySchemaBuilder>("description", (r, e, s) => { s.Description = r.ReadString(e.Value, new What(e.Context, ".description"))?.Value; return s; }) { WithRef = true },
            new PlanKey<PropertySchemaBuilder>("required", (r, e, s) => { s.Required = r.ReadBool(e.Value, new What(e.Context, ".required")); return s; }) { WithRef = true },
            new PlanKey<PropertySchemaBuilder>("nullable", (r, e, s) => { s.Nullable = r.ReadBool(e.Value, new What(e.Context, ".nullable")); return s; }) { WithRef = true },
            new PlanKey<PropertySchemaBuilder>("values", (r, e, s) => { s.EnumValues = r.ReadEnumValues(e.Value, e.Context); return s; }) { OnlyFor = new[] { PropertyKind.Enum }, OnlyForReason = "only an enum has 'values'" },
            new PlanKey<PropertySchemaBuilder>("items", (r, e, s) => { s.Items = r.ReadSchema(e.Value, e.Context + "[]"); return s; }) { OnlyFor = new[] { PropertyKind.Array }, OnlyForReason = "only an array has 'items'" },
            new PlanKey<PropertySchemaBuilder>("properties", (r, e, s) => { s.Properties = r.ReadPropertyMap(e.Value, new What("properties of '", e.Context, "'")); return s; }) { OnlyFor = new[] { PropertyKind.Object }, OnlyForReason = "only an object has 'properties'" },
            new PlanKey<PropertySchemaBuilder>("pattern", (r, e, s) => { s.Pattern = r.ReadString(e.Value, new What(e.Context, ".pattern")); return s; }) { OnlyFor = Text, OnlyForReason = TextOnly, IsConstraint = true },
            new PlanKey<PropertySchemaBuilder>("minimum", (r, e, s) => { s.Minimum = r.ReadNumber(e.Value, new What(e.Context, ".minimum")); return s; }) { OnlyFor = Numbers, OnlyForReason = NumbersOnly, IsConstraint = true },
            new PlanKey<PropertySchemaBuilder>("maximum", (r, e, s) => { s.Maximum = r.ReadNumber(e.Value, new What(e.Context, ".maximum")); return s; }) { OnlyFor = Numbers, OnlyForReason = NumbersOnly, IsConstraint = true },
            new PlanKey<PropertySchemaBuilder>("minLength", (r, e, s) => { s.MinLength = r.ReadLength(e.Value, new What(e.Context, ".minLength")); return s; }) { OnlyFor = Text, OnlyForReason = TextOnly, IsConstraint = true },
            new PlanKey<PropertySchemaBuilder>("maxLength", (r, e, s) => { s.MaxLength = r.ReadLength(e.Value, new What(e.Context, ".maxLength")); return s; }) { OnlyFor = Text, OnlyForReason = TextOnly, IsConstraint = true },
            new PlanKey<PropertySchemaBuilder>("$ref", (r, e, s) => { s.Ref = r.ReadString(e.Value, new What(e.Context, ".$ref")); return s; }) { WithRef = true },
            new PlanKey<PropertySchemaBuilder>("csharpName", (r, e, s) => { s.CSharpName = r.ReadString(e.Value, new What(e.Context, ".csharpName")); return s; }) { WithRef = true },
            new PlanKey<PropertySchemaBuilder>("additionalProperties", (r, e, s) => { s.AdditionalProperties = r.ReadBool(e.Value, new What(e.Context, ".additionalProperties")) ?? false; return s; })
                { OnlyFor = new[] { PropertyKind.Object }, OnlyForReason = "only an object has 'additionalProperties'" },
            new PlanKey<PropertySchemaBuilder>("examples", (r, e, s) => { s.Examples = r.ReadExamples(e.Value, new What(e.Context, ".examples")); return s; }) { WithRef = true },
        };

        /// <summary><c>- { value: "Pro ", csharpName: ProTrailing }</c>: an enum value with its C# member name. Context: the enum's name.</summary>
        public static readonly PlanKey<Named>[] EnumValue =
        {
            new PlanKey<Named>("value", (r, e, value) => r.ReadString(e.Value, new What(e.Context, ".values[].value")) is { } read ? read with { CSharpName = value.CSharpName } : value),
            new PlanKey<Named>("csharpName", (r, e, value) => value with { CSharpName = r.ReadString(e.Value, new What(e.Context, ".values[].csharpName")) }),
        };

        public static string[] Names<T>(IEnumerable<PlanKey<T>> keys) => keys.Select(k => k.Name).ToArray();
    }
}
