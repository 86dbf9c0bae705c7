using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>
/// Text in the plan cannot break out of the comments, strings or identifiers it lands in. The generated code is
/// compiled, loaded and run, and what it sends must equal the plan's strings exactly.
/// </summary>
public class InjectionTests
{
    private const string Breakout = "*/ </summary> <b> \" \\ \\\" \n #error no {0} } \u2028 \u2029 \r class @event /* // ";

    private static readonly string EventName = "Clicked \"Quote\" */ Button " + Breakout;
    private static readonly string PropertyName = "class\" */ \\ key";
    private static readonly string[] EnumValues = { "a\"b\\c */", "line\nbreak \u2028 {x} #error", "class" };
    private const string Pattern = "^\"[a-z]+\\\\\\d\"$"; // a quote, letters, a backslash, a digit, a quote

    private static string Plan() => $"""
        version: 1
        options: {"{"} className: NastyAnalytics, namespace: Nasty.Tracking {"}"}
        events:
          - name: {YamlText.Quote(EventName)}
            description: {YamlText.Quote(Breakout)}
            deprecated: {YamlText.Quote(Breakout)}
            properties:
              {YamlText.Quote(PropertyName)}:
                type: enum
                values: [{string.Join(", ", EnumValues.Select(YamlText.Quote))}]
                description: {YamlText.Quote(Breakout)}
                required: true
              code:
                type: string
                pattern: {YamlText.Quote(Pattern)}
                description: {YamlText.Quote(Breakout)}
        """;

    [Fact]
    public void Hostile_text_compiles_without_a_warning_in_generated_code()
    {
        var run = GeneratorHarness.Run(Plan());

        Assert.Empty(run.Exceptions);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var problems = run.Output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS0618") // the event is deprecated on purpose
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Hostile_names_and_values_reach_the_wire_exactly()
    {
        var assembly = CompileAndLoad();
        var facadeType = assembly.GetType("Nasty.Tracking.NastyAnalytics")!;
        var track = facadeType.GetMethods().Single(m => m.Name.StartsWith("Track", StringComparison.Ordinal) && m.GetParameters().Length == 2);
        var propertiesType = track.GetParameters()[0].ParameterType;
        var enumProperty = propertiesType.GetProperties().Single(p => p.PropertyType.IsEnum || Nullable.GetUnderlyingType(p.PropertyType)?.IsEnum == true);
        var enumType = Nullable.GetUnderlyingType(enumProperty.PropertyType) ?? enumProperty.PropertyType;
        var codeProperty = propertiesType.GetProperty("Code")!;

        var handler = new RecordingHandler();
        await using var client = LoadedCode.RecordingClient(handler);
        object facade = Activator.CreateInstance(facadeType, client)!;
        foreach (object member in Enum.GetValues(enumType))
        {
            object properties = Activator.CreateInstance(propertiesType)!;
            enumProperty.SetValue(properties, member);
            codeProperty.SetValue(properties, "\"abc\\1\"");
            track.Invoke(facade, new[] { properties, null });
        }

        await client.FlushAsync();

        var bodies = handler.Bodies.Select(b => JsonDocument.Parse(b).RootElement).ToList();
        Assert.Equal(EnumValues.Length, bodies.Count);
        Assert.All(bodies, b => Assert.Equal(EventName, b.GetProperty("event").GetString()));
        Assert.Equal(EnumValues, bodies.Select(b => b.GetProperty("properties").GetProperty(PropertyName).GetString()));
        Assert.All(bodies, b => Assert.Equal("\"abc\\1\"", b.GetProperty("properties").GetProperty("code").GetString()));
    }

    [Fact]
    public void A_hostile_pattern_keeps_its_exact_meaning()
    {
        var assembly = CompileAndLoad();
        var propertiesType = assembly.GetTypes().Single(t => t.Name.EndsWith("Properties", StringComparison.Ordinal) && t.Namespace == "Nasty.Tracking");
        var codeProperty = propertiesType.GetProperty("Code")!;

        List<RipeValidationError> Validate(string code)
        {
            var properties = (IRipeProperties)Activator.CreateInstance(propertiesType)!;
            codeProperty.SetValue(properties, code);
            var errors = new List<RipeValidationError>();
            properties.Validate(errors, "properties");
            return errors.Where(e => e.Path.EndsWith(".code", StringComparison.Ordinal)).ToList();
        }

        Assert.Empty(Validate("\"abc\\1\""));
        Assert.NotEmpty(Validate("abc\\1"));
        Assert.NotEmpty(Validate("\"abc1\""));
    }

    private static Assembly CompileAndLoad() => GeneratorHarness.Run(Plan()).Load();
}
