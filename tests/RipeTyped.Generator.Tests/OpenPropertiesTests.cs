using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary><c>additionalProperties: true</c>: typed members stay typed, unlisted ones travel next to them.</summary>
public class OpenPropertiesTests
{
    private const string Plan = """
        options: { namespace: Open.Tracking }
        events:
          - name: Site Selected
            additionalProperties: true
            properties:
              site_id: { type: string, required: true }
              filters: { type: object, additionalProperties: true, properties: { q: string } }
          - name: Anything Goes
            additionalProperties: true
          - name: Nothing Else
        identify:
          additionalProperties: true
        """;

    [Fact]
    public void An_open_event_sends_typed_and_additional_properties_once_each()
    {
        var assembly = CompileAndLoad();
        var type = assembly.GetType("Open.Tracking.SiteSelectedProperties")!;
        var properties = (IRipeProperties)Activator.CreateInstance(type)!;
        type.GetProperty("SiteId")!.SetValue(properties, "s-1");
        type.GetProperty("AdditionalProperties")!.SetValue(properties, new RipeProperties { ["site_id"] = "not sent", ["campaign"] = "spring", ["n"] = 2 });
        var filtersType = type.GetProperty("Filters")!.PropertyType;
        object filters = Activator.CreateInstance(filtersType)!;
        filtersType.GetProperty("Q")!.SetValue(filters, "shoes");
        filtersType.GetProperty("AdditionalProperties")!.SetValue(filters, new RipeProperties { ["size"] = 42 });
        type.GetProperty("Filters")!.SetValue(properties, filters);

        Assert.Equal("""{"site_id":"s-1","filters":{"q":"shoes","size":42},"campaign":"spring","n":2}""", Json(properties));
    }

    [Fact]
    public void An_open_event_without_listed_properties_takes_untyped_properties_and_a_closed_one_none()
    {
        var run = GeneratorHarness.Run(Plan);
        string facade = run.Source("RipeAnalytics.g.cs");
        Assert.Contains("public void TrackAnythingGoes(global::RipeTyped.RipeProperties? properties = null, __I? identity = null)", facade);
        Assert.Contains("public void TrackNothingElse(__I? identity = null)", facade);
        Assert.Contains("public void Identify(string userId, global::RipeTyped.RipeProperties? traits = null)", facade);
    }

    [Fact]
    public void A_plan_property_named_like_the_member_keeps_its_wire_name()
    {
        var run = GeneratorHarness.Run("events:\n  - name: A\n    additionalProperties: true\n    properties:\n      additional properties: string\n");
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        string source = run.Source("AProperties.g.cs");
        Assert.Contains("public string? AdditionalPropertiesValue { get; set; }", source);
        Assert.Contains("\"additional properties\"u8", source);
    }

    [Fact]
    public void additionalProperties_on_a_non_object_is_an_error_at_the_key()
    {
        var run = GeneratorHarness.Run("events:\n  - name: A\n    properties:\n      p: { type: string, additionalProperties: true }\n");
        var error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RIPE0009", error.Id);
    }

    private static string Json(IRipeProperties properties) => LoadedCode.Json(properties);

    private static Assembly CompileAndLoad() => GeneratorHarness.Run(Plan).Load();
}
