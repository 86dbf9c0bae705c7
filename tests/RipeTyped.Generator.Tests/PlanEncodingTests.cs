using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using RipeTyped.Cli;
using RipeTyped.Generator.Loading;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>
/// A plan that is not UTF-8 is RIPE0021 at its first bad byte, in the build (from the compiler's decoded text) and in
/// <c>ripe-typed lint</c> (from the file's bytes), instead of names with U+FFFD ("Caf\uFFFD Visited", TrackCafVisited).
/// </summary>
public class PlanEncodingTests
{
    // Line 3, column 14 is the é.
    private static readonly byte[] Latin1Plan = Encoding.Latin1.GetBytes("version: 1\nevents:\n  - name: Café Visited\n    description: A café page was seen.\n");

    private static GeneratorRun Build(SourceText text)
    {
        var compilation = GeneratorHarness.Compilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(new TextAdditionalText(GeneratorHarness.FreshPlanPath(), text))
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver.GetRunResult(), output, diagnostics);
    }

    private static (int Line, int Column) Position(Diagnostic diagnostic) =>
        (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1);

    [Fact]
    public void Bytes_the_compiler_replaced_with_U_FFFD_are_RIPE0021_at_the_first_one()
    {
        // What csc hands the generator on Linux and macOS: strict UTF-8 failed, so the file is decoded again replacing bad
        // bytes (SourceText.From over bytes does the same; its checksum is the file's bytes', as the compiler's is).
        var run = Build(SourceText.From(Latin1Plan, Latin1Plan.Length));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RIPE0021", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal((3, 14), Position(diagnostic));
        Assert.Equal("This tracking plan file is not valid UTF-8 from here on; save it as UTF-8 (nothing in it is read until then)", diagnostic.GetMessage());
        Assert.Empty(run.Sources); // no TrackCafVisited, no "Caf\uFFFD Visited" on the wire
        Assert.Empty(run.Exceptions);
    }

    [Fact]
    public void A_text_the_compiler_decoded_with_a_code_page_is_RIPE0021_at_the_first_byte_that_is_not_UTF8()
    {
        // What csc hands the generator on Windows: the fallback is the ANSI code page, and the text reads "Café" correctly.
        // A UTF-8 "ü" before it is two valid bytes (two characters in the code page): the position is still the é's.
        byte[] bytes = Encoding.Latin1.GetBytes("# ")
            .Concat(Encoding.UTF8.GetBytes("ü"))
            .Concat(Encoding.Latin1.GetBytes("\nevents:\n  - name: Café Visited\n"))
            .ToArray();
        var run = Build(SourceText.From(bytes, bytes.Length, Encoding.Latin1));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RIPE0021", diagnostic.Id);
        Assert.Equal((3, 14), Position(diagnostic));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_U_FFFD_written_in_a_UTF8_plan_is_not_RIPE0021()
    {
        // EF BF BD is valid UTF-8: the checksum of the file's bytes tells it from a replaced byte.
        byte[] bytes = Encoding.UTF8.GetBytes("version: 1\nevents:\n  - name: Viewed Page\n    description: \"Shows \uFFFD for unknown glyphs.\"\n");
        var run = Build(SourceText.From(bytes, bytes.Length));

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "RIPE0021");
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("TrackViewedPage", StringComparison.Ordinal));
    }

    [Fact]
    public void A_valid_UTF8_plan_with_a_byte_order_mark_is_read()
    {
        byte[] bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes("version: 1\nevents:\n  - name: Visited Café\n    description: x\n")).ToArray();

        Assert.DoesNotContain(Build(SourceText.From(bytes, bytes.Length)).GeneratorDiagnostics, d => d.Id == "RIPE0021");
        Assert.Null(PlanTextDecoding.FromBytes("p.yaml", bytes).InvalidBytes);
        Assert.Equal("version: 1", PlanTextDecoding.FromBytes("p.yaml", bytes).Text.Split('\n')[0]);
    }

    [Theory]
    [InlineData(new byte[] { 0x41, 0xE9, 0x42 }, 1)]              // Latin-1 é
    [InlineData(new byte[] { 0x41, 0xC3, 0xA9, 0xFF }, 3)]        // valid é, then a byte UTF-8 never uses
    [InlineData(new byte[] { 0xC0, 0xAF }, 0)]                    // overlong '/'
    [InlineData(new byte[] { 0x41, 0xED, 0xA0, 0x80 }, 1)]        // UTF-16 surrogate
    [InlineData(new byte[] { 0x41, 0xF4, 0x90, 0x80, 0x80 }, 1)]  // above U+10FFFF
    [InlineData(new byte[] { 0x41, 0xE2, 0x82 }, 1)]              // cut short at the end
    [InlineData(new byte[] { 0x41, 0xF0, 0x9F, 0x8D, 0x8F }, -1)] // an emoji
    public void The_first_byte_that_is_not_UTF8_is_found(byte[] bytes, int expected)
    {
        Assert.Equal(expected, Utf8Validation.FirstInvalidByte(bytes, 0));
        Assert.Equal(expected < 0, Encoding.UTF8.GetString(bytes).IndexOf('\uFFFD') < 0);
    }

    [Fact]
    public void Lint_reads_the_file_strictly_and_reports_RIPE0021_where_the_build_does()
    {
        string directory = Path.Combine(Path.GetTempPath(), "ripetyped-encoding-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string path = Path.Combine(directory, "tracking-plan.yaml");
            File.WriteAllBytes(path, Latin1Plan);
            var output = new StringWriter();

            int exit = CliApp.Run(new[] { "lint", path, "--namespace", "Test.App.Analytics" }, output, new StringWriter());

            Assert.Equal(RipeTyped.Cli.Infrastructure.ExitCodes.InputError, exit); // nothing in the file is read, as for RIPE0001
            Assert.Contains("tracking-plan.yaml(3,14): error RIPE0021: This tracking plan file is not valid UTF-8 from here on", output.ToString());
            Assert.DoesNotContain("Caf\uFFFD", output.ToString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private sealed class TextAdditionalText(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}
