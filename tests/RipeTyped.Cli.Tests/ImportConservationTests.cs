using System.IO;
using RipeTyped.Cli.Tests.ImportCorpus;
using Xunit.Abstractions;

namespace RipeTyped.Cli.Tests;

/// <summary>
/// Nothing is lost without a word, in every importer: for every fixture of the corpus, the events and the properties
/// (at any depth) counted from the source by the tests' own walkers equal those read back from the written plan plus
/// those the import reported as not imported.
/// </summary>
public sealed class ImportConservationTests(ITestOutputHelper output)
{
    public static TheoryData<string> Fixtures() => CorpusFixtures.All();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_event_and_property_of_the_source_is_written_or_reported(string fixture)
    {
        using var dir = new TempDirectory();
        string target = dir.File("tracking-plan.yaml");

        var (exit, _, error) = CliRunner.Run("import", CorpusFixtures.PathOf(fixture), "--output", target);

        Assert.True(exit == 0, error);
        var source = SourceCounts.Of(CorpusFixtures.PathOf(fixture));
        var written = WrittenPlanCounts.Read(File.ReadAllText(target));
        var reported = ImportReport.Parse(error);
        output.WriteLine($"| {fixture} | {source.Events} / {written.Events} / {reported.Events} | {source.Properties} / {written.Properties} / {reported.Properties} |");
        Assert.True(source.Events > 0 && source.Properties > 0, "the walker found nothing: " + fixture);
        Assert.Equal(source.Events, written.Events + reported.Events);
        Assert.Equal(source.Properties, written.Properties + reported.Properties);
    }
}
