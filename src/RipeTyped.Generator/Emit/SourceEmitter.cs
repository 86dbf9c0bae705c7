using System.Collections.Generic;
using System.Linq;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Generator.Emit
{
    /// <summary>Turns a <see cref="GenerationSpec"/> into source files (hint name, text). Only writes text.</summary>
    internal static class SourceEmitter
    {
        public static IEnumerable<(string HintName, string Source)> Emit(GenerationSpec spec)
        {
            yield return (spec.ClassName + ".g.cs", FacadeEmitter.Emit(spec));
            foreach (var type in spec.Types)
            {
                var w = GeneratedCode.Start(spec.Namespace);
                if (type is ObjectTypeSpec objectType)
                {
                    ObjectTypeEmitter.Emit(w, objectType, "global::" + spec.Namespace + "." + spec.WireValuesClassName, topLevel: true);
                }
                else if (type is EnumTypeSpec enumType)
                {
                    EnumEmitter.Emit(w, enumType, topLevel: true);
                }

                w.Close();
                yield return (type.Name + ".g.cs", w.ToString());
            }

            var enums = AllEnums(spec.Types).ToList();
            if (enums.Count > 0)
            {
                yield return (spec.WireValuesClassName + ".g.cs", WireValuesEmitter.Emit(spec, enums));
            }
        }

        private static IEnumerable<EnumTypeSpec> AllEnums(IEnumerable<TypeSpec> types)
        {
            foreach (var type in types)
            {
                if (type is EnumTypeSpec enumType)
                {
                    yield return enumType;
                }
                else if (type is ObjectTypeSpec objectType)
                {
                    foreach (var nested in AllEnums(objectType.NestedTypes))
                    {
                        yield return nested;
                    }
                }
            }
        }
    }
}
