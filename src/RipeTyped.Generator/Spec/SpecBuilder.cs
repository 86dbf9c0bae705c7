using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RipeTyped.Generator.Common;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Naming;
using RipeTyped.Generator.Plan;

namespace RipeTyped.Generator.Spec
{
    /// <summary>
    /// Maps a validated plan to C# names and types. Every name collision is reported (RIPE0008) and the later
    /// item is left out, so the emitted code always compiles.
    /// </summary>
    internal sealed class SpecBuilder
    {
        public const string DefaultClassName = "RipeAnalytics";
        public const string FallbackNamespace = "RipeTyped.Generated";

        private static readonly string[] ObjectMembers = { "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize" };

        private readonly TrackingPlan _plan;
        private readonly List<PlanDiagnostic> _diagnostics;
        private readonly string _namespace;
        private readonly NameScope _namespaceScope;
        private readonly NameScope _facadeScope;
        private readonly List<TypeSpec> _types = new List<TypeSpec>();

        // Full C# names of the types generated for enum/object definitions; absent when the definition produced none.
        private readonly Dictionary<PropertyDefinition, string> _definitionTypes = new Dictionary<PropertyDefinition, string>();

        private SpecBuilder(TrackingPlan plan, string defaultNamespace, List<PlanDiagnostic> diagnostics)
        {
            _plan = plan;
            _diagnostics = diagnostics;
            _namespace = plan.Options.Namespace is { } ns && IdentifierNaming.IsValidNamespace(ns.Value)
                ? ns.Value
                : (IdentifierNaming.IsValidNamespace(defaultNamespace) ? defaultNamespace : FallbackNamespace);
            ClassName = plan.Options.ClassName is { } cls && IdentifierNaming.IsValidIdentifier(cls.Value) ? cls.Value : DefaultClassName;
            _namespaceScope = new NameScope(ClassName);
            WireValuesClassName = _namespaceScope.TakeUnique(ClassName + "WireValues");
            _facadeScope = new NameScope(new[] { ClassName, "Identify", "Group", "Client", "FlushAsync" }.Concat(ObjectMembers).ToArray());
        }

        private string ClassName { get; }

        private string WireValuesClassName { get; }

        public static GenerationSpec Build(TrackingPlan plan, string defaultNamespace, List<PlanDiagnostic> diagnostics) =>
            new SpecBuilder(plan, defaultNamespace, diagnostics).Build();

        private GenerationSpec Build()
        {
            foreach (var definition in _plan.Definitions)
            {
                AddDefinitionType(definition);
            }

            CallSpec identify = BuildTraits(_plan.Identify, "UserTraits", "Identify", "Traits of the identified user, from <c>identify.traits</c> in the tracking plan.");
            CallSpec group = BuildTraits(_plan.Group, "GroupTraits", "Group", "Traits of the group (company, workspace or account), from <c>group.traits</c> in the tracking plan.");
            var events = _plan.Events.Select(e => BuildCall(e, "event", "Track", "Properties")).Where(c => c != null).Select(c => c!).ToEquatableArray();
            var pages = _plan.Pages.Select(p => BuildCall(p, "page", "Page", "PageProperties")).Where(c => c != null).Select(c => c!).ToEquatableArray();
            return new GenerationSpec(_namespace, ClassName, WireValuesClassName, _types.ToEquatableArray(), events, pages, identify, group);
        }

        private void AddDefinitionType(PropertyDefinition definition)
        {
            PropertySchema schema = definition.Schema;
            if (schema.Ref != null || (schema.Kind != PropertyKind.Enum && schema.Kind != PropertyKind.Object))
            {
                return;
            }

            string name = IdentifierNaming.ToPascalCase(definition.Name);
            if (!TakeOrReport(_namespaceScope, name, "Definition", definition.Name, definition.NameSpan))
            {
                return;
            }

            string fullName = Qualify(name);
            _definitionTypes[definition] = fullName;
            _types.Add(schema.Kind == PropertyKind.Enum
                ? BuildEnum(name, fullName, schema.Description, schema)
                : BuildObject(name, fullName, schema.Description, $"The shared <c>{Xml(definition.Name)}</c> object of the tracking plan.", schema.Properties));
        }

        private CallSpec BuildTraits(CallDefinition? traits, string typeName, string methodName, string summary)
        {
            if (traits is null || traits.Properties.Count == 0)
            {
                return new CallSpec(methodName, methodName, null, false, traits?.Description, null);
            }

            if (!TakeOrReport(_namespaceScope, typeName, "Traits type of", traits.Name, traits.NameSpan))
            {
                return new CallSpec(methodName, methodName, null, false, traits.Description, null);
            }

            var type = BuildObject(typeName, Qualify(typeName), traits.Description, summary, traits.Properties);
            _types.Add(type);
            return new CallSpec(methodName, methodName, Qualify(typeName), type.Members.Any(m => m.Required), traits.Description, null);
        }

        private CallSpec? BuildCall(CallDefinition call, string what, string methodPrefix, string typeSuffix)
        {
            string baseName = IdentifierNaming.ToPascalCase(call.Name).TrimStart('@');
            string methodName = methodPrefix + baseName;
            string typeName = baseName + typeSuffix;
            bool hasPayload = call.Properties.Count > 0;
            string capitalized = char.ToUpperInvariant(what[0]) + what.Substring(1);
            if (hasPayload && _namespaceScope.IsTaken(typeName))
            {
                TakeOrReport(_namespaceScope, typeName, capitalized, call.Name, call.NameSpan);
                return null;
            }

            if (!TakeOrReport(_facadeScope, methodName, capitalized, call.Name, call.NameSpan))
            {
                return null;
            }

            string? obsolete = call.Deprecated ? (call.DeprecationReason ?? $"The {what} '{call.Name}' is deprecated in the tracking plan.") : null;
            if (!hasPayload)
            {
                return new CallSpec(call.Name, methodName, null, false, call.Description, obsolete);
            }

            _namespaceScope.TryTake(typeName, call.Name, call.NameSpan.DisplayLine, out _);
            var type = BuildObject(typeName, Qualify(typeName), call.Description, $"Properties of the <c>{Xml(call.Name)}</c> {what}.", call.Properties);
            _types.Add(type);
            return new CallSpec(call.Name, methodName, Qualify(typeName), type.Members.Any(m => m.Required), call.Description, obsolete);
        }

        private ObjectTypeSpec BuildObject(string name, string fullName, string? description, string summary, List<PropertyDefinition> properties)
        {
            var scope = new NameScope(new[] { name }.Concat(ObjectMembers).ToArray());
            var named = new List<(PropertyDefinition Property, string MemberName)>();
            foreach (var property in properties)
            {
                string memberName = IdentifierNaming.ToPascalCase(property.Name);
                if (memberName == name || ObjectMembers.Contains(memberName))
                {
                    // A member cannot share its type's name or hide object's members: suffix it, keep the JSON name.
                    memberName = scope.TakeUnique(memberName + "Value");
                    named.Add((property, memberName));
                }
                else if (TakeOrReport(scope, memberName, "Property", property.Name, property.NameSpan))
                {
                    named.Add((property, memberName));
                }
            }

            var members = new List<MemberSpec>();
            var nested = new List<TypeSpec>();
            foreach (var (property, memberName) in named)
            {
                PropertySchema schema = property.Schema;
                bool required = schema.IsRequired;
                ValueSpec? value = BuildValue(schema, fullName, memberName, scope, nested, nullable: schema.IsNullable || !required);
                if (value != null)
                {
                    members.Add(new MemberSpec(property.Name, memberName, value, required, schema.EffectiveDescription));
                }
            }

            return new ObjectTypeSpec(name, description, summary, members.ToEquatableArray(), nested.ToEquatableArray());
        }

        /// <summary>The C# type of a schema; null when it cannot be typed (an error has been reported for it).</summary>
        private ValueSpec? BuildValue(PropertySchema schema, string ownerFullName, string baseName, NameScope scope, List<TypeSpec> nested, bool nullable)
        {
            PropertySchema source = schema.TypeSource;
            PropertyDefinition? definition = schema.FinalRef;
            switch (source.Kind)
            {
                case PropertyKind.String:
                    return Value(ValueKind.String, nullable, null, null, source);
                case PropertyKind.Integer:
                    return Value(ValueKind.Integer, nullable, null, null, source);
                case PropertyKind.Number:
                    return Value(ValueKind.Number, nullable, null, null, source);
                case PropertyKind.Boolean:
                    return Value(ValueKind.Boolean, nullable, null, null, source);
                case PropertyKind.DateTime:
                    return Value(ValueKind.DateTime, nullable, null, null, source);
                case PropertyKind.Any:
                    return Value(ValueKind.Any, true, null, null, source);
                case PropertyKind.Enum:
                case PropertyKind.Object:
                    var kind = source.Kind == PropertyKind.Enum ? ValueKind.Enum : ValueKind.Object;
                    if (definition != null)
                    {
                        return _definitionTypes.TryGetValue(definition, out string? typeName) ? Value(kind, nullable, typeName, null, source) : null;
                    }

                    string nestedName = scope.TakeUnique(baseName + (kind == ValueKind.Enum ? "Kind" : "Object"));
                    string nestedFullName = ownerFullName + "." + nestedName;
                    nested.Add(kind == ValueKind.Enum
                        ? BuildEnum(nestedName, nestedFullName, source.Description, source)
                        : BuildObject(nestedName, nestedFullName, source.Description, $"The value of <c>{Xml(baseName)}</c>.", source.Properties));
                    return Value(kind, nullable, nestedFullName, null, source);
                case PropertyKind.Array:
                    if (source.Items is null)
                    {
                        return null;
                    }

                    ValueSpec? item = BuildValue(source.Items, ownerFullName, baseName + "Item", scope, nested, source.Items.IsNullable);
                    return item is null ? null : Value(ValueKind.Array, nullable, null, item, source);
                default:
                    return null;
            }
        }

        private static ValueSpec Value(ValueKind kind, bool nullable, string? typeName, ValueSpec? item, PropertySchema rules) =>
            new ValueSpec(kind, nullable, typeName, item, rules.Pattern?.Value, rules.Minimum, rules.Maximum, rules.MinLength, rules.MaxLength);

        private EnumTypeSpec BuildEnum(string name, string fullName, string? description, PropertySchema schema)
        {
            var scope = new NameScope("value__");
            var members = new List<EnumMemberSpec>();
            foreach (var value in schema.EnumValues)
            {
                string memberName = IdentifierNaming.ToPascalCase(value.Value);
                if (TakeOrReport(scope, memberName, "Enum value", value.Value, value.Span))
                {
                    members.Add(new EnumMemberSpec(memberName, value.Value));
                }
            }

            return new EnumTypeSpec(name, description, fullName, members.ToEquatableArray());
        }

        private bool TakeOrReport(NameScope scope, string identifier, string what, string planName, SourceSpan span)
        {
            if (scope.TryTake(identifier, planName, span.DisplayLine, out var owner))
            {
                return true;
            }

            _diagnostics.Add(PlanDiagnostic.Create(RipeDiagnostics.IdentifierCollision, _plan.FilePath, span,
                what, planName, identifier, owner.PlanName, owner.Line.ToString(CultureInfo.InvariantCulture)));
            return false;
        }

        private string Qualify(string typeName) => "global::" + _namespace + "." + typeName;

        private static string Xml(string text) => Emit.Escaping.XmlText(text);
    }
}
