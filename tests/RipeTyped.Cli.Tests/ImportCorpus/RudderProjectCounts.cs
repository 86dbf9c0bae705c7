using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace RipeTyped.Cli.Tests.ImportCorpus;

/// <summary>
/// A rudder-cli project counted from its YAML: events are the track entries of <c>events</c> specs; properties are
/// the entries of every tracking plan rule's lists (its properties, their nested lists, its variants' cases and
/// defaults), each reference followed into the custom types it names (their members and variants, at each use).
/// </summary>
internal static class RudderProjectCounts
{
    public static SourceCounts Of(IEnumerable<string> files)
    {
        var specs = files.Select(f => PlainYaml.Read(File.ReadAllText(f), f)).Where(s => PlainYaml.Text(s, "kind") != null).ToList();
        var catalog = new Catalog(
            ById(specs, "properties", "properties"),
            ById(specs, "custom-types", "types"));
        int events = specs.Where(s => PlainYaml.Text(s, "kind") == "events")
            .Sum(s => PlainYaml.List(PlainYaml.Map(s, "spec"), "events").Count(e => (PlainYaml.Text(e, "event_type") ?? "track") == "track"));
        int properties = specs.Where(s => PlainYaml.Text(s, "kind") is "tp" or "tracking-plan")
            .SelectMany(s => PlainYaml.List(PlainYaml.Map(s, "spec"), "rules"))
            .Sum(rule => catalog.List(PlainYaml.List(rule, "properties"), 0) + catalog.Variants(PlainYaml.List(rule, "variants"), 0));
        return new SourceCounts(events, properties);
    }

    private static Dictionary<string, object?> ById(List<object?> specs, string kind, string list)
    {
        var byId = new Dictionary<string, object?>();
        foreach (var item in specs.Where(s => PlainYaml.Text(s, "kind") == kind).SelectMany(s => PlainYaml.List(PlainYaml.Map(s, "spec"), list)))
        {
            byId.TryAdd(PlainYaml.Text(item, "id") ?? "", item); // the first of a repeated id, as rudder-cli refuses the second
        }

        return byId;
    }

    private sealed record Catalog(Dictionary<string, object?> Properties, Dictionary<string, object?> Types)
    {
        private const int MaxDepth = 16;

        public int List(List<object?> items, int depth) => depth >= MaxDepth ? 0 : items.Sum(item =>
            1 + List(PlainYaml.List(item, "properties"), depth + 1) + TypeMembers(Find(Properties, PlainYaml.Text(item, "$ref") ?? PlainYaml.Text(item, "property")), depth + 1));

        public int Variants(List<object?> variants, int depth) => variants.Sum(v =>
            PlainYaml.List(v, "cases").Sum(c => List(PlainYaml.List(c, "properties"), depth))
            + List(PlainYaml.Map(v, "default") is { } withList ? PlainYaml.List(withList, "properties") : PlainYaml.List(v, "default"), depth));

        private int TypeMembers(object? entry, int depth) => entry is null || depth >= MaxDepth ? 0 : TypeNames(entry).Sum(t =>
            Find(Types, t) is { } type ? List(PlainYaml.List(type, "properties"), depth + 1) + Variants(PlainYaml.List(type, "variants"), depth + 1) + TypeMembers(type, depth + 1) : 0);

        /// <summary>Type references: <c>type</c> (comma-separated in v0.1), <c>types</c>, <c>item_type(s)</c>, config <c>itemTypes</c>.</summary>
        private static IEnumerable<string> TypeNames(object? entry)
        {
            var config = PlainYaml.Map(entry, "config") ?? PlainYaml.Map(entry, "propConfig");
            return (PlainYaml.Text(entry, "type") ?? "").Split(',').Select(t => t.Trim())
                .Concat(PlainYaml.List(entry, "types").OfType<string>())
                .Concat(new[] { PlainYaml.Text(entry, "item_type") ?? "" })
                .Concat(PlainYaml.List(entry, "item_types").OfType<string>())
                .Concat(PlainYaml.List(config, "itemTypes").Concat(PlainYaml.List(config, "item_types")).OfType<string>())
                .Where(t => t.StartsWith('#'));
        }

        /// <summary>The id a reference ends with: <c>#/properties/group/id</c> or <c>#property:id</c>.</summary>
        private static object? Find(Dictionary<string, object?> byId, string? reference) =>
            reference is null ? null : byId.GetValueOrDefault(reference.Split('/', ':').Last());
    }
}
