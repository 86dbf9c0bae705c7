using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using RipeTyped.Cli.Infrastructure;
using RipeTyped.Cli.Tests.ImportCorpus;
using RipeTyped.Cli.Tests.Infrastructure;
using RipeTyped.Generator.Plan;
using Xunit.Abstractions;

namespace RipeTyped.Cli.Tests;

/// <summary>
/// Plans in the layouts other tools publish (Corpus/*.json, written for this project from each layout's documented
/// structure) go through import → generate → compile → send: no silent loss (properties in = written + reported),
/// zero build errors, and exactly the source's event and property names on the wire.
/// </summary>
public sealed class RealPlanCorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task A_published_layout_imports_builds_and_sends_its_exact_names(string fixture)
    {
        string json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", fixture));
        await ImportBuildAndSend(fixture, json);
    }

    [Fact]
    public async Task A_600_event_legacy_plan_with_every_collision_class_builds_with_zero_errors()
    {
        await ImportBuildAndSend("legacy-600 (generated)", LegacyPlan(groups: 150));
    }

    private async Task ImportBuildAndSend(string name, string json)
    {
        using var dir = new TempDirectory();
        string input = dir.File("plan.json", json);
        string target = dir.File("tracking-plan.yaml");

        var (exit, _, error) = CliRunner.Run("import", input, "--output", target);
        Assert.True(exit == 0, error);
        string yaml = File.ReadAllText(target);
        var loaded = LoadedPlan.FromText(yaml, "tracking-plan.yaml", "App");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));

        // No silent loss: every property name of the source is in the plan or in the report.
        var source = SourcePlan.Read(json);
        int written = loaded.Plan.Events.Concat(loaded.Plan.Pages).Concat(new[] { loaded.Plan.Identify, loaded.Plan.Group }.Where(c => c != null)).Sum(c => Count(c!.Properties));
        int reported = ImportReport.Parse(error).Properties;
        Assert.Equal(source.PropertiesIn, written + reported);

        var app = GeneratedApp.Build(yaml);
        Assert.Empty(app.Errors);
        var bodies = await app.SendEveryCallAsync();

        // Exact wire names: events, pages and every top-level property/trait (all set), plus the extra key where the plan is open.
        var tracks = bodies.Where(b => b.TryGetProperty("event", out _)).ToDictionary(b => b.GetProperty("event").GetString()!, StringComparer.Ordinal);
        Assert.Equal(source.Events.Keys.OrderBy(k => k, StringComparer.Ordinal), tracks.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (eventName, expected) in source.Events)
        {
            Assert.Equal(Expected(expected, loaded.Plan.Events.Single(e => e.Name == eventName).AdditionalProperties), Keys(tracks[eventName], "properties"));
        }

        var pages = bodies.Where(b => b.TryGetProperty("name", out _) && !b.TryGetProperty("event", out _)).ToDictionary(b => b.GetProperty("name").GetString()!, StringComparer.Ordinal);
        Assert.Equal(source.Pages.Keys.OrderBy(k => k, StringComparer.Ordinal), pages.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (pageName, expected) in source.Pages)
        {
            Assert.Equal(Expected(expected, loaded.Plan.Pages.Single(p => p.Name == pageName).AdditionalProperties), Keys(pages[pageName], "properties"));
        }

        if (source.IdentifyTraits is { } traits)
        {
            var identify = bodies.Single(b => b.TryGetProperty("traits", out _) && !b.TryGetProperty("groupId", out _));
            Assert.Equal(Expected(traits, loaded.Plan.Identify!.AdditionalProperties), Keys(identify, "traits"));
        }

        int warnings = loaded.Diagnostics.Count(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Warning);
        output.WriteLine($"| {name} | {source.Events.Count} | {source.PropertiesIn} | {written} | {reported} | {warnings} | 0 errors, {app.GeneratedChars:N0} generated chars | {bodies.Count} calls, names exact |");
    }

    private static List<string> Expected(IEnumerable<string> listed, bool open) =>
        (open ? listed.Append(GeneratedApp.ExtraKey) : listed).OrderBy(k => k, StringComparer.Ordinal).ToList();

    private static List<string> Keys(JsonElement body, string payload) =>
        body.TryGetProperty(payload, out var value) ? value.EnumerateObject().Select(p => p.Name).OrderBy(k => k, StringComparer.Ordinal).ToList() : new List<string>();

    private static int Count(RipeTyped.Generator.Common.EquatableArray<PropertyDefinition> properties) =>
        properties.Sum(p => 1 + Count(p.Schema.Properties) + CountItems(p.Schema.Items));

    private static int CountItems(PropertySchema? items) => items is null ? 0 : Count(items.Properties) + CountItems(items.Items);

    /// <summary>A Public API rule list of 4 × groups events, each spelling class of one name, each with colliding property names.</summary>
    private static string LegacyPlan(int groups)
    {
        var rules = new StringBuilder("{ \"rules\": [\n");
        bool first = true;
        for (int i = 0; i < groups; i++)
        {
            foreach (string name in new[] { $"Site {i} Selected", $"site{i}Selected", $"SITE {i} SELECTED", $"site-{i}-selected" })
            {
                rules.Append(first ? "" : ",\n").Append($$"""
                    { "type": "TRACK", "key": "{{name}}", "version": 1, "jsonSchema": { "type": "object", "properties": { "properties": { "type": "object",
                      "properties": { "siteId": { "type": "string" }, "site id": { "type": "string" }, "SiteID": { "type": "string" }, "site_id": { "type": "integer" },
                        "state": { "type": "string", "enum": ["open", "Open", "OPEN"] }, "State": { "type": "string" }, "email": { "type": "string" }, "Email": { "type": "string" } },
                      "required": ["siteId"] } } } }
                    """);
                first = false;
            }
        }

        return rules.Append("\n] }").ToString();
    }
}

/// <summary>
/// What the test expects of a source plan, read independently of the importer: the newest version of each event,
/// page and trait list with its top-level property names, and how many property names the source holds in all.
/// </summary>
internal sealed class SourcePlan
{
    public Dictionary<string, List<string>> Events { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<string>> Pages { get; } = new(StringComparer.Ordinal);

    public List<string>? IdentifyTraits { get; private set; }

    /// <summary>Every key of every JSON Schema <c>properties</c> object, minus Segment's wrapper fields (context, traits, properties).</summary>
    public int PropertiesIn { get; private set; }

    public static SourcePlan Read(string json)
    {
        var plan = new SourcePlan();
        var root = JsonDocument.Parse(json).RootElement;
        if (root.TryGetProperty("data", out var data))
        {
            root = data;
        }

        plan.PropertiesIn = AllPropertyNames(root);
        var rules = root.TryGetProperty("rules", out var r) ? r : default;
        if (rules.ValueKind == JsonValueKind.Array)
        {
            var newest = new Dictionary<(string, string), (long, JsonElement)>();
            foreach (var rule in rules.EnumerateArray())
            {
                var schema = rule.GetProperty("jsonSchema");
                bool unwrapped = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("eventMetadata", out _);
                if (schema.ValueKind == JsonValueKind.Object && !unwrapped)
                {
                    plan.PropertiesIn -= Wrappers(schema);
                }

                string type = rule.GetProperty("type").GetString()!;
                string name = unwrapped ? schema.GetProperty("eventMetadata").GetProperty("name").GetString()! : rule.TryGetProperty("key", out var k) ? k.GetString() ?? "" : "";
                long version = rule.GetProperty("version").GetInt64();
                if (!newest.TryGetValue((type, name), out var best) || version >= best.Item1)
                {
                    newest[(type, name)] = (version, rule);
                }
            }

            foreach (var ((type, name), (_, rule)) in newest)
            {
                var schema = rule.GetProperty("jsonSchema");
                bool unwrapped = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("eventMetadata", out _);
                var payload = unwrapped ? schema : Field(schema, type is "IDENTIFY" or "GROUP" ? "traits" : "properties");
                switch (type)
                {
                    case "TRACK": plan.Events[name] = Names(payload); break;
                    case "PAGE": plan.Pages[name] = Names(payload); break;
                    case "IDENTIFY": plan.IdentifyTraits = Names(payload); break;
                }
            }
        }
        else
        {
            var container = rules.ValueKind == JsonValueKind.Object ? rules : root;
            var newest = new Dictionary<string, (long, JsonElement)>(StringComparer.Ordinal);
            foreach (var e in container.GetProperty("events").EnumerateArray())
            {
                plan.PropertiesIn -= e.TryGetProperty("rules", out var s) ? Wrappers(s) : 0;
                long version = e.TryGetProperty("version", out var v) ? v.GetInt64() : 0;
                string name = e.GetProperty("name").GetString()!;
                if (!newest.TryGetValue(name, out var best) || version >= best.Item1)
                {
                    newest[name] = (version, e);
                }
            }

            foreach (var (name, (_, e)) in newest)
            {
                plan.Events[name] = e.TryGetProperty("rules", out var s) ? Names(Field(s, "properties")) : new List<string>();
            }

            foreach (string section in new[] { "identify", "group", "global" })
            {
                if (container.TryGetProperty(section, out var s) && s.ValueKind == JsonValueKind.Object)
                {
                    plan.PropertiesIn -= Wrappers(s);
                    if (section == "identify")
                    {
                        plan.IdentifyTraits = Names(Field(s, "traits"));
                    }
                }
            }
        }

        return plan;
    }

    private static JsonElement Field(JsonElement wrapped, string field) =>
        wrapped.ValueKind == JsonValueKind.Object && wrapped.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty(field, out var f) ? f : default;

    private static List<string> Names(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object
            ? p.EnumerateObject().Select(m => m.Name).ToList()
            : new List<string>();

    private static int Wrappers(JsonElement wrapped) =>
        wrapped.ValueKind == JsonValueKind.Object && wrapped.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p.EnumerateObject().Count() : 0;

    private static int AllPropertyNames(JsonElement node)
    {
        int count = 0;
        if (node.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in node.EnumerateObject())
            {
                if (member.Name is "enum" or "const" or "default" or "examples")
                {
                    continue;
                }

                if (member.Name == "properties" && member.Value.ValueKind == JsonValueKind.Object)
                {
                    // A map of names to schemas: each name counts, and each schema is searched in turn.
                    count += member.Value.EnumerateObject().Sum(p => 1 + AllPropertyNames(p.Value));
                }
                else
                {
                    count += AllPropertyNames(member.Value);
                }
            }
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            count += node.EnumerateArray().Sum(AllPropertyNames);
        }

        return count;
    }
}
