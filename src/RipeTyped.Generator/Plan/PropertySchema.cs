using RipeTyped.Generator.Common;
using RipeTyped.Generator.Diagnostics;

namespace RipeTyped.Generator.Plan
{
    /// <summary>A property (or trait, or shared definition) by name, with its schema.</summary>
    internal sealed record PropertyDefinition(string Name, SourceSpan NameSpan, PropertySchema Schema);

    internal enum PropertyKind
    {
        Unknown,
        String,
        Integer,
        Number,
        Boolean,
        DateTime,
        Enum,
        Array,
        Object,
        Any,
    }

    /// <summary>
    /// The type and rules of one property (or array item, or shared definition). A <c>$ref</c> is kept by name: the
    /// definition it means is the validated plan's to say (<see cref="ValidatedPlan.TypeSource"/>), so schemas stay values
    /// even where definitions refer to each other.
    /// </summary>
    internal sealed record PropertySchema(SourceSpan Span)
    {
        public PropertyKind Kind { get; init; }

        public SourceSpan TypeSpan { get; init; } = SourceSpan.None;

        public string? Description { get; init; }

        /// <summary>Explicit <c>required</c>; null when not written (then the definition's, else false).</summary>
        public bool? Required { get; init; }

        /// <summary>Explicit <c>nullable</c>; null when not written (then the definition's, else false).</summary>
        public bool? Nullable { get; init; }

        public EquatableArray<Named> EnumValues { get; init; } = EquatableArray<Named>.Empty;

        public PropertySchema? Items { get; init; }

        public EquatableArray<PropertyDefinition> Properties { get; init; } = EquatableArray<PropertyDefinition>.Empty;

        public Named? Pattern { get; init; }

        public double? Minimum { get; init; }

        public double? Maximum { get; init; }

        public int? MinLength { get; init; }

        public int? MaxLength { get; init; }

        /// <summary>Where the first constraint key stands (the place to report a contradiction between constraints).</summary>
        public SourceSpan ConstraintSpan { get; init; } = SourceSpan.None;

        /// <summary><c>csharpName</c>: the C# member (or, on a definition, type) name chosen in the plan.</summary>
        public Named? CSharpName { get; init; }

        /// <summary><c>additionalProperties: true</c> on an object: it also accepts members the plan does not list.</summary>
        public bool AdditionalProperties { get; init; }

        /// <summary><c>$ref</c>: the name of a shared definition this schema takes its type from.</summary>
        public Named? Ref { get; init; }

        /// <summary><c>examples</c>: sample values, as written, for the docs (XML docs, catalog) and reviews (<c>diff</c>).</summary>
        public EquatableArray<Named> Examples { get; init; } = EquatableArray<Named>.Empty;
    }
    /// <summary>
    /// A <see cref="PropertySchema"/> while its keys are read: the key readers set its fields, and the record is created once
    /// at the end (one allocation per schema instead of a <c>with</c> copy per key). The reader reuses one per nesting level.
    /// </summary>
    internal sealed class PropertySchemaBuilder
    {
        public SourceSpan Span;
        public PropertyKind Kind;
        public SourceSpan TypeSpan;
        public string? Description;
        public bool? Required;
        public bool? Nullable;
        public EquatableArray<Named> EnumValues;
        public PropertySchema? Items;
        public EquatableArray<PropertyDefinition> Properties;
        public Named? Pattern;
        public double? Minimum;
        public double? Maximum;
        public int? MinLength;
        public int? MaxLength;
        public SourceSpan ConstraintSpan;
        public Named? CSharpName;
        public bool AdditionalProperties;
        public Named? Ref;
        public EquatableArray<Named> Examples;

        /// <summary>The keys read so far, in document order, by their index in <see cref="PlanKeys.Schema"/>, and where each stands.</summary>
        public readonly System.Collections.Generic.List<(int Key, YamlScalar At)> Present = new System.Collections.Generic.List<(int Key, YamlScalar At)>();

        public PropertySchemaBuilder Reset(SourceSpan span)
        {
            Span = span;
            Kind = PropertyKind.Unknown;
            TypeSpan = SourceSpan.None;
            Description = null;
            Required = null;
            Nullable = null;
            EnumValues = EquatableArray<Named>.Empty;
            Items = null;
            Properties = EquatableArray<PropertyDefinition>.Empty;
            Pattern = null;
            Minimum = null;
            Maximum = null;
            MinLength = null;
            MaxLength = null;
            ConstraintSpan = SourceSpan.None;
            CSharpName = null;
            AdditionalProperties = false;
            Ref = null;
            Examples = EquatableArray<Named>.Empty;
            Present.Clear();
            return this;
        }

        public PropertySchema ToSchema() =>
            new PropertySchema(Span)
            {
                Kind = Kind,
                TypeSpan = TypeSpan,
                Description = Description,
                Required = Required,
                Nullable = Nullable,
                EnumValues = EnumValues,
                Items = Items,
                Properties = Properties,
                Pattern = Pattern,
                Minimum = Minimum,
                Maximum = Maximum,
                MinLength = MinLength,
                MaxLength = MaxLength,
                ConstraintSpan = ConstraintSpan,
                CSharpName = CSharpName,
                AdditionalProperties = AdditionalProperties,
                Ref = Ref,
                Examples = Examples,
            };
    }
}
