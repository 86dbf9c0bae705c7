using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace RipeTyped.Cli.Tests.ImportCorpus;

/// <summary>
/// How many events and properties a source plan holds, counted by the tests from the source files, apart from the
/// importer: every event entry (all versions, collisions included) and every property name at any depth, a
/// property used through a reference counted at each use (RudderStack) or where it is written (JSON Schema).
/// </summary>
internal sealed record SourceCounts(int Events, int Properties)
{
    public static SourceCounts Of(string fixturePath)
    {
        string name = Path.GetFileName(fixturePath);
        if (name.StartsWith("snowplow", StringComparison.Ordinal))
        {
            return Snowplow(Directory.GetFiles(fixturePath, "*", SearchOption.AllDirectories));
        }

        if (name.StartsWith("rudderstack-api", StringComparison.Ordinal))
        {
            return RudderApi(File.ReadAllText(Directory.GetFiles(fixturePath, "*.json").Single()));
        }

        if (name.StartsWith("rudderstack", StringComparison.Ordinal))
        {
            return RudderProjectCounts.Of(Directory.GetFiles(fixturePath, "*.yaml", SearchOption.AllDirectories));
        }

        return Segment(File.ReadAllText(fixturePath));
    }

    /// <summary>Segment: TRACK rules or <c>events</c> entries; property names as <see cref="SourcePlan"/> counts them.</summary>
    private static SourceCounts Segment(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        if (root.TryGetProperty("data", out var data))
        {
            root = data;
        }

        var rules = root.TryGetProperty("rules", out var r) ? r : default;
        int events = rules.ValueKind == JsonValueKind.Array
            ? rules.EnumerateArray().Count(rule => string.Equals(rule.GetProperty("type").GetString(), "TRACK", StringComparison.OrdinalIgnoreCase))
            : (rules.ValueKind == JsonValueKind.Object ? rules : root).GetProperty("events").GetArrayLength();
        return new SourceCounts(events, SourcePlan.Read(json).PropertiesIn);
    }

    /// <summary>Each schema with a <c>self</c> block is an event; its property names at any depth.</summary>
    private static SourceCounts Snowplow(IEnumerable<string> files)
    {
        var schemas = files.Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement).Where(s => s.TryGetProperty("self", out _)).ToList();
        return new SourceCounts(schemas.Count, schemas.Sum(Names));
    }

    /// <summary>Track entries of <c>events</c>; the names in every event's <c>rules</c> minus the message fields that wrap them.</summary>
    private static SourceCounts RudderApi(string json)
    {
        var events = JsonDocument.Parse(json).RootElement.GetProperty("events").EnumerateArray().ToList();
        int properties = events.Where(e => e.TryGetProperty("rules", out _)).Sum(e =>
        {
            var rules = e.GetProperty("rules");
            int wrappers = rules.TryGetProperty("properties", out var fields) && fields.ValueKind == JsonValueKind.Object ? fields.EnumerateObject().Count() : 0;
            return Names(rules) - wrappers;
        });
        return new SourceCounts(events.Count(e => e.GetProperty("eventType").GetString() == "track"), properties);
    }

    /// <summary>Every key of every JSON Schema <c>properties</c> map in the tree (enum, const, default and examples are data).</summary>
    public static int Names(JsonElement node) => node.ValueKind switch
    {
        JsonValueKind.Object => node.EnumerateObject().Where(m => m.Name is not ("enum" or "const" or "default" or "examples"))
            .Sum(m => m.Name == "properties" && m.Value.ValueKind == JsonValueKind.Object ? m.Value.EnumerateObject().Sum(p => 1 + Names(p.Value)) : Names(m.Value)),
        JsonValueKind.Array => node.EnumerateArray().Sum(Names),
        _ => 0,
    };
}
