using RipeTyped.Generator.Common;
using RipeTyped.Generator.Diagnostics;

namespace RipeTyped.Generator.Plan
{
    /// <summary>
    /// A tracking plan as written, with the position of every name: what <see cref="PlanReader"/> reads from one file and
    /// <see cref="PlanMerger"/> pools from several. Immutable, as every stage after it: <see cref="PlanValidator"/> derives
    /// the validated plan from it with <c>with</c>, so a field added here flows through unless a stage means to change it.
    /// </summary>
    internal sealed record TrackingPlan(string FilePath)
    {
        /// <summary>The options as written (strings with positions); <see cref="ValidatedPlan.Settings"/> holds them parsed.</summary>
        public PlanOptions Options { get; init; } = PlanOptions.None;

        /// <summary><c>planVersion</c>: the plan's own semantic version (not the file format's <c>version: 1</c>); null when not declared.</summary>
        public Named? PlanVersion { get; init; }

        /// <summary>A file's <c>owner</c>: the default owner of that file's calls (as read; calls carry their owner once read).</summary>
        public Named? Owner { get; init; }

        /// <summary><c>sources</c>: the services (sources) that implement parts of the plan; calls may name only these.</summary>
        public EquatableArray<Named> Sources { get; init; } = EquatableArray<Named>.Empty;

        public EquatableArray<PropertyDefinition> Definitions { get; init; } = EquatableArray<PropertyDefinition>.Empty;

        public EquatableArray<CallDefinition> Events { get; init; } = EquatableArray<CallDefinition>.Empty;

        public EquatableArray<CallDefinition> Pages { get; init; } = EquatableArray<CallDefinition>.Empty;

        /// <summary><c>identify.traits</c>; null when the plan has no identify section.</summary>
        public CallDefinition? Identify { get; init; }

        /// <summary><c>group.traits</c>; null when the plan has no group section.</summary>
        public CallDefinition? Group { get; init; }
    }

    /// <summary>The <c>options</c> section as written: each value with its position, unparsed (see <see cref="PlanSettings"/>).</summary>
    internal sealed record PlanOptions
    {
        public static readonly PlanOptions None = new PlanOptions();

        public Named? Namespace { get; init; }

        public Named? ClassName { get; init; }

        /// <summary>Event naming convention: <c>title</c> (default), <c>sentence</c>, <c>snake</c>, <c>camel</c>, <c>pascal</c>, <c>kebab</c>, <c>any</c>.</summary>
        public Named? EventCase { get; init; }

        /// <summary>Where the past-tense verb goes: <c>verb-object</c> (default, "Clicked Button"), <c>object-verb</c> ("Button Clicked"), <c>any</c>.</summary>
        public Named? EventWordOrder { get; init; }

        /// <summary>Property naming convention: <c>snake</c> (default), <c>camel</c>, <c>pascal</c>, <c>kebab</c>, <c>title</c>, <c>any</c>.</summary>
        public Named? PropertyCase { get; init; }

        /// <summary><c>true</c> (default): the facade also gets an interface, <c>I{ClassName}</c>, for tests to substitute; <c>false</c>: none.</summary>
        public Named? FacadeInterface { get; init; }
    }

    /// <summary>A string value of the plan and where it stands.</summary>
    internal sealed record Named(string Value, SourceSpan Span)
    {
        /// <summary>For an enum value: the C# member name chosen in the plan (<c>csharpName</c>); null when derived.</summary>
        public Named? CSharpName { get; init; }
    }
}
