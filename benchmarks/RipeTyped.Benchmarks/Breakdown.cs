using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Emit;
using RipeTyped.Generator.Lint;
using RipeTyped.Generator.Plan;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Benchmarks;

/// <summary>
/// Where a generator run's time and allocations go, stage by stage (median of 5 runs after 2 warm-ups).
/// A profile in numbers, to explain GeneratorScalingBenchmarks; not a benchmark.
/// </summary>
internal static class Breakdown
{
    /// <summary>
    /// The generator can only bundle YamlDotNet's netstandard2.0 build (it must load in every host); the baseline above is
    /// the net8.0+ build this process gets. The netstandard2.0 build, loaded apart, reading the same text.
    /// </summary>
    private static Func<object?> NetStandardParse(string text)
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(typeof(YamlDotNet.Core.Parser).Assembly.Location)!, "..", "netstandard2.0", "YamlDotNet.dll");
        string? nuget = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string version = typeof(YamlDotNet.Core.Parser).Assembly.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        string candidate = System.IO.Path.Combine(nuget, "yamldotnet", version, "lib", "netstandard2.0", "YamlDotNet.dll");
        var context = new System.Runtime.Loader.AssemblyLoadContext("netstandard2.0 YamlDotNet");
        var assembly = context.LoadFromAssemblyPath(System.IO.File.Exists(candidate) ? candidate : System.IO.Path.GetFullPath(path));
        var parserType = assembly.GetType("YamlDotNet.Core.Parser")!;
        var constructor = parserType.GetConstructor(new[] { typeof(System.IO.TextReader) })!;
        var moveNext = parserType.GetMethod("MoveNext")!;
        return () =>
        {
            object parser = constructor.Invoke(new object[] { new System.IO.StringReader(text) });
            var next = (Func<bool>)Delegate.CreateDelegate(typeof(Func<bool>), parser, moveNext);
            int n = 0;
            while (next())
            {
                n++;
            }

            return n;
        };
    }

    /// <summary>The generator's whole work (load, validate, spec, emit) <paramref name="runs"/> times: a workload for a profiler.</summary>
    public static int Loop(int events, int runs)
    {
        string text = Plans.Synthetic(events);
        long chars = 0;
        using var listener = Environment.GetEnvironmentVariable("RIPE_ALLOC_TYPES") == "1" ? new AllocationByType() : null;
        string stage = Environment.GetEnvironmentVariable("RIPE_LOOP_STAGE") ?? "all";
        var validated = PlanLoader.Load(text, "p.yaml", new List<PlanDiagnostic>());
        var spec = SpecBuilder.Build(validated, "Bench", new List<PlanDiagnostic>());
        for (int i = 0; i < runs; i++)
        {
            chars += stage switch
            {
                "read" => PlanReader.Read(text, "p.yaml", new List<PlanDiagnostic>()).Events.Count,
                "load" => PlanLoader.Load(text, "p.yaml", new List<PlanDiagnostic>()).Events.Count,
                "spec" => SpecBuilder.Build(validated, "Bench", new List<PlanDiagnostic>()).Events.Count,
                "emit" => SourceEmitter.Emit(spec).Sum(s => (long)s.Source.Length),
                _ => SourceEmitter.Emit(SpecBuilder.Build(PlanLoader.Load(text, "p.yaml", new List<PlanDiagnostic>()), "Bench", new List<PlanDiagnostic>())).Sum(s => (long)s.Source.Length),
            };
        }

        Console.WriteLine($"{runs} runs, {chars / runs} chars each");
        listener?.Print(runs);
        return 0;
    }

    /// <summary>The YAML read into the reused table, as the plan reader does (the root's kind, to keep the work).</summary>
    public static int ReadTable(string text)
    {
        var document = YamlDocument.Rent(YamlDocument.ExpectedRows(text.Length));
        try
        {
            return (int?)YamlDocumentReader.Read(text, "p.yaml", new List<PlanDiagnostic>(), document)?.Kind ?? -1;
        }
        finally
        {
            document.Return();
        }
    }

    /// <summary>Measured runs per stage (after 2 warm-ups); RIPE_BREAKDOWN_RUNS sets it.</summary>
    private static readonly int Runs = int.TryParse(Environment.GetEnvironmentVariable("RIPE_BREAKDOWN_RUNS"), out int runs) ? runs : 5;

    public static int Run(int events)
    {
        string text = Plans.Synthetic(events);
        var read = PlanMerger.Merge(new[] { PlanReader.Read(text, "p.yaml", new List<PlanDiagnostic>()) }, new List<PlanDiagnostic>());
        var validated = PlanLoader.Load(text, "p.yaml", new List<PlanDiagnostic>());
        var builtSpec = SpecBuilder.Build(validated, "Bench", new List<PlanDiagnostic>());
        var stages = new (string Name, Func<object?> Work)[]
        {
            ("YamlDotNet events only", () => { var p = new YamlDotNet.Core.Parser(new System.IO.StringReader(text)); int n = 0; while (p.MoveNext()) { n++; } return n; }),
            ("YamlDotNet events only, netstandard2.0 build", NetStandardParse(text)),
            ("+ positioned YAML table", () => ReadTable(text)),
            ("+ plan model (PlanReader)", () => PlanReader.Read(text, "p.yaml", new List<PlanDiagnostic>())),
            ("+ validation (PlanLoader)", () => PlanLoader.Load(text, "p.yaml", new List<PlanDiagnostic>())),
            ("+ spec (SpecBuilder)", () => SpecBuilder.Build(PlanLoader.Load(text, "p.yaml", new List<PlanDiagnostic>()), "Bench", new List<PlanDiagnostic>())),
            ("+ emitted source text", () => SourceEmitter.Emit(SpecBuilder.Build(PlanLoader.Load(text, "p.yaml", new List<PlanDiagnostic>()), "Bench", new List<PlanDiagnostic>())).Sum(s => s.Source.Length)),
            ("validation alone", () => PlanValidator.Validate(read, new List<PlanDiagnostic>())),
            ("spec alone", () => SpecBuilder.Build(validated, "Bench", new List<PlanDiagnostic>())),
            ("emission alone: shared files", () => SourceEmitter.EmitShared(builtSpec).Sum(s => s.Source.Length)),
            ("emission alone: type files", () => SourceEmitter.TypeFiles(builtSpec).Select(SourceEmitter.EmitType).Sum(s => s.Source.Length)),
            ("linter (analyzer only)", () => { var d = new List<PlanDiagnostic>(); PlanLinter.Lint(PlanLoader.Load(text, "p.yaml", d), d); return d.Count; }),
        };

        long emitted = SourceEmitter.Emit(SpecBuilder.Build(PlanLoader.Load(text, "p.yaml", new List<PlanDiagnostic>()), "Bench", new List<PlanDiagnostic>())).Sum(s => (long)s.Source.Length);
        Console.WriteLine($"{events} events, {text.Length / 1024} KB of YAML, {emitted / 1024} K chars of C# emitted");
        foreach (var (name, work) in stages)
        {
            var times = new List<double>();
            long allocated = 0;
            int gen1 = 0, gen2 = 0;
            var pauses = new List<double>();
            for (int i = 0; i < Runs + 2; i++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                int gen1Before = GC.CollectionCount(1), gen2Before = GC.CollectionCount(2);
                TimeSpan pausedBefore = GC.GetTotalPauseDuration();
                var clock = Stopwatch.StartNew();
                GC.KeepAlive(work());
                clock.Stop();
                if (i >= 2)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    pauses.Add((GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds);
                    allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                    gen1 = GC.CollectionCount(1) - gen1Before;
                    gen2 = GC.CollectionCount(2) - gen2Before;
                }
            }

            times.Sort();
            pauses.Sort();
            Console.WriteLine($"  {name,-28} {times[times.Count / 2],9:F1} ms (fastest {times[0],6:F1}, GC paused {pauses[pauses.Count / 2],5:F1})  {allocated / 1048576.0,9:F1} MB   gen1 GCs {gen1,3}, gen2 GCs {gen2,3} (last run)");
        }

        return 0;
    }
}
