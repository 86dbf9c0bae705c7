using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Emit;
using RipeTyped.Generator.Plan;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Benchmarks;

/// <summary>
/// Writes the synthetic plan's generated C# as plain source folders, as generated and with parts taken out, for
/// build-floor.sh to build as ordinary sources: what the compiler's floor is for a plan of this size, i.e. what any
/// emission that keeps a typed member per property must pay. Variants are measurements, not valid products.
/// </summary>
internal static class CodeVariants
{
    private const string WriteTo = "void __P.WriteTo(__W w)";
    private const string Validate = "void __P.Validate(__E e, string p)";

    /// <param name="plan">The synthetic plan's number of events, or the path of a plan file (a realistic plan).</param>
    public static int Run(string plan, string directory, string @namespace)
    {
        string text = int.TryParse(plan, out int events) ? Plans.Synthetic(events) : File.ReadAllText(plan);
        var spec = SpecBuilder.Build(PlanLoader.Load(text, "p.yaml", new List<PlanDiagnostic>()), @namespace, new List<PlanDiagnostic>());
        var shared = SourceEmitter.EmitShared(spec).ToList();
        var types = SourceEmitter.TypeFiles(spec).Select(SourceEmitter.EmitType).ToList();
        string Empty(string source) => CompileCost.EmptyBodies(CompileCost.EmptyBodies(source, WriteTo), Validate);

        Write(directory, "generated", shared.Concat(types));
        Write(directory, "no-bodies", shared.Concat(types.Select(t => (t.HintName, Empty(t.Source)))));
        Write(directory, "reads-only", shared.Concat(types.Select(t => (t.HintName, ReadsOnly(t.Source)))));
        Write(directory, "types-only", types.Select(t => (t.HintName, Empty(t.Source))));
        Write(directory, "types-only-fields", types.Select(t => (t.HintName, Empty(t.Source).Replace(" { get; set; }", ";", StringComparison.Ordinal))));

        // The peer a user compares with: the same types plus System.Text.Json's source-generated context over every
        // top-level class (STJ's generator, which ships with the SDK, then writes their serialization and reading).
        var topLevel = types.SelectMany(t => TopLevelClasses(t.Source)).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal);
        string context = "// The types-only variant plus a System.Text.Json source-generated context over every top-level class.\n" +
            "namespace " + @namespace + ";\n\n" +
            string.Concat(topLevel.Select(n => "[global::System.Text.Json.Serialization.JsonSerializable(typeof(global::" + @namespace + "." + n + "))]\n")) +
            "internal sealed partial class FloorJsonContext : global::System.Text.Json.Serialization.JsonSerializerContext\n{\n}\n";
        Write(directory, "types-stj", types.Select(t => (t.HintName, Empty(t.Source))).Append(("FloorJsonContext.cs", context)));
        return 0;
    }

    /// <summary>
    /// The floor of any emission that keeps the facade and the wire values and touches each property once: every
    /// <c>WriteTo</c> statement that writes a property replaced by a bare read of it (<c>_ = Member;</c>), every
    /// <c>Validate</c> body emptied. No serializer written as code per property can cost the compiler less.
    /// </summary>
    internal static string ReadsOnly(string source) =>
        System.Text.RegularExpressions.Regex.Replace(
            CompileCost.EmptyBodies(source, Validate),
            @"^(\s+)__\.\w+\(w, ""(?:[^""\\]|\\.)*""u8, (?:\(int\??\))?(\w+).*$",
            "$1_ = $2;",
            System.Text.RegularExpressions.RegexOptions.Multiline);

    // Generated type files use a file-scoped namespace: a top-level class starts at column 0.
    private static IEnumerable<string> TopLevelClasses(string source) =>
        source.Split('\n')
            .Where(line => line.StartsWith("public sealed partial class ", StringComparison.Ordinal))
            .Select(line => line.Substring("public sealed partial class ".Length).Split(' ', ':', '\r')[0]);

    private static void Write(string directory, string variant, IEnumerable<(string HintName, string Source)> files)
    {
        string folder = Path.Combine(directory, variant);
        Directory.CreateDirectory(folder);
        long chars = 0;
        foreach (var (hint, source) in files)
        {
            File.WriteAllText(Path.Combine(folder, hint), source);
            chars += source.Length;
        }

        Console.WriteLine($"{variant}: {chars:N0} characters");
    }
}
