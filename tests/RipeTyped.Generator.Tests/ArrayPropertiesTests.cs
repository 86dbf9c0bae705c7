using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>
/// Arrays of strings, objects and <c>any</c> values are written and checked by non-generic helpers (cheaper to
/// compile than a generic call with a method group or lambda): the generated code is compiled, loaded and run, and
/// every item, null items included, must reach the JSON, and every item's rule its error at the item's path.
/// </summary>
public class ArrayPropertiesTests
{
    private const string Plan = """
        options: { className: ListAnalytics, namespace: Lists.Tracking }
        events:
          - name: Listed
            properties:
              tags: { type: array, items: { type: string, nullable: true }, required: true }
              codes: { type: array, items: { type: string, pattern: "^[A-Z]+$", minLength: 2, maxLength: 3 } }
              lines: { type: array, required: true, items: { type: object, nullable: true, properties: { sku: { type: string, required: true, minLength: 2 } } } }
              extras: { type: array, items: any }
        """;

    [Fact]
    public void Every_item_is_written_null_items_as_null_and_an_optional_null_array_left_out()
    {
        var (type, line) = Load();
        object properties = Create(type, line, tags: new[] { "a", null, "b\"" }, lines: new[] { "AB", null }, codes: null, extras: new object?[] { 1L, "x", null, true });

        var json = Write(properties);
        Assert.Equal(new[] { "a", null, "b\"" }, json.GetProperty("tags").EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? null : e.GetString()));
        var lines = json.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal("AB", lines[0].GetProperty("sku").GetString());
        Assert.Equal(JsonValueKind.Null, lines[1].ValueKind);
        Assert.False(json.TryGetProperty("codes", out _));
        Assert.Equal("[1,\"x\",null,true]", json.GetProperty("extras").GetRawText());
    }

    [Fact]
    public void A_required_array_forced_to_null_is_written_as_null_and_empty_arrays_as_empty()
    {
        var (type, line) = Load();
        object properties = Create(type, line, tags: null, lines: Array.Empty<string?>(), codes: Array.Empty<string>(), extras: Array.Empty<object?>());

        var json = Write(properties);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("tags").ValueKind);
        Assert.Equal("[]", json.GetProperty("lines").GetRawText());
        Assert.Equal("[]", json.GetProperty("codes").GetRawText());
        Assert.Equal("[]", json.GetProperty("extras").GetRawText());
    }

    [Fact]
    public void Each_items_rules_report_at_the_items_path_pattern_before_length()
    {
        var (type, line) = Load();
        object properties = Create(type, line, tags: new[] { "ok" }, lines: new[] { "AB", null, "A" }, codes: new[] { "ABC", "a", "ABCD", null }, extras: null);

        var errors = new List<RipeValidationError>();
        ((IRipeProperties)properties).Validate(errors, "properties");
        var paths = errors.Select(e => e.Path).ToList();

        // codes[1] breaks the pattern and the minimum length: two errors, pattern first; codes[3] (null) is not checked.
        Assert.Equal(new[] { "properties.codes[1]", "properties.codes[1]", "properties.codes[2]", "properties.lines[2].sku" }, paths);
        Assert.Contains("pattern", errors[0].Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("pattern", errors[1].Message, StringComparison.OrdinalIgnoreCase);
    }

    private static (Type Properties, Type Line) Load()
    {
        var run = GeneratorHarness.Run(Plan);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var assembly = run.Load();
        var type = assembly.GetType("Lists.Tracking.ListedProperties")!;
        return (type, type.GetProperty("Lines")!.PropertyType.GetGenericArguments()[0]);
    }

    private static object Create(Type type, Type line, string?[]? tags, string?[] lines, string?[]? codes, object?[]? extras)
    {
        object properties = Activator.CreateInstance(type)!;
        type.GetProperty("Tags")!.SetValue(properties, tags);
        type.GetProperty("Codes")!.SetValue(properties, codes);
        type.GetProperty("Extras")!.SetValue(properties, extras);
        var items = Array.CreateInstance(line, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i] is { } sku)
            {
                object item = Activator.CreateInstance(line)!;
                line.GetProperty("Sku")!.SetValue(item, sku);
                items.SetValue(item, i);
            }
        }

        type.GetProperty("Lines")!.SetValue(properties, items);
        return properties;
    }

    private static JsonElement Write(object properties) => JsonDocument.Parse(LoadedCode.Json((IRipeProperties)properties)).RootElement;
}
