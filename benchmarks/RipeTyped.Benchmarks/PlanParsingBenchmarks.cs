using System.Collections.Generic;
using System.IO;
using BenchmarkDotNet.Attributes;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Plan;
using YamlDotNet.RepresentationModel;

namespace RipeTyped.Benchmarks;

/// <summary>
/// Reading a plan: RipeTyped's loader (YamlDotNet's event parser + model + validation) against YamlDotNet's
/// YamlStream representation model alone (no model, no validation), which RipeTyped deliberately does not use.
/// </summary>
[MemoryDiagnoser]
public class PlanParsingBenchmarks
{
    private string _text = "";

    [Params(12, 200)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup() => _text = Events == 12 ? Plans.Sample : Plans.Large(Events);

    [Benchmark(Baseline = true)]
    public object LoadPlan() => PlanLoader.Load(_text, "tracking-plan.yaml", new List<PlanDiagnostic>());

    [Benchmark]
    public int YamlTableOnly() => Breakdown.ReadTable(_text);

    [Benchmark]
    public YamlStream YamlStreamOnly()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(_text));
        return stream;
    }
}
