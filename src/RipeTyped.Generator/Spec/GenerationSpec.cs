using RipeTyped.Generator.Common;

namespace RipeTyped.Generator.Spec
{
    /// <summary>
    /// Everything the emitter needs, as value-equatable records: names are final C# identifiers, types are
    /// fully qualified. Equal specs mean equal output, so the incremental pipeline can skip emission.
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
        EquatableArray<OtherSourceCall> OtherSourceCalls = default);

    /// <summary>An event or page of other sources: what RIPE2005 tells a caller of <paramref name="MethodName"/> in this project.</summary>
    internal sealed record OtherSourceCall(string Kind, string WireName, string MethodName, string Sources);

    /// <summary>A facade method: a track of one event, a page, identify or group.</summary>
    /// <param name="WireName">The name sent to Ripe (event name or page name).</param>
    /// <param name="MethodName">The facade method's name.</param>
    /// <param name="PayloadType">The fully qualified properties/traits type, or null when the call has none.</param>
    /// <param name="PayloadRequired">True when the payload has required members (so the parameter is not optional).</param>
    internal sealed record CallSpec(
        string WireName,
        string MethodName,
        string? PayloadType,
        bool PayloadRequired,
        string? Description,
        string? ObsoleteMessage);

    internal abstract record TypeSpec(string Name, string? Description);

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
    }

    /// <param name="Role">What the type stands for, with <paramref name="Subject"/> (a plan or C# name, as plain text).</param>
    /// <param name="AdditionalPropertiesMember">For an open type (<c>additionalProperties: true</c>): the member that carries unlisted properties.</param>
    internal sealed record ObjectTypeSpec(
        string Name,
        string? Description,
        TypeRole Role,
        string Subject,
        EquatableArray<MemberSpec> Members,
        EquatableArray<TypeSpec> NestedTypes,
        string? AdditionalPropertiesMember) : TypeSpec(Name, Description);

    internal sealed record EnumTypeSpec(
        string Name,
        string? Description,
        string FullName,
        EquatableArray<EnumMemberSpec> Members) : TypeSpec(Name, Description);

    internal sealed record EnumMemberSpec(string Name, string WireValue);

    /// <summary>One C# property of a generated type.</summary>
    internal sealed record MemberSpec(
        string JsonName,
        string Name,
        ValueSpec Value,
        bool Required,
        string? Description);

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
    internal sealed record ValueSpec(
        ValueKind Kind,
        bool Nullable,
        string? TypeName,
        ValueSpec? Item,
        string? Pattern,
        double? Minimum,
        double? Maximum,
        int? MinLength,
        int? MaxLength)
    {
        public bool IsValueType => Kind is ValueKind.Integer or ValueKind.Number or ValueKind.Boolean or ValueKind.DateTime or ValueKind.Enum;

        public bool HasConstraints => Pattern != null || Minimum.HasValue || Maximum.HasValue || MinLength.HasValue || MaxLength.HasValue;
    }
}
