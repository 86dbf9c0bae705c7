using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using RipeTyped.Generator;
using RipeTyped.Generator.Emit;
using RipeTyped.Generator.Pipeline;
using YamlDotNet.Core;

namespace RipeTyped.Benchmarks;

/// <summary>
/// Generator cost against its floor: YamlDotNet's event parser reading the same file and doing nothing else.
/// Target: a full generator run within 2× of that parse. Run under both garbage collectors: the compiler (csc and
/// VBCSCompiler) runs with server GC, an ordinary benchmark process with workstation GC, and this workload is GC-bound.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BothCollectors))]
public class GeneratorScalingBenchmarks
{
    private string _text = "";
    private FreshPlanTexts _fresh = null!;
    private CSharpCompilation _compilation = null!;

    [Params(100, 1000, 5000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = Plans.Synthetic(Events);
        _fresh = new FreshPlanTexts(_text);
        _compilation = BenchCompilation.Create();
    }

    /// <summary>The floor: every YamlDotNet parsing event of the file, read and dropped.</summary>
    [Benchmark(Baseline = true)]
    public int YamlDotNetParseOnly() => YamlFloor.ParseEvents(_text);

    /// <summary>Context, not the baseline: YamlDotNet's representation model (a whole-document tree) of the same file.</summary>
    [Benchmark]
    public int YamlDotNetYamlStream()
    {
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(_text));
        return stream.Documents.Count;
    }

    /// <summary>RipeTyped's own work: load, validate, build the spec and write every source file's text.</summary>
    [Benchmark]
    public int ParseValidateEmit()
    {
        var model = PlanModelBuilder.Build(ImmutableArray.Create(new PlanFile("/bench/tracking-plan.yaml", Microsoft.CodeAnalysis.Text.SourceText.From(_fresh.Next()))), new ProjectInfo("Bench", "Bench"), CancellationToken.None);
        return SourceEmitter.Emit(model.Spec!).Sum(s => s.Source.Length);
    }

    /// <summary>The generator as the compiler runs it, Roslyn's driver and source bookkeeping included.</summary>
    [Benchmark]
    public GeneratorDriver FullGeneratorRun() =>
        CSharpGeneratorDriver.Create(new[] { new TrackingPlanGenerator().AsSourceGenerator() }, new[] { new InMemoryPlanText("/bench/tracking-plan.yaml", _fresh.Next()) }).RunGenerators(_compilation);

}

/// <summary>The short job twice: workstation GC (an ordinary process) and server GC (csc, VBCSCompiler).</summary>
internal sealed class BothCollectors : ManualConfig
{
    public BothCollectors()
    {
        AddJob(Job.ShortRun.WithGcServer(false).WithId("WorkstationGC"));
        AddJob(Job.ShortRun.WithGcServer(true).WithId("ServerGC"));
    }
}
