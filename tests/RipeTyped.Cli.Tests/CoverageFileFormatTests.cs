using System.IO;
using RipeTyped.Testing;

namespace RipeTyped.Cli.Tests;

/// <summary>
/// The coverage file format is one versioned type (<see cref="CoverageFile"/>) that RipeTyped.Testing writes with and
/// the CLI, which compiles the same file, reads with: these tests use the CLI's copy, and RipeCoverage's for writing.
/// </summary>
public sealed class CoverageFileFormatTests
{
    private const string Plan = """
        version: 1
        events:
          - name: Signed Up
        """;

    [Fact]
    public void What_the_writer_writes_the_reader_reads_back_with_the_format_version()
    {
        using var dir = new TempDirectory();
        var written = new CoverageData { Identify = true };
        written.Events.UnionWith(new[] { "Signed Up", "Logged In" });
        written.Pages.Add("Pricing");
        string path = dir.File(CoverageFile.FileName(42));

        CoverageFile.Write(path, written);
        var read = CoverageFile.Read(path);

        Assert.Equal(new[] { "Logged In", "Signed Up" }, read.Events);
        Assert.Equal(new[] { "Pricing" }, read.Pages);
        Assert.True(read.Identify);
        Assert.False(read.Group);
        Assert.Contains("\"formatVersion\": 1", File.ReadAllText(path));
        Assert.True(CoverageFile.IsNamedAsCoverage(path));
    }

    [Fact]
    public void A_file_the_testing_package_writes_is_read_by_the_command()
    {
        // RipeCoverage (RipeTyped.Testing's compilation of the format) writes; the CLI's compilation reads.
        var recorder = new RipeRecorder();
        recorder.Client.Track("Format Round Trip Event");
        recorder.Client.Page("Format Round Trip Page");
        recorder.Client.Group("format-round-trip-group");
        using var dir = new TempDirectory();
        string path = dir.File("ripe-coverage-1.json");

        RipeCoverage.Write(path);
        var read = CoverageFile.Read(path);

        Assert.Contains("Format Round Trip Event", read.Events);
        Assert.Contains("Format Round Trip Page", read.Pages);
        Assert.True(read.Group);
    }

    [Fact]
    public void A_file_of_an_earlier_release_without_a_format_version_still_reads()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Plan);
        string coverage = dir.File("ripe-coverage-1.json", """{ "format": "ripe-typed-coverage", "events": ["Signed Up"], "pages": [], "identify": false, "group": true }""");

        var read = CoverageFile.Read(coverage);
        var (exit, output, error) = CliRunner.Run("coverage", coverage, "--plan", plan, "--min", "100");

        Assert.Equal(new[] { "Signed Up" }, read.Events);
        Assert.True(read.Group);
        Assert.True(exit == 0, output + error);
        Assert.Contains("1 of 1 event and page exercised (100%)", output);
    }

    [Fact]
    public void A_file_of_a_newer_format_version_is_refused_naming_the_file_and_both_versions()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Plan);
        string coverage = dir.File("ripe-coverage-1.json", """{ "format": "ripe-typed-coverage", "formatVersion": 2, "events": ["Signed Up"], "pages": [], "identify": false, "group": false }""");

        var (exit, output, error) = CliRunner.Run("coverage", coverage, "--plan", plan);

        Assert.Equal(3, exit);
        Assert.Equal("", output);
        Assert.Contains(
            $"{coverage}: coverage format version 2 is newer than this ripe-typed reads (format version 1); the file was written by a newer RipeTyped.Testing: update the tool (dotnet tool update RipeTyped.Cli).",
            error);
        Assert.Throws<CoverageFileException>(() => CoverageFile.Read(coverage));
    }

    [Theory]
    [InlineData("\"2\"")]
    [InlineData("0")]
    [InlineData("1.5")]
    public void A_format_version_that_is_not_a_whole_number_from_1_is_not_a_coverage_file(string version)
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Plan);
        string coverage = dir.File("ripe-coverage-1.json", $$"""{ "format": "ripe-typed-coverage", "formatVersion": {{version}}, "events": [] }""");

        var (exit, _, error) = CliRunner.Run("coverage", coverage, "--plan", plan);

        Assert.Equal(3, exit);
        Assert.Contains($"{coverage}: not a RipeTyped coverage file: \"formatVersion\" must be a whole number from 1, not {version}", error);
    }
}
