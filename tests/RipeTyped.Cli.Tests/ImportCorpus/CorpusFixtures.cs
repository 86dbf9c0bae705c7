using System;
using System.IO;
using System.Linq;

namespace RipeTyped.Cli.Tests.ImportCorpus;

/// <summary>
/// The import corpus (Corpus/): Segment plans are the JSON files at its top; every other layout is a folder
/// (a rudder-cli project, Iglu schemas, RudderStack's API plan), imported as a whole.
/// </summary>
internal static class CorpusFixtures
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static string PathOf(string fixture) => Path.Combine(Root, fixture);

    public static TheoryData<string> All() => Data(Segment().Concat(Folders()));

    public static TheoryData<string> OtherLayouts() => Data(Folders());

    private static string[] Segment() => Directory.GetFiles(Root, "*.json").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).ToArray()!;

    private static string[] Folders() => Directory.GetDirectories(Root).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).ToArray()!;

    private static TheoryData<string> Data(System.Collections.Generic.IEnumerable<string> fixtures)
    {
        var data = new TheoryData<string>();
        foreach (string fixture in fixtures)
        {
            data.Add(fixture);
        }

        return data;
    }
}
