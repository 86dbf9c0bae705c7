using System.Collections.Generic;
using System.Linq;
using RipeTyped.Generator.Naming;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Cli.Import
{
    /// <summary>
    /// Writes <c>csharpName</c> for every name of an imported plan whose flattened C# name it shares with another
    /// (<c>siteId</c> and <c>site id</c>): the names the generator chose are pinned, so the imported plan builds without
    /// RIPE1010 and no name added later can move them (docs/naming.md).
    /// </summary>
    internal static class CollisionPins
    {
        public static int Apply(ImportedPlan plan, GenerationSpec spec)
        {
            var types = new Dictionary<GeneratedTypeRef, TypeSpec>();
            foreach (var type in spec.Types)
            {
                Index(types, type);
            }

            int pinned = PinCalls(plan.Events, spec.Events, "Track") + PinCalls(plan.Pages, spec.Pages, "Page");
            foreach (var (call, callSpec) in Pairs(plan.Events, spec.Events).Concat(Pairs(plan.Pages, spec.Pages)))
            {
                pinned += PinMembers(call.Properties, callSpec.PayloadType, types);
            }

            if (plan.Identify != null)
            {
                pinned += PinMembers(plan.Identify.Properties, spec.Identify.PayloadType, types);
            }

            if (plan.Group != null)
            {
                pinned += PinMembers(plan.Group.Properties, spec.Group.PayloadType, types);
            }

            return pinned;
        }

        private static void Index(Dictionary<GeneratedTypeRef, TypeSpec> types, TypeSpec type)
        {
            types[type.Type] = type;
            if (type is ObjectTypeSpec objectType)
            {
                foreach (var nested in objectType.NestedTypes)
                {
                    Index(types, nested);
                }
            }
        }

        private static IEnumerable<(ImportedCall, CallSpec)> Pairs(List<ImportedCall> calls, IEnumerable<CallSpec> specs)
        {
            var byWire = specs.ToDictionary(s => s.WireName, System.StringComparer.Ordinal);
            foreach (var call in calls)
            {
                if (byWire.TryGetValue(call.Name, out var spec))
                {
                    yield return (call, spec);
                }
            }
        }

        private static int PinCalls(List<ImportedCall> calls, IEnumerable<CallSpec> specs, string prefix)
        {
            int pinned = 0;
            var pairs = Pairs(calls, specs).ToList();
            foreach (var group in pairs.GroupBy(p => IdentifierNaming.ToPascalCase(p.Item1.Name).TrimStart('@')).Where(g => g.Count() > 1))
            {
                foreach (var (call, spec) in group)
                {
                    string name = spec.MethodName.Substring(prefix.Length);
                    if (IdentifierNaming.IsValidIdentifier(name))
                    {
                        call.CSharpName = name;
                        pinned++;
                    }
                }
            }

            return pinned;
        }

        private static int PinMembers(List<ImportedProperty> properties, GeneratedTypeRef? typeName, Dictionary<GeneratedTypeRef, TypeSpec> types)
        {
            if (typeName is null || !types.TryGetValue(typeName, out var type) || !(type is ObjectTypeSpec objectType))
            {
                return 0;
            }

            int pinned = 0;
            var members = objectType.Members.ToDictionary(m => m.JsonName, System.StringComparer.Ordinal);
            var collided = new HashSet<string>(properties.GroupBy(p => IdentifierNaming.ToPascalCase(p.Name)).Where(g => g.Count() > 1).SelectMany(g => g).Select(p => p.Name));
            foreach (var property in properties)
            {
                if (!members.TryGetValue(property.Name, out var member))
                {
                    continue;
                }

                if (collided.Contains(property.Name) && IdentifierNaming.IsValidIdentifier(member.Name))
                {
                    property.CSharpName = member.Name;
                    pinned++;
                }

                pinned += PinValue(property, member.Value, types);
            }

            return pinned;
        }

        private static int PinValue(ImportedProperty property, ValueSpec value, Dictionary<GeneratedTypeRef, TypeSpec> types)
        {
            switch (value.Kind)
            {
                case ValueKind.Object:
                    return PinMembers(property.Properties, value.Type, types);
                case ValueKind.Array when property.Items != null && value.Item != null:
                    return PinValue(property.Items, value.Item, types);
                case ValueKind.Enum when value.Type != null && types.TryGetValue(value.Type, out var type) && type is EnumTypeSpec enumType:
                    int pinned = 0;
                    foreach (var group in property.Values.GroupBy(v => IdentifierNaming.ToPascalCase(v)).Where(g => g.Count() > 1))
                    {
                        foreach (string wire in group)
                        {
                            if (enumType.Members.FirstOrDefault(m => m.WireValue == wire) is { } member && IdentifierNaming.IsValidIdentifier(member.Name))
                            {
                                property.ValueCSharpNames[wire] = member.Name;
                                pinned++;
                            }
                        }
                    }

                    return pinned;
                default:
                    return 0;
            }
        }
    }
}
