using RipeTyped.Generator.Common;

namespace RipeTyped.Generator.Spec
{
    /// <summary>
    /// Everything the emitter needs, as value-equatable records: names are final C# identifiers, types are
    /// <see cref="GeneratedTypeRef"/> values. Equal specs mean equal output, so the incremental pipeline can skip emission.
    /// </summary>
    /// <param name="InterfaceName">The facade's interface (<c>I{ClassName}</c>), or null when the plan turns it off.</param>
    /// <param name="PlanVersion">The plan's <c>planVersion</c>, emitted as a constant; null when not declared.</param>
    /// <param name="OtherSourceCalls">Calls the plan gives only to other sources than the project's: not generated here.</param>
    internal sealed record GenerationSpec(
        string Namespace,
        string ClassName,
        string WireValuesClassName,
        EquatableArray<TypeSpec> Types,
        EquatableArray<CallSpec> Events,
        EquatableArray<CallSpec> Pages,
        CallSpec Identify,
        CallSpec Group,
        string? InterfaceName,
        string? PlanVersion = null,
        string? Source = null,
        EquatableArray<OtherSourceCall> OtherSourceCalls = default,
        EquatableArray<CallName> EventNames = default,
        EquatableArray<CallName> PageNames = default);

    /// <summary>
    /// One event or page of the whole plan (every source's) as a constant of <c>{ClassName}.EventNames</c>/<c>PageNames</c>.
    /// </summary>
    /// <param name="ConstName">The constant's name (the call's C# base name: <c>TrackClickedButton</c> → <c>ClickedButton</c>).</param>
    /// <param name="Sources">The sources that implement it; empty: every source.</param>
    internal sealed record CallName(string ConstName, string WireName, string? Description, EquatableArray<string> Sources);

    /// <summary>How a facade method gets the payload it sends.</summary>
    internal enum PayloadMode
    {
        /// <summary>The caller passes it (required when <see cref="CallSpec.PayloadRequired"/>, else optional and null-able).</summary>
        Parameter,

        /// <summary>An optional parameter; null sends a new, empty payload (a variant's payload always sends its fixed values).</summary>
        ParameterOrNew,

        /// <summary>No parameter: the payload has nothing to set (only fixed values), the method sends a new one.</summary>
        New,
    }

    /// <summary>An event or page of other sources: what RIPE2005 tells a caller of <paramref name="MethodName"/> in this project.</summary>
    internal sealed record OtherSourceCall(string Kind, string WireName, string MethodName, string Sources);

    /// <summary>A facade method: a track of one event, a page, identify or group.</summary>
    /// <param name="WireName">The name sent to Ripe (event name or page name).</param>
    /// <param name="MethodName">The facade method's name.</param>
    /// <param name="PayloadType">The properties/traits type, or null when the call has none.</param>
    /// <param name="PayloadRequired">True when the payload has required members (so the parameter is not optional).</param>
    /// <param name="Variant">For a variant's method: its <c>csharpName</c> (the wire name stays the event's); null otherwise.</param>
    /// <param name="Variants">An event's variants' methods, emitted after the event's own.</param>
    internal sealed record CallSpec(
        string WireName,
        string MethodName,
        GeneratedTypeRef? PayloadType,
        bool PayloadRequired,
        string? Description,
        string? ObsoleteMessage,
        string? Variant = null,
        EquatableArray<CallSpec> Variants = default,
        PayloadMode PayloadMode = PayloadMode.Parameter);

    /// <summary>A generated type; <see cref="Type"/> says where it is declared.</summary>
    internal abstract record TypeSpec(GeneratedTypeRef Type, string? Description)
    {
        public string Name => Type.Name;
    }

    /// <summary>What a generated object type stands for in the plan; the emitter words its fallback doc comment from it.</summary>
    internal enum TypeRole
    {
        /// <summary>A shared object of <c>definitions</c>; the subject is its plan name.</summary>
        Definition,

        /// <summary>An event's properties; the subject is the event name.</summary>
        EventProperties,

        /// <summary>A page's properties; the subject is the page name.</summary>
        PageProperties,

        /// <summary><c>identify.traits</c>.</summary>
        UserTraits,

        /// <summary><c>group.traits</c>.</summary>
        GroupTraits,

        /// <summary>An object nested in a property; the subject is the property's C# name.</summary>
        NestedValue,

        /// <summary>A variant's properties (the event's and its own); the subject is the event name, the variant its <c>csharpName</c>.</summary>
        VariantProperties,
    }

    /// <param name="Role">What the type stands for, with <paramref name="Subject"/> (a plan or C# name, as plain text).</param>
    /// <param name="AdditionalPropertiesMember">For an open type (<c>additionalProperties: true</c>): the member that carries unlisted properties.</param>
    /// <param name="Variant">For <see cref="TypeRole.VariantProperties"/>: the variant's <c>csharpName</c>.</param>
    /// <param name="Patterns">The type's regex fields, one per distinct pattern its members check (see <see cref="PatternFields"/>).</param>
    internal sealed record ObjectTypeSpec(
        GeneratedTypeRef Type,
        string? Description,
        TypeRole Role,
        string Subject,
        EquatableArray<MemberSpec> Members,
        EquatableArray<TypeSpec> NestedTypes,
        string? AdditionalPropertiesMember,
        string? Variant = null,
        EquatableArray<PatternFieldSpec> Patterns = default) : TypeSpec(Type, Description);

    /// <summary>A private static field of a generated type holding the compiled regex of one pattern.</summary>
    internal sealed record PatternFieldSpec(string Field, string Pattern);

    internal sealed record EnumTypeSpec(
        GeneratedTypeRef Type,
        string? Description,
        EquatableArray<EnumMemberSpec> Members) : TypeSpec(Type, Description);

    internal sealed record EnumMemberSpec(string Name, string WireValue);

    /// <summary>One C# property of a generated type.</summary>
    /// <param name="Fixed">
    /// A value the type always sends (a variant's <c>when</c> of one value), as plan text normalized for its kind (an
    /// integer's or number's invariant digits, <c>true</c>/<c>false</c>, a string or enum value's wire text): no C#
    /// property is declared for it and nothing is checked.
    /// </param>
    internal sealed record MemberSpec(
        string JsonName,
        string Name,
        ValueSpec Value,
        bool Required,
        string? Description,
        string? Fixed = null)
    {
        /// <summary>The plan's <c>examples</c> of the value, as written, for the member's XML docs.</summary>
        public EquatableArray<string> Examples { get; init; }
    }

    internal enum ValueKind
    {
        String,
        Integer,
        Number,
        Boolean,
        DateTime,
        Enum,
        Object,
        Array,
        Any,
    }

    /// <summary>A value's C# type and its rules; <see cref="Item"/> is set for arrays.</summary>
    /// <param name="Type">For an enum or object: the generated type; null for the other kinds.</param>
    /// <param name="WireValues">For an enum: the plan's strings for its values, in the order of the C# enum's members.</param>
    /// <param name="PatternField">With <paramref name="Pattern"/>: the field of the declaring type that holds its regex.</param>
    internal sealed record ValueSpec(
        ValueKind Kind,
        bool Nullable,
        GeneratedTypeRef? Type,
        ValueSpec? Item,
        string? Pattern,
        double? Minimum,
        double? Maximum,
        int? MinLength,
        int? MaxLength,
        EquatableArray<string> WireValues = default,
        string? PatternField = null)
    {
        public bool IsValueType => Kind is ValueKind.Integer or ValueKind.Number or ValueKind.Boolean or ValueKind.DateTime or ValueKind.Enum;

        public bool HasConstraints => Pattern != null || Minimum.HasValue || Maximum.HasValue || MinLength.HasValue || MaxLength.HasValue;
    }
}
