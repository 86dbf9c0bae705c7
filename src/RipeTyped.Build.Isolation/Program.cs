using System;
using System.IO;
using System.Linq;
using Mono.Cecil;

namespace RipeTyped.Build.Isolation
{
    /// <summary>
    /// Makes a private copy of a dependency that an analyzer bundles, so it can never collide with another package's copy:
    /// renamed (assembly <c>RipeTyped.Generator.YamlDotNet</c>), strong name removed, every top-level type internal and
    /// visible only to the friend assemblies (InternalsVisibleTo). The .NET SDK resolves analyzer dependency conflicts by
    /// file name, and hosts bind by assembly name: a new name takes the copy out of both, and internal types keep any other
    /// assembly from compiling or binding against it. The analyzer compiles against this copy and ships it.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length < 4)
            {
                Console.Error.WriteLine("usage: RipeTyped.Build.Isolation <dependency.dll> <new-assembly-name> <out.dll> <friend-assembly> [friend-assembly ...]");
                return 2;
            }

            try
            {
                Write(args[0], args[1], args[2], args.Skip(3).ToArray());
                return 0;
            }
            catch (Exception ex) when (ex is IOException || ex is BadImageFormatException || ex is UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"RipeTyped.Build.Isolation: error: {ex.Message}");
                return 1;
            }
        }

        private static void Write(string source, string name, string target, string[] friends)
        {
            using var assembly = AssemblyDefinition.ReadAssembly(source, new ReaderParameters { InMemory = true });
            var module = assembly.MainModule;

            // A new identity: the name, no strong name (a renamed assembly cannot keep the original signature).
            assembly.Name.Name = name;
            assembly.Name.PublicKey = Array.Empty<byte>();
            assembly.Name.PublicKeyToken = Array.Empty<byte>();
            assembly.Name.HasPublicKey = false;
            module.Name = name + ".dll";
            module.Attributes &= ~ModuleAttributes.StrongNameSigned;

            // The original's friends (its own test assemblies, signed) do not apply to the copy.
            var ivtType = "System.Runtime.CompilerServices.InternalsVisibleToAttribute";
            var existing = assembly.CustomAttributes.Where(a => a.AttributeType.FullName == ivtType).ToList();
            foreach (var attribute in existing)
            {
                assembly.CustomAttributes.Remove(attribute);
            }

            foreach (var type in module.Types.Where(t => t.IsPublic))
            {
                type.IsPublic = false;
                type.IsNotPublic = true;
            }

            var ctor = InternalsVisibleToConstructor(module);
            foreach (string friend in friends)
            {
                var attribute = new CustomAttribute(ctor);
                attribute.ConstructorArguments.Add(new CustomAttributeArgument(module.TypeSystem.String, friend));
                assembly.CustomAttributes.Add(attribute);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
            assembly.Write(target, new WriterParameters { DeterministicMvid = true });
        }

        /// <summary>The attribute's constructor in the module's own core library (netstandard), not the tool's runtime.</summary>
        private static MethodReference InternalsVisibleToConstructor(ModuleDefinition module)
        {
            var type = new TypeReference("System.Runtime.CompilerServices", "InternalsVisibleToAttribute", module, module.TypeSystem.CoreLibrary);
            var ctor = new MethodReference(".ctor", module.TypeSystem.Void, type) { HasThis = true };
            ctor.Parameters.Add(new ParameterDefinition(module.TypeSystem.String));
            return ctor;
        }
    }
}
