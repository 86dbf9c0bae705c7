using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using RipeTyped.Generator;

namespace RipeTyped.Benchmarks;

/// <summary>
/// The generator in a compilation: a cold run over a 200-event plan, and the run after an edit to a C# file,
/// which must not re-read the plan (the IDE pays this one on every keystroke).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private GeneratorDriver _warmDriver = null!;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _editedCompilation = null!;
    private string _text = "";
    private FreshPlanTexts _fresh = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = Plans.Large(200);
        _fresh = new FreshPlanTexts(_text);
        _compilation = BenchCompilation.Create();
        _editedCompilation = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }"));
        _warmDriver = NewDriver(_text).RunGenerators(_compilation);
    }

    /// <summary>A new driver over a plan text no earlier run had (a new comment line): the process shares plan loads by content.</summary>
    [Benchmark]
    public GeneratorDriver ColdRun() => NewDriver(_fresh.Next()).RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver RunAfterCSharpEdit() => _warmDriver.RunGenerators(_editedCompilation);

    private static GeneratorDriver NewDriver(string plan) =>
        CSharpGeneratorDriver.Create(new[] { new TrackingPlanGenerator().AsSourceGenerator() }, new[] { new InMemoryPlanText("/bench/tracking-plan.yaml", plan) });
}
