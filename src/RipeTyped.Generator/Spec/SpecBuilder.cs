using System.Collections.Generic;
using System.Linq;
using RipeTyped.Generator.Common;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Naming;
using RipeTyped.Generator.Plan;

namespace RipeTyped.Generator.Spec
{
    /// <summary>
    /// Maps a validated plan to C# names and types. Every plan item gets a distinct C# name (<see cref="NameChooser"/>):
    /// a collision is a warning (RIPE1010), never a reason to leave an item out, and the emitted code always compiles.
    /// </summary>
    internal sealed class SpecBuilder
    {
        public const string DefaultClassName = PlanSettings.DefaultClassName;
        public const string FallbackNamespace = "RipeTyped.Generated";

        /// <summary>The member of an open type (<c>additionalProperties: true</c>) that carries the unlisted properties.</summary>
        public const string AdditionalPropertiesMember = "AdditionalProperties";

        private static readonly GeneratedTypeRef UntypedProperties = GeneratedTypeRef.TopLevel("RipeTyped", "RipeProperties");

        private static readonly string[] ObjectMembers = { "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize" };

        /// <summary>Names no member of a generated type can take: the files' aliases, object's members, the generated methods' parameters.</summary>
        private static readonly HashSet<string> MemberReserved =
            new HashSet<string>(GeneratedAliases.All.Concat(ObjectMembers).Concat(GeneratedNames.BodyParameters), System.StringComparer.Ordinal);

        private readonly ValidatedPlan _plan;
        private readonly NameChooser _names;
        private readonly string _namespace;
        private readonly NameScope _namespaceScope;
        private readonly NameScope _facadeScope;
        private readonly List<TypeSpec> _types = new List<TypeSpec>();

        // The types generated for enum/object definitions, by definition name; absent when the definition produced none.
        private readonly Dictionary<string, GeneratedTypeRef> _definitionTypes = new Dictionary<string, GeneratedTypeRef>(System.StringComparer.Ordinal);

        private readonly string? _source;
        private readonly List<OtherSourceCall> _otherSourceCalls = new List<OtherSourceCall>();

        private SpecBuilder(ValidatedPlan plan, string defaultNamespace, string? source, List<PlanDiagnostic> diagnostics)
        {
            _plan = plan;
            _source = string.IsNullOrWhiteSpace(source) ? null : source!.Trim();
            _names = new NameChooser(plan.FilePath, diagnostics);
            // The plan's options were checked once by the validator; the project's namespace is checked here.
            _namespace = plan.Settings.Namespace ?? (GeneratedNames.IsUsableNamespace(defaultNamespace) ? defaultNamespace : FallbackNamespace);
            ClassName = plan.Settings.ClassName;
            // The generated files' aliases: no type may take them.
            _namespaceScope = new NameScope(new[] { ClassName }.Concat(GeneratedAliases.All).ToArray());
            WireValuesClassName = _namespaceScope.TakeUnique(ClassName + "WireValues");
            InterfaceName = !plan.Settings.FacadeInterface ? null : _namespaceScope.TakeUnique("I" + ClassName);
            _facadeScope = new NameScope(new[] { ClassName }.Concat(FacadeMembers.Reserved).Concat(ObjectMembers).Concat(GeneratedAliases.All).ToArray());
        }

        private string ClassName { get; }

        private string WireValuesClassName { get; }

        private string? InterfaceName { get; }

        /// <param name="source">The project's source (<c>RipeTypedSource</c>): only calls it implements get code. Null: all.</param>
        public static GenerationSpec Build(ValidatedPlan plan, string defaultNamespace, string? source, List<PlanDiagnostic> diagnostics) =>
            new SpecBuilder(plan, defaultNamespace, source, diagnostics).Build();

        public static GenerationSpec Build(ValidatedPlan plan, string defaultNamespace, List<PlanDiagnostic> diagnostics) =>
            Build(plan, defaultNamespace, null, diagnostics);

        private GenerationSpec Build()
        {
            AddDefinitionTypes();
            CallSpec identify = BuildTraits(_plan.Identify?.BelongsTo(_source) == true ? _plan.Identify : null, "UserTraits", FacadeMembers.Identify, TypeRole.UserTraits);
            CallSpec group = BuildTraits(_plan.Group?.BelongsTo(_source) == true ? _plan.Group : null, "GroupTraits", FacadeMembers.Group, TypeRole.GroupTraits);
            var events = BuildCalls(_plan.Events, "event", "Track", "Properties", TypeRole.EventProperties, out var eventNames);
            var pages = BuildCalls(_plan.Pages, "page", "Page", "PageProperties", TypeRole.PageProperties, out var pageNames);
            return new GenerationSpec(
                _namespace, ClassName, WireValuesClassName, _types.ToEquatableArray(), events, pages, identify, group, InterfaceName,
                _plan.PlanVersion?.Value, _source, _otherSourceCalls.ToEquatableArray(), eventNames, pageNames);
        }

        private void AddDefinitionTypes()
        {
            // Only enum and object definitions become types; the others are inlined where they are used.
            var typed = _plan.Definitions
                .Where(d => d.Schema.Ref is null && (d.Schema.Kind == PropertyKind.Enum || d.Schema.Kind == PropertyKind.Object))
                .ToList();
            string[] names = _names.Choose(_namespaceScope, typed.Select(d => new NameRequest(d.Name, d.Schema.CSharpName, d.NameSpan)).ToList(), "Definition", NameForm.Member);
            for (int i = 0; i < typed.Count; i++)
            {
                var definition = typed[i];
                PropertySchema schema = definition.Schema;
                var type = Qualify(names[i]);
                _definitionTypes[definition.Name] = type;
                _types.Add(schema.Kind == PropertyKind.Enum
                    ? BuildEnum(type, schema.Description, schema)
                    : BuildObject(type, schema.Description, TypeRole.Definition, definition.Name, schema.Properties, schema.AdditionalProperties));
            }
        }

        private CallSpec BuildTraits(CallDefinition? traits, string typeName, string methodName, TypeRole role)
        {
            if (traits is null || (traits.Properties.Count == 0 && !traits.AdditionalProperties))
            {
                return new CallSpec(methodName, methodName, null, false, traits?.Description, null);
            }

            if (traits.Properties.Count == 0)
            {
                return new CallSpec(methodName, methodName, UntypedProperties, false, traits.Description, null);
            }

            typeName = _names.TakeTypeName(_namespaceScope, typeName, "Traits type of", traits.Name, traits.NameSpan);
            var type = BuildObject(Qualify(typeName), traits.Description, role, traits.Name, traits.Properties, traits.AdditionalProperties);
            _types.Add(type);
            return new CallSpec(methodName, methodName, type.Type, type.Members.Any(m => m.Required), traits.Description, null);
        }

        private EquatableArray<CallSpec> BuildCalls(EquatableArray<CallDefinition> calls, string what, string methodPrefix, string typeSuffix, TypeRole role, out EquatableArray<CallName> names)
        {
            string capitalized = char.ToUpperInvariant(what[0]) + what.Substring(1);
            // A page named "Names" would be PageNames, the nested class of page names: it gets a suffix, as a member named like its type does.
            string[] baseNames = _names.Choose(_facadeScope, calls.Select(c => new NameRequest(c.Name, c.CSharpName, c.NameSpan)).ToList(), capitalized, NameForm.Call(methodPrefix), reservedSuffix: capitalized);

            // Variants' methods after every event's, so adding a variant never renames an event's method.
            var variantMethods = calls.Select((call, i) => call.Variants.Select(v => _names.TakeTypeName(
                _facadeScope, methodPrefix + baseNames[i] + v.CSharpName.Value, "Variant", $"{call.Name} ({v.CSharpName.Value})", v.CSharpName.Span)).ToArray()).ToArray();
            names = NameConstants(calls, baseNames, what == "event" ? FacadeMembers.EventNames : FacadeMembers.PageNames, capitalized);

            // Names come from the whole plan, so a call keeps its C# name in every source's project.
            var specs = new List<CallSpec>(calls.Count);
            var withVariants = new List<(int Spec, CallDefinition Call, ObjectTypeSpec? Common, string[] Methods)>();
            for (int i = 0; i < calls.Count; i++)
            {
                if (!calls[i].BelongsTo(_source))
                {
                    string sources = string.Join(", ", calls[i].Sources.Select(s => s.Value));
                    _otherSourceCalls.Add(new OtherSourceCall(what, calls[i].Name, methodPrefix + baseNames[i], sources));
                    _otherSourceCalls.AddRange(variantMethods[i].Select(method => new OtherSourceCall(what, calls[i].Name, method, sources)));
                    continue;
                }

                specs.Add(BuildCall(calls[i], what, methodPrefix + baseNames[i], baseNames[i] + typeSuffix, role, out var common));
                if (calls[i].Variants.Count > 0)
                {
                    withVariants.Add((specs.Count - 1, calls[i], common, variantMethods[i]));
                }
            }

            // Variants' types after every call's, so that, as with methods, a variant never renames an event's class.
            foreach (var (index, call, common, methods) in withVariants)
            {
                var variants = call.Variants.Select((variant, v) =>
                    BuildVariant(call, variant, methods[v], methods[v].Substring(methodPrefix.Length) + typeSuffix, common, specs[index].ObsoleteMessage));
                specs[index] = specs[index] with { Variants = variants.ToEquatableArray() };
            }

            return specs.ToEquatableArray();
        }

        /// <summary>The constants of <c>EventNames</c>/<c>PageNames</c>: every call of the plan, by its C# base name.</summary>
        private static EquatableArray<CallName> NameConstants(EquatableArray<CallDefinition> calls, string[] baseNames, string className, string suffix)
        {
            // The class's own name, its array, its fields of source lists and object's members cannot be constants: such a
            // name gets the kind as suffix.
            int sourceLists = calls.Select(c => string.Concat(c.Sources.Select(s => s.Value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + s.Value))).Distinct(System.StringComparer.Ordinal).Count();
            var scope = new NameScope(new[] { className, FacadeMembers.AllNames, "ReferenceEquals" }.Concat(ObjectMembers)
                .Concat(Enumerable.Range(0, sourceLists).Select(GeneratedNames.SourcesField)).ToArray());
            return calls.Select((call, i) => new CallName(
                    scope.TryTake(baseNames[i], call.Name, 0, out _) ? baseNames[i] : scope.TakeUnique(baseNames[i] + suffix),
                    call.Name,
                    call.Description,
                    call.Sources.Select(s => s.Value).ToEquatableArray()))
                .ToEquatableArray();
        }

        private CallSpec BuildCall(CallDefinition call, string what, string methodName, string typeName, TypeRole role, out ObjectTypeSpec? common)
        {
            common = null;
            string? obsolete = call.Deprecated ? (call.DeprecationReason ?? $"The {what} '{call.Name}' is deprecated in the tracking plan.") : null;
            if (call.Properties.Count == 0)
            {
                // An open call without listed properties takes any properties; a closed one takes none.
                return new CallSpec(call.Name, methodName, call.AdditionalProperties ? UntypedProperties : null, false, call.Description, obsolete);
            }

            typeName = _names.TakeTypeName(_namespaceScope, typeName, $"Properties class of {what}", call.Name, call.NameSpan);
            common = BuildObject(Qualify(typeName), call.Description, role, call.Name, call.Properties, call.AdditionalProperties);
            _types.Add(common);
            return new CallSpec(call.Name, methodName, common.Type, common.Members.Any(m => m.Required), call.Description, obsolete);
        }

        /// <summary>
        /// A variant's method and type: the event's members (reused as built for the event: their nested types are the
        /// event's, not declared again), the <c>when</c> property fixed or narrowed to the variant's values, then its own.
        /// </summary>
        private CallSpec BuildVariant(CallDefinition call, VariantDefinition variant, string methodName, string typeName, ObjectTypeSpec? common, string? obsolete)
        {
            // The variant's own description; without one the docs say which event and variant it is (not the event's text).
            string? doc = string.IsNullOrWhiteSpace(variant.Description) ? null : variant.Description;
            typeName = _names.TakeTypeName(_namespaceScope, typeName, "Properties class of variant", $"{call.Name} ({variant.CSharpName.Value})", variant.CSharpName.Span);
            var fullName = Qualify(typeName);
            var inherited = common?.Members.Items ?? System.Collections.Immutable.ImmutableArray<MemberSpec>.Empty;
            var when = variant.When;
            var nested = new List<TypeSpec>();

            var own = new List<string> { typeName };
            if (call.AdditionalProperties)
            {
                own.Add(AdditionalPropertiesMember);
            }

            int patterns = inherited.Where(m => when is null || m.JsonName != when.Property.Value).Sum(m => PatternCount(m.Value)) + PatternCount(variant.Properties);
            own.AddRange(Enumerable.Range(0, patterns).Select(GeneratedNames.PatternField));
            var scope = new NameScope(MemberReserved, own.ToArray());

            var members = new List<MemberSpec>();
            foreach (var member in inherited)
            {
                if (when != null && member.JsonName == when.Property.Value)
                {
                    members.Add(Condition(call, member, when, fullName, scope, nested));
                    continue;
                }

                // Declared again in the variant's class: a name its own members or pattern fields take gets a suffix there.
                string name = scope.TryTake(member.Name, member.JsonName, LineOf(call, member.JsonName), out _) ? member.Name : scope.TakeUnique(member.Name + "Value");
                members.Add(member with { Name = name });
            }

            members.AddRange(BuildMembers(variant.Properties, fullName, scope, nested));
            var type = PatternFields.Assign(new ObjectTypeSpec(fullName, doc, TypeRole.VariantProperties, call.Name, members.ToEquatableArray(), nested.ToEquatableArray(),
                call.AdditionalProperties ? AdditionalPropertiesMember : null, variant.CSharpName.Value));
            _types.Add(type);

            bool required = members.Any(m => m.Required && m.Fixed is null);
            bool settable = call.AdditionalProperties || members.Any(m => m.Fixed is null);
            bool sendsFixed = members.Any(m => m.Fixed != null);
            var mode = !settable ? PayloadMode.New : sendsFixed && !required ? PayloadMode.ParameterOrNew : PayloadMode.Parameter;
            return new CallSpec(call.Name, methodName, fullName, required, doc, obsolete, variant.CSharpName.Value, default, mode);
        }

        /// <summary>The <c>when</c> property in a variant: its one value, fixed; or an enum of the variant's values only.</summary>
        private MemberSpec Condition(CallDefinition call, MemberSpec member, VariantCondition when, GeneratedTypeRef fullName, NameScope scope, List<TypeSpec> nested)
        {
            if (when.IsFixed)
            {
                return member with { Value = member.Value with { Nullable = false }, Required = true, Fixed = Normalized(member.Value.Kind, when.Values[0].Value) };
            }

            // Enum or string (the validator allows a list for no other type): the variant's own enum, same wire values.
            string name = scope.TryTake(member.Name, member.JsonName, when.Property.Span.DisplayLine, out _) ? member.Name : scope.TakeUnique(member.Name + "Value");
            string enumName = scope.TakeUnique(name + "Kind");
            // An enum's values as the plan declares them (with their csharpName), so each keeps its C# name; a collision
            // among them is the event's enum's to report, once.
            var declared = call.Properties.FirstOrDefault(p => p.Name == when.Property.Value)?.Schema is { } whenSchema
                ? _plan.TypeSource(whenSchema).EnumValues
                : EquatableArray<Named>.Empty;
            var values = new PropertySchema(when.Property.Span)
            {
                Kind = PropertyKind.Enum,
                EnumValues = when.Values.Select(v => declared.FirstOrDefault(d => d.Value == v.Value) ?? v).ToEquatableArray(),
            };
            var enumType = fullName.Nested(enumName);
            nested.Add(BuildEnum(enumType, null, values, new NameChooser(_plan.FilePath, new List<PlanDiagnostic>())));
            var value = new ValueSpec(ValueKind.Enum, false, enumType, null, null, null, null, null, null, WireValuesOf(values));
            return member with { Name = name, Value = value, Required = true };
        }

        private static string Normalized(ValueKind kind, string value) => kind switch
        {
            ValueKind.Integer => long.Parse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ValueKind.Number => double.Parse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            ValueKind.Boolean => value.ToLowerInvariant(), // True and TRUE as YAML reads them; the validator lets only true/false spellings through.
            _ => value,
        };

        private static int LineOf(CallDefinition call, string jsonName) => call.Properties.FirstOrDefault(p => p.Name == jsonName)?.NameSpan.DisplayLine ?? 0;

        private static int PatternCount(ValueSpec? value) => value is null ? 0 : (value.Pattern != null ? 1 : 0) + PatternCount(value.Item);

        private int PatternCount(EquatableArray<PropertyDefinition> properties)
        {
            int patterns = 0;
            foreach (var property in properties)
            {
                for (PropertySchema? value = _plan.TypeSource(property.Schema); value != null; value = value.Items is { } items ? _plan.TypeSource(items) : null)
                {
                    patterns += value.Pattern != null ? 1 : 0;
                }
            }

            return patterns;
        }

        private ObjectTypeSpec BuildObject(GeneratedTypeRef type, string? description, TypeRole role, string subject, EquatableArray<PropertyDefinition> properties, bool open)
        {
            var own = new List<string> { type.Name };
            if (open)
            {
                own.Add(AdditionalPropertiesMember);
            }

            // The type keeps each distinct pattern of its properties (and their array items) in a private field
            // s_pattern0, s_pattern1...: as many names as patterns are reserved, so no plan name can take one.
            own.AddRange(Enumerable.Range(0, PatternCount(properties)).Select(GeneratedNames.PatternField));

            // Room for every member and a nested type for each (the most a type's members take).
            var scope = new NameScope(MemberReserved, own.Count + (2 * properties.Count), own.ToArray());
            var nested = new List<TypeSpec>();
            var members = BuildMembers(properties, type, scope, nested);
            return PatternFields.Assign(new ObjectTypeSpec(type, description, role, subject, members.ToEquatableArray(), nested.ToEquatableArray(), open ? AdditionalPropertiesMember : null));
        }

        private List<MemberSpec> BuildMembers(EquatableArray<PropertyDefinition> properties, GeneratedTypeRef fullName, NameScope scope, List<TypeSpec> nested)
        {
            // A member cannot share its type's name or hide object's members: such a member gets a 'Value' suffix.
            var requests = new NameRequest[properties.Count];
            for (int i = 0; i < requests.Length; i++)
            {
                requests[i] = new NameRequest(properties[i].Name, properties[i].Schema.CSharpName, properties[i].NameSpan);
            }

            string[] memberNames = _names.Choose(scope, requests, "Property", NameForm.Member, reservedSuffix: "Value");
            var members = new List<MemberSpec>(properties.Count);
            for (int i = 0; i < properties.Count; i++)
            {
                PropertySchema schema = properties[i].Schema;
                bool required = _plan.IsRequired(schema);
                ValueSpec? value = BuildValue(schema, fullName, memberNames[i], scope, nested, nullable: _plan.IsNullable(schema) || !required);
                if (value != null)
                {
                    members.Add(new MemberSpec(properties[i].Name, memberNames[i], value, required, _plan.DescriptionOf(schema))
                    {
                        Examples = _plan.ExamplesOf(schema) is { IsEmpty: false } examples ? examples.Select(e => e.Value).ToEquatableArray() : EquatableArray<string>.Empty,
                    });
                }
            }

            return members;
        }

        /// <summary>The C# type of a schema; null when it cannot be typed (an error has been reported for it).</summary>
        private ValueSpec? BuildValue(PropertySchema schema, GeneratedTypeRef ownerFullName, string baseName, NameScope scope, List<TypeSpec> nested, bool nullable)
        {
            PropertySchema source = _plan.TypeSource(schema);
            PropertyDefinition? definition = _plan.FinalRef(schema);
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
                        return _definitionTypes.TryGetValue(definition.Name, out var typeName) ? Value(kind, nullable, typeName, null, source) : null;
                    }

                    string nestedName = scope.TakeUnique(baseName + (kind == ValueKind.Enum ? "Kind" : "Object"));
                    var nestedFullName = ownerFullName.Nested(nestedName);
                    nested.Add(kind == ValueKind.Enum
                        ? BuildEnum(nestedFullName, source.Description, source)
                        : BuildObject(nestedFullName, source.Description, TypeRole.NestedValue, baseName, source.Properties, source.AdditionalProperties));
                    return Value(kind, nullable, nestedFullName, null, source);
                case PropertyKind.Array:
                    if (source.Items is null)
                    {
                        return null;
                    }

                    ValueSpec? item = BuildValue(source.Items, ownerFullName, baseName + "Item", scope, nested, _plan.IsNullable(source.Items));
                    return item is null ? null : Value(ValueKind.Array, nullable, null, item, source);
                default:
                    return null;
            }
        }

        private static ValueSpec Value(ValueKind kind, bool nullable, GeneratedTypeRef? typeName, ValueSpec? item, PropertySchema rules) =>
            new ValueSpec(kind, nullable, typeName, item, rules.Pattern?.Value, rules.Minimum, rules.Maximum, rules.MinLength, rules.MaxLength,
                kind == ValueKind.Enum ? WireValuesOf(rules) : default);

        /// <summary>An enum's strings in member order (<see cref="BuildEnum"/> numbers the members in the same order).</summary>
        private static EquatableArray<string> WireValuesOf(PropertySchema schema) => schema.EnumValues.Select(v => v.Value).ToEquatableArray();

        private EnumTypeSpec BuildEnum(GeneratedTypeRef type, string? description, PropertySchema schema, NameChooser? chooser = null)
        {
            var values = schema.EnumValues;
            string[] names = (chooser ?? _names).Choose(new NameScope("value__"), values.Select(v => new NameRequest(v.Value, v.CSharpName, v.Span)).ToList(), "Enum value", NameForm.Member);
            var members = values.Select((v, i) => new EnumMemberSpec(names[i], v.Value)).ToEquatableArray();
            return new EnumTypeSpec(type, description, members);
        }

        private GeneratedTypeRef Qualify(string typeName) => GeneratedTypeRef.TopLevel(_namespace, typeName);
    }
}
