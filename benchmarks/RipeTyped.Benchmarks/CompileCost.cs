using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Emit;
using RipeTyped.Generator.Plan;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Benchmarks;

/// <summary>
/// What the C# compiler spends on the generated code of the synthetic N-event plan, by variant of that code: the code
/// as generated, and the same with one cost taken out at a time (nullable flow analysis, doc comments, the interface).
/// Roslyn in process (binding, flow analysis and IL emission of one compilation; median of 3 after a warm-up). A profile
/// to choose what to change in the emitter, not a benchmark: build-cost.sh measures what users pay.
/// </summary>
internal static class CompileCost
{
    /// <summary>Replaces the body of every method with this signature by an empty one (a measurement, not valid output).</summary>
    internal static string EmptyBodies(string source, string signature)
    {
        var result = new System.Text.StringBuilder();
        int at = 0;
        while (true)
        {
            int found = source.IndexOf(signature, at, StringComparison.Ordinal);
            if (found < 0)
            {
                return result.Append(source, at, source.Length - at).ToString();
            }

            int open = source.IndexOf('{', found);
            int depth = 0, end = open;
            for (; end < source.Length; end++)
            {
                depth += source[end] == '{' ? 1 : source[end] == '}' ? -1 : 0;
                if (depth == 0)
                {
                    break;
                }
            }

            result.Append(source, at, open - at).Append("{ }");
            at = end + 1;
        }
    }

    /// <summary>This runtime's framework assemblies and the given RipeTyped.dll: what generated code compiles against.</summary>
    internal static List<MetadataReference> References(string ripeTypedAssembly) =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Append(ripeTypedAssembly)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();

    public static int Run(int events)
    {
        var spec = SpecBuilder.Build(PlanLoader.Load(Plans.Synthetic(events), "p.yaml", new List<PlanDiagnostic>()), "Bench", new List<PlanDiagnostic>());
        var sources = SourceEmitter.Emit(spec).Select(s => s.Source).ToList();
        var noInterface = SourceEmitter.Emit(spec with { InterfaceName = null }).Select(s => s.Source).ToList();
        var variants = new (string Name, List<string> Sources)[]
        {
            ("as generated", sources),
            ("#nullable enable annotations (no flow analysis)", sources.Select(s => s.Replace("#nullable enable\n", "#nullable enable annotations\n")).ToList()),
            ("without doc comments", sources.Select(s => Regex.Replace(s, @"^\s*///.*\n", "", RegexOptions.Multiline)).ToList()),
            ("without the facade interface", noInterface),
            ("WriteTo bodies emptied", sources.Select(s => EmptyBodies(s, "void __P.WriteTo(__W w)")).ToList()),
            ("Validate bodies emptied", sources.Select(s => EmptyBodies(s, "void __P.Validate(__E e, string p)")).ToList()),
            ("u8 literals replaced by default", sources.Select(s => Regex.Replace(s, "\"(?:[^\"\\\\]|\\\\.)*\"u8", "default")).ToList()),
            ("both bodies emptied", sources.Select(s => EmptyBodies(EmptyBodies(s, "void __P.WriteTo(__W w)"), "void __P.Validate(__E e, string p)")).ToList()),
            ("as generated (again: JIT and caches warm)", sources),
        };

        var references = References(typeof(RipeTyped.RipeClient).Assembly.Location);
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.None);
        Console.WriteLine($"{events} events; median of 3 compilations after 3 warm-ups (parse + bind + flow analysis + emit), Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}");
        foreach (var (name, variant) in variants)
        {
            var times = new List<double>();
            int errors = 0;
            for (int run = 0; run < 6; run++)
            {
                var watch = Stopwatch.StartNew();
                var trees = variant.Select(s => CSharpSyntaxTree.ParseText(s, parse)).ToList();
                var compilation = CSharpCompilation.Create("Bench", trees, references,
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));
                var result = compilation.Emit(Stream.Null);
                watch.Stop();
                errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
                if (run > 2)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            Console.WriteLine($"  {name,-50} {times[1],8:N0} ms   {variant.Sum(s => (long)s.Length) / events,6:N0} chars/event   {errors} errors");
        }

        return 0;
    }
}
