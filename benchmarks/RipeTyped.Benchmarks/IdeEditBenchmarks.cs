using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RipeTyped.Generator;
using RipeTyped.Generator.Analyzers;

namespace RipeTyped.Benchmarks;

/// <summary>
/// What one edit of the plan costs in the IDE: the generator re-runs on the edited text (driver state kept, as the IDE
/// keeps it) and the plan analyzer reports on the same text. Both share one load of the text. Against the floor of one
/// YamlDotNet event parse of the plan. Target (issue #14): the edit within 2.5× of that parse. Each invocation edits
/// the plan anew (a comment line with a counter), so no cache can answer it. Run under both garbage collectors (the IDE's
/// compiler server runs with server GC).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BothCollectors))]
public class IdeEditBenchmarks
{
    private const string PlanPath = "/bench/tracking-plan.yaml";

    private string _text = "";
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _driver = null!;
    private AdditionalText _current = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private FreshPlanTexts _edits = null!;

    [Params(1000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = Plans.Synthetic(Events);
        _edits = new FreshPlanTexts(_text);
        _compilation = BenchCompilation.Create();
        _current = new InMemoryPlanText(PlanPath, _text);
        _driver = CSharpGeneratorDriver.Create(new TrackingPlanGenerator()).AddAdditionalTexts(ImmutableArray.Create(_current)).RunGenerators(_compilation);
        _analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new TrackingPlanAnalyzer());

        // The measured edit must really regenerate: same number of files, no generator failure.
        Edit();
        var run = _driver.GetRunResult();
        if (run.Diagnostics.Length > 0 || run.Results[0].Exception != null || run.GeneratedTrees.Length < Events)
        {
            throw new System.InvalidOperationException($"the edit did not regenerate: {run.GeneratedTrees.Length} files, {string.Join("; ", run.Diagnostics)} {run.Results[0].Exception}");
        }
    }

    /// <summary>The floor: every YamlDotNet parsing event of the plan, read and dropped.</summary>
    [Benchmark(Baseline = true)]
    public int YamlDotNetParseOnly() => YamlFloor.ParseEvents(_text);

    /// <summary>One edit: the generator's incremental run on the new text, then the plan analyzer on the same text.</summary>
    [Benchmark]
    public int PlanEditGeneratorAndAnalyzer()
    {
        var edited = Edit();
        var diagnostics = _compilation.WithAnalyzers(_analyzers, new AnalyzerOptions(ImmutableArray.Create(edited)))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return _driver.GetRunResult().GeneratedTrees.Length + diagnostics.Length;
    }

    /// <summary>The same edit, generator only: what the analyzer adds is the difference.</summary>
    [Benchmark]
    public int PlanEditGeneratorOnly()
    {
        Edit();
        return _driver.GetRunResult().GeneratedTrees.Length;
    }

    private AdditionalText Edit()
    {
        var edited = new InMemoryPlanText(PlanPath, _edits.Next());
        _driver = _driver.ReplaceAdditionalText(_current, edited).RunGenerators(_compilation);
        _current = edited;
        return edited;
    }
}
