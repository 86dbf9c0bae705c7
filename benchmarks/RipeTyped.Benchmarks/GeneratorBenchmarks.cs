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
    private AdditionalText _plan = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plan = new InMemoryPlanText("/bench/tracking-plan.yaml", Plans.Large(200));
        var references = new[] { typeof(object).Assembly, typeof(RipeClient).Assembly }.Select(a => MetadataReference.CreateFromFile(a.Location));
        _compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText("class A { }") }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _editedCompilation = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }"));
        _warmDriver = NewDriver().RunGenerators(_compilation);
    }

    [Benchmark]
    public GeneratorDriver ColdRun() => NewDriver().RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver RunAfterCSharpEdit() => _warmDriver.RunGenerators(_editedCompilation);

    private GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(new[] { new TrackingPlanGenerator().AsSourceGenerator() }, new[] { _plan });
}
