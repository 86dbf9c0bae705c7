using System.Collections.Generic;
using RipeTyped.Generator.Common;

namespace RipeTyped.Generator.Plan
{
    /// <summary>
    /// The plan after <see cref="PlanValidator"/>: only sound items (as <see cref="Content"/>, a <see cref="TrackingPlan"/>
    /// derived from the one read), the options parsed (<see cref="Settings"/>), and every <c>$ref</c> known to name a
    /// definition, with no cycle. The spec builder, the linter, the analyzers and the CLI read this stage only.
    /// </summary>
    internal sealed class ValidatedPlan
    {
        private readonly Dictionary<string, PropertyDefinition> _definitions;

        // The definition at the end of each definition's $ref chain, computed once by the validator (O(n) for n definitions).
        private readonly Dictionary<string, PropertyDefinition> _chainEnds;

        public ValidatedPlan(TrackingPlan content, PlanSettings settings, Dictionary<string, PropertyDefinition> definitions, Dictionary<string, PropertyDefinition> chainEnds)
        {
            Content = content;
            Settings = settings;
            _definitions = definitions;
            _chainEnds = chainEnds;
        }

        /// <summary>A plan with nothing in it: what a file that cannot be read at all yields.</summary>
        public static ValidatedPlan Empty(string filePath) =>
            new ValidatedPlan(new TrackingPlan(filePath), PlanSettings.Default, new Dictionary<string, PropertyDefinition>(), new Dictionary<string, PropertyDefinition>());

        public TrackingPlan Content { get; }

        public PlanSettings Settings { get; }

        public string FilePath => Content.FilePath;

        /// <summary>A valid semantic version, or null.</summary>
        public Named? PlanVersion => Content.PlanVersion;

        public EquatableArray<Named> Sources => Content.Sources;

        public EquatableArray<PropertyDefinition> Definitions => Content.Definitions;

        public EquatableArray<CallDefinition> Events => Content.Events;

        public EquatableArray<CallDefinition> Pages => Content.Pages;

        public CallDefinition? Identify => Content.Identify;

        public CallDefinition? Group => Content.Group;

        /// <summary>The definition a schema's <c>$ref</c> names directly; null without a <c>$ref</c>.</summary>
        public PropertyDefinition? DirectRef(PropertySchema schema) =>
            schema.Ref is { } reference && _definitions.TryGetValue(reference.Value, out var definition) ? definition : null;

        /// <summary>The definition at the end of the schema's <c>$ref</c> chain; null without a <c>$ref</c>.</summary>
        public PropertyDefinition? FinalRef(PropertySchema schema) =>
            schema.Ref is { } reference && _chainEnds.TryGetValue(reference.Value, out var definition) ? definition : null;

        /// <summary>The schema that holds the type: that of the definition at the end of the <c>$ref</c> chain, else this one.</summary>
        public PropertySchema TypeSource(PropertySchema schema) => FinalRef(schema)?.Schema ?? schema;

        /// <summary>Explicit <c>required</c>, else the referenced definition's, else false.</summary>
        public bool IsRequired(PropertySchema schema) => schema.Required ?? DirectRef(schema)?.Schema.Required ?? false;

        /// <summary>Explicit <c>nullable</c>, else the referenced definition's, else false.</summary>
        public bool IsNullable(PropertySchema schema) => schema.Nullable ?? DirectRef(schema)?.Schema.Nullable ?? false;

        /// <summary>The schema's description, else the referenced definition's.</summary>
        public string? DescriptionOf(PropertySchema schema) => schema.Description ?? DirectRef(schema)?.Schema.Description;

        /// <summary>The schema's examples, else the referenced definition's.</summary>
        public EquatableArray<Named> ExamplesOf(PropertySchema schema) =>
            schema.Examples.IsEmpty && DirectRef(schema) is { } definition ? definition.Schema.Examples : schema.Examples;
    }
}
