using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>
/// Enum properties are written from one UTF-8 literal of the plan's strings, read by position: the generated code is
/// compiled, loaded and run, and each value must reach the JSON as the plan spells it, in every shape an enum takes.
/// </summary>
public class EnumWireValuesTests
{
    private static readonly string[] Tiers = { "free", "pro+", "Früh 🚀", "say \"hi\" \\ </b>" };

    private const string Plan = """
        options: { className: WireAnalytics, namespace: Wire.Tracking }
        definitions:
          tier: { type: enum, values: [free, "pro+", "Früh 🚀", "say \"hi\" \\ </b>"] }
        events:
          - name: Picked
            properties:
              mood: { type: enum, values: [happy, sad], required: true }
              tier: { $ref: tier }
              tiers: { type: array, items: { $ref: tier } }
              odd: { type: enum, values: ["a", "b\0c"] }
        """;

    [Fact]
    public void Every_value_of_every_shape_is_written_as_the_plan_spells_it()
    {
        var assembly = Load();
        var type = assembly.GetType("Wire.Tracking.PickedProperties")!;
        var tier = assembly.GetType("Wire.Tracking.Tier")!;
        var mood = type.GetNestedType("MoodKind")!;

        for (int i = 0; i < Tiers.Length; i++)
        {
            object properties = Activator.CreateInstance(type)!;
            type.GetProperty("Mood")!.SetValue(properties, Enum.ToObject(mood, i % 2));
            type.GetProperty("Tier")!.SetValue(properties, Enum.ToObject(tier, i));
            var list = Array.CreateInstance(tier, Tiers.Length - i);
            for (int j = 0; j < list.Length; j++)
            {
                list.SetValue(Enum.ToObject(tier, i + j), j);
            }

            type.GetProperty("Tiers")!.SetValue(properties, list);
            var json = Write(properties);

            Assert.Equal(i % 2 == 0 ? "happy" : "sad", json.GetProperty("mood").GetString());
            Assert.Equal(Tiers[i], json.GetProperty("tier").GetString());
            Assert.Equal(Tiers.Skip(i), json.GetProperty("tiers").EnumerateArray().Select(e => e.GetString()));
            Assert.False(json.TryGetProperty("odd", out _)); // optional and null: left out
        }
    }

    [Fact]
    public void A_value_with_a_NUL_keeps_its_ToWireValue_and_still_reaches_the_wire()
    {
        var run = GeneratorHarness.Run(Plan);
        string source = run.Output.SyntaxTrees.Select(t => t.ToString()).Single(t => t.Contains("class PickedProperties", StringComparison.Ordinal));
        Assert.Contains("Odd?.ToWireValue()", source, StringComparison.Ordinal);
        Assert.Contains("\"happy\\0sad\"u8", source, StringComparison.Ordinal);

        var type = run.Load().GetType("Wire.Tracking.PickedProperties")!;
        object properties = Activator.CreateInstance(type)!;
        type.GetProperty("Odd")!.SetValue(properties, Enum.ToObject(type.GetNestedType("OddKind")!, 1));
        Assert.Equal("b\0c", Write(properties).GetProperty("odd").GetString());
    }

    [Fact]
    public void A_value_the_plan_does_not_define_is_refused_with_the_enums_name()
    {
        var assembly = Load();
        var type = assembly.GetType("Wire.Tracking.PickedProperties")!;
        foreach (int undefined in new[] { 2, -1, 99 })
        {
            object properties = Activator.CreateInstance(type)!;
            type.GetProperty("Mood")!.SetValue(properties, Enum.ToObject(type.GetNestedType("MoodKind")!, undefined));
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => Write(properties));
            Assert.Contains("MoodKind", error.Message, StringComparison.Ordinal);
            Assert.Equal(undefined, error.ActualValue);
        }
    }

    [Fact]
    public void A_long_list_of_values_keeps_ToWireValue_and_still_reaches_the_wire()
    {
        // 60 values of 12 characters: past the inline limit, so every property of this type would repeat ~780 bytes.
        var values = Enumerable.Range(0, 60).Select(i => "country_" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        string plan = $$"""
            options: { className: WireAnalytics, namespace: Wire.Tracking }
            definitions:
              country: { type: enum, values: [{{string.Join(", ", values)}}] }
            events:
              - name: Moved
                properties: { to: { $ref: country, required: true } }
            """;
        var run = GeneratorHarness.Run(plan);
        Assert.Empty(run.GeneratorDiagnostics);
        string source = run.Output.SyntaxTrees.Select(t => t.ToString()).Single(t => t.Contains("class MovedProperties", StringComparison.Ordinal));
        Assert.Contains("To.ToWireValue()", source, StringComparison.Ordinal);
        Assert.DoesNotContain("country_0001", source, StringComparison.Ordinal);

        var assembly = run.Load();
        var type = assembly.GetType("Wire.Tracking.MovedProperties")!;
        object properties = Activator.CreateInstance(type)!;
        type.GetProperty("To")!.SetValue(properties, Enum.ToObject(assembly.GetType("Wire.Tracking.Country")!, 59));
        Assert.Equal("country_0059", Write(properties).GetProperty("to").GetString());
    }

    [Fact]
    public void An_undefined_value_throws_before_its_property_name_is_written()
    {
        var type = Load().GetType("Wire.Tracking.PickedProperties")!;
        object properties = Activator.CreateInstance(type)!;
        type.GetProperty("Mood")!.SetValue(properties, Enum.ToObject(type.GetNestedType("MoodKind")!, 7));
        using var stream = new MemoryStream();
        using var writer = new Utf8JsonWriter(stream);
        Assert.Throws<ArgumentOutOfRangeException>(() => ((IRipeProperties)properties).WriteTo(writer));

        // The writer is inside the object, expecting a property name: a half-written "mood" would have left it expecting a value.
        writer.WriteString("next", "ok");
        writer.WriteEndObject();
        writer.Flush();
        Assert.Equal("{\"next\":\"ok\"}", Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static Assembly Load()
    {
        var run = GeneratorHarness.Run(Plan);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        return run.Load();
    }

    private static JsonElement Write(object properties)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            ((IRipeProperties)properties).WriteTo(writer);
        }

        return JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).RootElement.Clone();
    }
}
