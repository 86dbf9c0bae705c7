using System.Collections.Generic;
using System.Linq;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Generator.Emit
{
    /// <summary>The input of one type's source file: value-equatable, so the incremental pipeline can cache it.</summary>
    internal sealed record TypeFile(string Namespace, string WireValuesClassName, TypeSpec Type, string HintName);

    /// <summary>
    /// Turns a <see cref="GenerationSpec"/> into source files (hint name, text). Only writes text. The generator emits
    /// the shared files and each type's file from separate pipeline steps, so editing one event re-emits only its file.
    /// </summary>
    internal static class SourceEmitter
    {
        /// <summary>Every file of a spec: what the generator emits, in one call (CLI, tests, benchmarks).</summary>
        public static IEnumerable<(string HintName, string Source)> Emit(GenerationSpec spec) =>
            EmitShared(spec).Concat(TypeFiles(spec).Select(EmitType));

        /// <summary>The facade and the wire-values class: they list every event, so any plan edit changes them.</summary>
        public static IEnumerable<(string HintName, string Source)> EmitShared(GenerationSpec spec)
        {
            yield return (spec.ClassName + ".g.cs", FacadeEmitter.Emit(spec));
            var enums = AllEnums(spec.Types).ToList();
            if (enums.Count > 0)
            {
                yield return (spec.WireValuesClassName + ".g.cs", WireValuesEmitter.Emit(spec, enums));
            }
        }

        /// <summary>One unit per top-level type: equal units between runs mean the file need not be written again.</summary>
        public static IEnumerable<TypeFile> TypeFiles(GenerationSpec spec)
        {
            // Hint names are compared ignoring case (and land on case-insensitive disks with EmitCompilerGeneratedFiles),
            // while C# names may differ only by case ('state' next to 'State'): such a file gets a number.
            var taken = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase) { spec.ClassName, spec.WireValuesClassName };
            foreach (var type in spec.Types)
            {
                string hint = type.Name;
                for (int n = 2; !taken.Add(hint); n++)
                {
                    hint = type.Name + "." + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                yield return new TypeFile(spec.Namespace, spec.WireValuesClassName, type, hint + ".g.cs");
            }
        }

        public static (string HintName, string Source) EmitType(TypeFile file)
        {
            // A type file names few other plan types, so it writes them by their global:: names (no namespace alias to pay for).
            var w = file.Type is ObjectTypeSpec ? GeneratedCode.Start(file.Namespace, GeneratedCode.TypeFileAliases) : GeneratedCode.Start(file.Namespace);
            if (file.Type is ObjectTypeSpec objectType)
            {
                ObjectTypeEmitter.Emit(w, objectType, topLevel: true);
            }
            else if (file.Type is EnumTypeSpec enumType)
            {
                EnumEmitter.Emit(w, enumType, topLevel: true);
            }

            return (file.HintName, w.Finish());
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
