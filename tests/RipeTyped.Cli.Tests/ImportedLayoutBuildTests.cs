using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RipeTyped.Cli.Infrastructure;
using RipeTyped.Cli.Tests.ImportCorpus;
using RipeTyped.Cli.Tests.Infrastructure;
using Xunit.Abstractions;

namespace RipeTyped.Cli.Tests;

/// <summary>
/// Every fixture of the layouts other than Segment's (rudder-cli projects, RudderStack's API plan, Iglu schemas) goes
/// through import → generate → compile → send, as the Segment corpus does: the plan loads without errors, builds
/// with zero errors, and every generated call (variants' included) sends exactly the written event names and only
/// the written property names.
/// </summary>
public sealed class ImportedLayoutBuildTests(ITestOutputHelper output)
{
    public static TheoryData<string> Fixtures() => CorpusFixtures.OtherLayouts();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task An_imported_layout_builds_and_sends_the_written_names(string fixture)
    {
        using var dir = new TempDirectory();
        string target = dir.File("tracking-plan.yaml");
        var (exit, _, error) = CliRunner.Run("import", CorpusFixtures.PathOf(fixture), "--output", target);
        Assert.True(exit == 0, error);
        string yaml = File.ReadAllText(target);
        var loaded = LoadedPlan.FromText(yaml, "tracking-plan.yaml", "App");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));

        var app = GeneratedApp.Build(yaml);
        Assert.Empty(app.Errors);
        var bodies = await app.SendEveryCallAsync();

        var written = WrittenNames(yaml);
        var tracks = bodies.Where(b => b.TryGetProperty("event", out _)).ToList();
        Assert.Equal(written.Keys.OrderBy(k => k, StringComparer.Ordinal), tracks.Select(b => b.GetProperty("event").GetString()!).Distinct().OrderBy(k => k, StringComparer.Ordinal));
        foreach (var body in tracks)
        {
            string name = body.GetProperty("event").GetString()!;
            var sent = body.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => p.Name).ToList() : new List<string>();
            Assert.All(sent, key => Assert.True(written[name].Contains(key) || key == GeneratedApp.ExtraKey, $"'{name}' sent '{key}', which the plan does not name"));
        }

        output.WriteLine($"| {fixture} | {written.Count} events | {tracks.Count} track calls | 0 errors, {app.GeneratedChars:N0} generated chars |");
    }

    /// <summary>Each written event's top-level property names, its variants' included.</summary>
    private static Dictionary<string, HashSet<string>> WrittenNames(string yaml) =>
        PlainYaml.List(PlainYaml.Read(yaml, "tracking-plan.yaml"), "events").ToDictionary(
            e => PlainYaml.Text(e, "name")!,
            e => (PlainYaml.Map(e, "properties")?.Keys ?? Enumerable.Empty<string>())
                .Concat(PlainYaml.List(e, "variants").SelectMany(v => PlainYaml.Map(v, "properties")?.Keys ?? Enumerable.Empty<string>())).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
}
