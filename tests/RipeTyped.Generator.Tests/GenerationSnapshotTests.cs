using System.Linq;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

public class GenerationSnapshotTests
{
    [Fact]
    public void Representative_plan_generates_the_snapshotted_sources()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.ReadPlan("representative.yaml"));

        Assert.Empty(run.GeneratorDiagnostics);
        foreach (var source in run.Sources.OrderBy(s => s.HintName, System.StringComparer.Ordinal))
        {
            Snapshot.Match(source.SourceText.ToString(), "Representative/" + source.HintName);
        }

        Snapshot.Match(string.Join("\n", run.Sources.Select(s => s.HintName).OrderBy(n => n, System.StringComparer.Ordinal)) + "\n", "Representative/_files.txt");
    }

    [Fact]
    public void Representative_plan_output_compiles_without_warnings_under_nullable_and_doc_checks()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.ReadPlan("representative.yaml"));

        Assert.Empty(run.Exceptions);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Sample_plan_output_compiles_without_warnings()
    {
        var run = GeneratorHarness.Run(System.IO.File.ReadAllText(RepositoryFiles.Path("tracking-plan.yaml")));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains(run.Sources, s => s.HintName == "AcmeAnalytics.g.cs");
    }

    [Fact]
    public void Output_is_byte_identical_across_runs()
    {
        string plan = GeneratorHarness.ReadPlan("representative.yaml");
        var first = GeneratorHarness.Run(plan).Sources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();
        var second = GeneratorHarness.Run(plan).Sources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();

        Assert.Equal(first, second);
    }
}
