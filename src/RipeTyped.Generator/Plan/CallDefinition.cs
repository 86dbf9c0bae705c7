using System.Linq;
using RipeTyped.Generator.Common;
using RipeTyped.Generator.Diagnostics;

namespace RipeTyped.Generator.Plan
{
    /// <summary>An event, a page, or the identify/group traits: a named call with properties.</summary>
    internal sealed record CallDefinition(string Name, SourceSpan NameSpan)
    {
        public string? Description { get; init; }

        public bool Deprecated { get; init; }

        public string? DeprecationReason { get; init; }

        /// <summary><c>csharpName</c>: the C# name chosen in the plan (method <c>Track{name}</c>, class <c>{name}Properties</c>).</summary>
        public Named? CSharpName { get; init; }

        /// <summary><c>additionalProperties: true</c>: the call also accepts properties the plan does not list.</summary>
        public bool AdditionalProperties { get; init; }

        /// <summary><c>tags</c>: free labels (Segment's labels land here as <c>key:value</c>).</summary>
        public EquatableArray<Named> Tags { get; init; } = EquatableArray<Named>.Empty;

        /// <summary><c>sources</c>: the services that implement this call; empty: every source.</summary>
        public EquatableArray<Named> Sources { get; init; } = EquatableArray<Named>.Empty;

        /// <summary><c>owner</c> (or the file's): who reviews changes to this call; null when nobody is named.</summary>
        public Named? Owner { get; init; }

        public EquatableArray<PropertyDefinition> Properties { get; init; } = EquatableArray<PropertyDefinition>.Empty;

        /// <summary><c>variants</c> (events only): property sets of the same wire event, each its own typed method.</summary>
        public EquatableArray<VariantDefinition> Variants { get; init; } = EquatableArray<VariantDefinition>.Empty;

        /// <summary>True when the call belongs to <paramref name="source"/>: it names it, or names no source at all.</summary>
        public bool BelongsTo(string? source) =>
            source is null || Sources.IsEmpty || Sources.Any(s => string.Equals(s.Value, source, System.StringComparison.Ordinal));
    }

    /// <summary>
    /// One variant of an event: the event's (common) properties plus its own, sent under the event's name by its own method
    /// (<c>Track{Event}{CSharpName}</c>); <see cref="When"/> says which value of a common property selects it.
    /// </summary>
    /// <param name="CSharpName"><c>csharpName</c>: the suffix of the variant's method and properties class; also its name in the plan.</param>
    internal sealed record VariantDefinition(Named CSharpName)
    {
        public string? Description { get; init; }

        public VariantCondition? When { get; init; }

        /// <summary>The variant's own properties, added to the event's.</summary>
        public EquatableArray<PropertyDefinition> Properties { get; init; } = EquatableArray<PropertyDefinition>.Empty;
    }

    /// <summary><c>when: { property: value }</c> or <c>{ property: [values] }</c>: the values of one common property that select a variant.</summary>
    /// <param name="IsList">Written as a list (<c>[a, b]</c>); a list of one value selects as a scalar does.</param>
    internal sealed record VariantCondition(Named Property, bool IsList, EquatableArray<Named> Values)
    {
        /// <summary>One value: the variant's method sends it itself, the caller does not set the property.</summary>
        public bool IsFixed => Values.Count == 1;
    }
}
