using System.Collections.Generic;
using RipeTyped.Generator.Diagnostics;

namespace RipeTyped.Generator.Plan
{
    /// <summary>
    /// A tracking plan with the position of every name. <see cref="PlanReader"/> builds it as written (shape only);
    /// <see cref="PlanValidator"/> builds a new, validated one from it (sound items only, <c>$ref</c>s resolved) and never
    /// edits the one it reads. After that nobody writes to either: the generator, the analyzers and the CLI share them.
    /// </summary>
    internal sealed class TrackingPlan
    {
        public TrackingPlan(string filePath, PlanOptions? options = null)
        {
            FilePath = filePath;
            Options = options ?? new PlanOptions();
        }

        public string FilePath { get; }

        public PlanOptions Options { get; }

        /// <summary><c>planVersion</c>: the plan's own semantic version (not the file format's <c>version: 1</c>); null when not declared.</summary>
        public Named? PlanVersion { get; set; }

        /// <summary>A file's <c>owner</c>: the default owner of that file's calls (as read; calls carry their owner once merged).</summary>
        public Named? Owner { get; set; }

        /// <summary><c>sources</c>: the services (sources) that implement parts of the plan; calls may name only these.</summary>
        public List<Named> Sources { get; } = new List<Named>();

        public List<PropertyDefinition> Definitions { get; } = new List<PropertyDefinition>();

        public List<CallDefinition> Events { get; } = new List<CallDefinition>();

        public List<CallDefinition> Pages { get; } = new List<CallDefinition>();

        /// <summary><c>identify.traits</c>; null when the plan has no identify section.</summary>
        public CallDefinition? Identify { get; set; }

        /// <summary><c>group.traits</c>; null when the plan has no group section.</summary>
        public CallDefinition? Group { get; set; }
    }

    internal sealed class PlanOptions
    {
        public Named? Namespace { get; set; }

        public Named? ClassName { get; set; }

        /// <summary>Event naming convention: <c>title</c> (default), <c>sentence</c>, <c>snake</c>, <c>camel</c>, <c>pascal</c>, <c>kebab</c>, <c>any</c>.</summary>
        public Named? EventCase { get; set; }

        /// <summary>Where the past-tense verb goes: <c>verb-object</c> (default, "Clicked Button"), <c>object-verb</c> ("Button Clicked"), <c>any</c>.</summary>
        public Named? EventWordOrder { get; set; }

        /// <summary>Property naming convention: <c>snake</c> (default), <c>camel</c>, <c>pascal</c>, <c>kebab</c>, <c>title</c>, <c>any</c>.</summary>
        public Named? PropertyCase { get; set; }

        /// <summary><c>true</c> (default): the facade also gets an interface, <c>I{ClassName}</c>, for tests to substitute; <c>false</c>: none.</summary>
        public Named? FacadeInterface { get; set; }
    }

    /// <summary>A string value of the plan and where it stands.</summary>
    internal sealed record Named(string Value, SourceSpan Span)
    {
        /// <summary>For an enum value: the C# member name chosen in the plan (<c>csharpName</c>); null when derived.</summary>
        public Named? CSharpName { get; init; }
    }

    /// <summary>An event, a page, or the identify/group traits: a named call with properties.</summary>
    internal sealed class CallDefinition
    {
        public CallDefinition(string name, SourceSpan nameSpan)
        {
            Name = name;
            NameSpan = nameSpan;
        }

        public string Name { get; }

        public SourceSpan NameSpan { get; }

        public string? Description { get; set; }

        public bool Deprecated { get; set; }

        public string? DeprecationReason { get; set; }

        /// <summary><c>csharpName</c>: the C# name chosen in the plan (method <c>Track{name}</c>, class <c>{name}Properties</c>).</summary>
        public Named? CSharpName { get; set; }

        /// <summary><c>additionalProperties: true</c>: the call also accepts properties the plan does not list.</summary>
        public bool AdditionalProperties { get; set; }

        /// <summary><c>tags</c>: free labels (Segment's labels land here as <c>key:value</c>).</summary>
        public List<Named> Tags { get; } = new List<Named>();

        /// <summary><c>sources</c>: the services that implement this call; empty: every source.</summary>
        public List<Named> Sources { get; } = new List<Named>();

        /// <summary><c>owner</c> (or the file's): who reviews changes to this call; null when nobody is named.</summary>
        public Named? Owner { get; set; }

        /// <summary>True when the call belongs to <paramref name="source"/>: it names it, or names no source at all.</summary>
        public bool BelongsTo(string? source) =>
            source is null || Sources.Count == 0 || Sources.Exists(s => string.Equals(s.Value, source, System.StringComparison.Ordinal));

        public List<PropertyDefinition> Properties { get; } = new List<PropertyDefinition>();

        /// <summary><c>variants</c> (events only): property sets of the same wire event, each its own typed method.</summary>
        public List<VariantDefinition> Variants { get; } = new List<VariantDefinition>();
    }

    /// <summary>
    /// One variant of an event: the event's (common) properties plus its own, sent under the event's name by its own method
    /// (<c>Track{Event}{CSharpName}</c>); <see cref="When"/> says which value of a common property selects it.
    /// </summary>
    internal sealed class VariantDefinition
    {
        public VariantDefinition(Named csharpName)
        {
            CSharpName = csharpName;
        }

        /// <summary><c>csharpName</c>: the suffix of the variant's method and properties class; also its name in the plan.</summary>
        public Named CSharpName { get; }

        public string? Description { get; set; }

        public VariantCondition? When { get; set; }

        /// <summary>The variant's own properties, added to the event's.</summary>
        public List<PropertyDefinition> Properties { get; } = new List<PropertyDefinition>();
    }

    /// <summary><c>when: { property: value }</c> or <c>{ property: [values] }</c>: the values of one common property that select a variant.</summary>
    internal sealed class VariantCondition
    {
        public VariantCondition(Named property, bool isList)
        {
            Property = property;
            IsList = isList;
        }

        public Named Property { get; }

        /// <summary>Written as a list (<c>[a, b]</c>); a list of one value selects as a scalar does.</summary>
        public bool IsList { get; }

        public List<Named> Values { get; } = new List<Named>();

        /// <summary>One value: the variant's method sends it itself, the caller does not set the property.</summary>
        public bool IsFixed => Values.Count == 1;
    }

    internal sealed class PropertyDefinition
    {
        public PropertyDefinition(string name, SourceSpan nameSpan, PropertySchema schema)
        {
            Name = name;
            NameSpan = nameSpan;
            Schema = schema;
        }

        public string Name { get; }

        public SourceSpan NameSpan { get; }

        public PropertySchema Schema { get; }
    }

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

    /// <summary>The type and rules of one property (or array item, or shared definition).</summary>
    internal sealed class PropertySchema
    {
        public PropertySchema(SourceSpan span)
        {
            Span = span;
        }

        public SourceSpan Span { get; }

        public PropertyKind Kind { get; set; }

        public SourceSpan TypeSpan { get; set; } = SourceSpan.None;

        public string? Description { get; set; }

        /// <summary>Explicit <c>required</c>; null when not written (then the definition's, else false).</summary>
        public bool? Required { get; set; }

        /// <summary>Explicit <c>nullable</c>; null when not written (then the definition's, else false).</summary>
        public bool? Nullable { get; set; }

        public List<Named> EnumValues { get; } = new List<Named>();

        public PropertySchema? Items { get; set; }

        public List<PropertyDefinition> Properties { get; } = new List<PropertyDefinition>();

        public Named? Pattern { get; set; }

        public double? Minimum { get; set; }

        public double? Maximum { get; set; }

        public int? MinLength { get; set; }

        public int? MaxLength { get; set; }

        public SourceSpan ConstraintSpan { get; set; } = SourceSpan.None;

        /// <summary><c>csharpName</c>: the C# member (or, on a definition, type) name chosen in the plan.</summary>
        public Named? CSharpName { get; set; }

        /// <summary><c>additionalProperties: true</c> on an object: it also accepts members the plan does not list.</summary>
        public bool AdditionalProperties { get; set; }

        /// <summary><c>$ref</c>: the name of a shared definition this schema takes its type from.</summary>
        public Named? Ref { get; set; }

        /// <summary>The definition <see cref="Ref"/> resolves to; set only in a validated plan (null as read).</summary>
        public PropertyDefinition? ResolvedRef { get; set; }

        public bool IsRequired => Required ?? ResolvedRef?.Schema.Required ?? false;

        public bool IsNullable => Nullable ?? ResolvedRef?.Schema.Nullable ?? false;

        public string? EffectiveDescription => Description ?? ResolvedRef?.Schema.Description;

        /// <summary>The schema that holds the type: that of the definition at the end of the <c>$ref</c> chain, else this one.</summary>
        public PropertySchema TypeSource => FinalRef?.Schema ?? this;

        /// <summary>
        /// The definition at the end of this schema's <c>$ref</c> chain; null without a <c>$ref</c>. Computed once per schema
        /// and without recursion, so a hostile chain of n definitions costs O(n) in all and never deepens the stack.
        /// Read after validation (which cuts cycles); a cycle met anyway ends the chain where it closes.
        /// </summary>
        public PropertyDefinition? FinalRef
        {
            get
            {
                // One reference field, written whole: concurrent readers (analyzers share a loaded plan) at worst compute it twice.
                if (_finalRef is { } known)
                {
                    return known as PropertyDefinition;
                }

                // Most schemas have no $ref or one hop to a plain definition: no walk, no allocation.
                if (ResolvedRef is null || ResolvedRef.Schema.ResolvedRef is null)
                {
                    _finalRef = (object?)ResolvedRef ?? NoRef;
                    return ResolvedRef;
                }

                var walked = new List<PropertySchema>();
                var seen = new HashSet<PropertySchema>();
                PropertySchema current = this;
                PropertyDefinition? final = null;
                while (current._finalRef is null && current.ResolvedRef is { } next && seen.Add(current))
                {
                    walked.Add(current);
                    final = next;
                    current = next.Schema;
                }

                if (current._finalRef is PropertyDefinition further)
                {
                    final = further;
                }

                object memo = (object?)final ?? NoRef;
                foreach (var schema in walked)
                {
                    schema._finalRef = memo;
                }

                _finalRef = memo;
                return final;
            }
        }

        private static readonly object NoRef = new object();

        // Null: not computed yet; NoRef: no $ref; otherwise the PropertyDefinition at the chain's end.
        private object? _finalRef;
    }
}
