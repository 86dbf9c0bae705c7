using System.Collections.Generic;
using System.Linq;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Plan;

namespace RipeTyped.Cli.Tests.ImportCorpus;

/// <summary>A YAML document as plain values (mappings as dictionaries, sequences as lists, scalars as text), for the tests' own counting.</summary>
internal static class PlainYaml
{
    public static object? Read(string text, string path)
    {
        var diagnostics = new List<PlanDiagnostic>();
        var root = YamlDocumentReader.Read(text, path, diagnostics);
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
        return root is { } node ? Plain(node) : null;
    }

    public static Dictionary<string, object?>? Map(object? value, string key) =>
        value is Dictionary<string, object?> map && map.TryGetValue(key, out var inner) ? inner as Dictionary<string, object?> : null;

    public static List<object?> List(object? value, string key) =>
        value is Dictionary<string, object?> map && map.TryGetValue(key, out var inner) && inner is List<object?> list ? list : new List<object?>();

    public static string? Text(object? value, string key) =>
        value is Dictionary<string, object?> map && map.TryGetValue(key, out var inner) ? inner as string : null;

    private static object? Plain(YamlNode node) =>
        node.IsMapping(out var mapping) ? mapping.Entries.ToDictionary(e => e.Key.Value, e => Plain(e.Value))
        : node.IsSequence(out var sequence) ? sequence.Items.Select(Plain).ToList()
        : node.IsScalar(out var scalar) && !scalar.IsNull ? scalar.Value
        : null;
}
