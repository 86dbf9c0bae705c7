using System.Linq;
using System.Text.RegularExpressions;

namespace RipeTyped.Cli.Tests.ImportCorpus;

/// <summary>What an import said it left out: the events and properties counted on its "not mapped" lines.</summary>
internal sealed record ImportReport(int Events, int Properties)
{
    private static readonly Regex Lost = new(@"\((?:(\d+) events?)?(?:, )?(?:(\d+) propert(?:y|ies))? not imported\)$", RegexOptions.Multiline);

    public static ImportReport Parse(string error)
    {
        var lines = error.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains(": not mapped: ")).ToList();
        var matches = lines.Select(l => Lost.Match(l)).Where(m => m.Success).ToList();
        return new ImportReport(
            matches.Sum(m => m.Groups[1].Success ? int.Parse(m.Groups[1].Value) : 0),
            matches.Sum(m => m.Groups[2].Success ? int.Parse(m.Groups[2].Value) : 0));
    }
}
