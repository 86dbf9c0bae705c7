using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RipeTyped.Benchmarks;

/// <summary>
/// The compiler as a warm compiler server runs it: folders of C# (code-variants' output) compiled in this one process,
/// one core (no concurrent build, so the variants' work is compared, not the scheduler), in turn, round after round
/// after two warm-up rounds. Prints medians and, per round, what each folder adds over the first (an empty program)
/// as a multiple of what the second (the floor) adds: rounds are compared within themselves, so a slow moment of a
/// shared machine moves both sides of a ratio. A profile of the generated code's compile cost, not a test.
/// </summary>
internal static class CompileWarm
{
    public static int Run(int rounds, string ripeTypedAssembly, IReadOnlyList<string> folders)
    {
        var references = CompileCost.References(ripeTypedAssembly);
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.Parse);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
            optimizationLevel: OptimizationLevel.Release, concurrentBuild: false,
            specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1591"] = ReportDiagnostic.Suppress });
        var sources = folders.ToDictionary(f => f, f => Directory.GetFiles(f, "*.cs").OrderBy(p => p, StringComparer.Ordinal).Select(File.ReadAllText).ToList());
        var times = folders.ToDictionary(f => f, _ => new List<double>());
        Console.WriteLine($"Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}, {rounds} rounds after 2 warm-ups, parse + bind + flow analysis + emit (IL and PDB)");
        for (int round = -2; round < rounds; round++)
        {
            foreach (string folder in folders)
            {
                GC.Collect();
                var watch = Stopwatch.StartNew();
                var compilation = CSharpCompilation.Create("Variant", sources[folder].Select(s => CSharpSyntaxTree.ParseText(s, parse)), references, options);
                using var pe = new MemoryStream();
                using var pdb = new MemoryStream();
                var result = compilation.Emit(pe, pdb);
                watch.Stop();
                if (!result.Success)
                {
                    Console.WriteLine($"{folder} does not compile: {result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error)}");
                    return 1;
                }

                if (round >= 0)
                {
                    times[folder].Add(watch.Elapsed.TotalSeconds);
                }
            }
        }

        foreach (string folder in folders)
        {
            var sorted = times[folder].OrderBy(t => t).ToList();
            Console.WriteLine($"  {folder,-24} median {sorted[sorted.Count / 2],7:F3} s   (min {sorted[0]:F3}, max {sorted[^1]:F3})");
        }

        if (folders.Count > 2)
        {
            Console.WriteLine($"What each adds over {folders[0]}, as a multiple of what {folders[1]} adds (per round; median, range):");
            foreach (string folder in folders.Skip(2))
            {
                var ratios = Enumerable.Range(0, rounds)
                    .Select(i => (times[folder][i] - times[folders[0]][i]) / (times[folders[1]][i] - times[folders[0]][i]))
                    .OrderBy(r => r).ToList();
                Console.WriteLine($"  {folder,-24} {ratios[ratios.Count / 2]:F2}   ({ratios[0]:F2}-{ratios[^1]:F2})");
            }
        }

        return 0;
    }
}
