using System.IO;
using System.Linq;
using RipeTyped.Cli.Infrastructure;

namespace RipeTyped.Cli.Tests;

public sealed class ImportTests
{
    // Typewriter's plan.json shape: rules.events[].rules.properties.properties holds the event's JSON Schema.
    private const string TypewriterPlan = """
        {
          "display_name": "Shop Plan",
          "rules": {
            "events": [
              {
                "name": "Order Completed",
                "description": "A customer paid.",
                "rules": {
                  "$schema": "http://json-schema.org/draft-07/schema#",
                  "properties": {
                    "context": {},
                    "properties": {
                      "type": "object",
                      "required": ["order_id", "total"],
                      "properties": {
                        "order_id": { "type": "string", "pattern": "^ord_", "description": "Order \"id\" with\nnewline" },
                        "total": { "type": "number", "minimum": 0 },
                        "coupon": { "type": ["string", "null"], "maxLength": 20 },
                        "currency": { "enum": ["EUR", "USD", null] },
                        "paid_at": { "type": "string", "format": "date-time" },
                        "email": { "type": "string", "format": "email" },
                        "items": { "type": "array", "items": { "type": "object", "properties": { "sku": { "type": "string" } }, "required": ["sku"] } },
                        "shipping": { "type": "object", "properties": { "city": { "type": "string" } } },
                        "weird": { "oneOf": [{ "type": "string" }, { "type": "integer" }] }
                      }
                    },
                    "traits": {}
                  }
                }
              },
              { "name": "Product Viewed", "rules": {} }
            ],
            "identify": { "properties": { "traits": { "type": "object", "properties": { "email": { "type": "string" } }, "required": ["email"] } } },
            "group_traits": []
          }
        }
        """;

    [Fact]
    public void A_typewriter_plan_becomes_a_plan_that_loads_and_generates()
    {
        using var dir = new TempDirectory();
        string input = dir.File("plan.json", TypewriterPlan);
        string output = dir.File("tracking-plan.yaml");

        var (exit, _, error) = CliRunner.Run("import", input, "--output", output);

        Assert.True(exit == 0, error);
        var loaded = LoadedPlan.FromText(File.ReadAllText(output), output, "App");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        Assert.NotNull(loaded.Spec);
        var order = loaded.Plan.Events.Single(e => e.Name == "Order Completed");
        Assert.Equal("A customer paid.", order.Description);
        var byName = order.Properties.ToDictionary(p => p.Name);
        Assert.True(byName["order_id"].Schema.Required == true);
        Assert.Equal("^ord_", byName["order_id"].Schema.Pattern!.Value);
        Assert.Equal("Order \"id\" with\nnewline", byName["order_id"].Schema.Description);
        Assert.Equal(0, byName["total"].Schema.Minimum);
        Assert.True(byName["coupon"].Schema.Nullable == true);
        Assert.Equal(20, byName["coupon"].Schema.MaxLength);
        Assert.Equal(new[] { "EUR", "USD" }, byName["currency"].Schema.EnumValues.Select(v => v.Value));
        Assert.True(byName["currency"].Schema.Nullable == true);
        Assert.Equal("DateTime", byName["paid_at"].Schema.Kind.ToString());
        Assert.Equal("Array", byName["items"].Schema.Kind.ToString());
        Assert.True(byName["items"].Schema.Items!.Properties.Single().Schema.Required == true);
        Assert.Equal("Object", byName["shipping"].Schema.Kind.ToString());
        Assert.Equal("Any", byName["weird"].Schema.Kind.ToString());
        Assert.Contains(loaded.Plan.Events, e => e.Name == "Product Viewed" && e.Properties.Count == 0);
        Assert.True(loaded.Plan.Identify!.Properties.Single().Schema.Required == true);

        Assert.Contains("rules.events[0].rules.properties.properties.properties.weird.oneOf: 'oneOf' is not mapped; imported as any", error);
        Assert.Contains("rules.events[0].rules.properties.properties.properties.email.format: format 'email' is not checked", error);
        Assert.Contains("2 items could not be mapped", error);
    }

    [Fact]
    public void The_public_api_rule_list_is_read_too()
    {
        using var dir = new TempDirectory();
        string input = dir.File("plan.json", """
            { "name": "Web", "rules": [
              { "type": "TRACK", "key": "Signed Up", "jsonSchema": { "properties": { "properties": { "properties": { "plan": { "type": "string" } } } } } },
              { "type": "IDENTIFY", "jsonSchema": { "properties": { "traits": { "properties": { "name": { "type": "string" } } } } } },
              { "type": "COMMON", "jsonSchema": {} }
            ] }
            """);
        string output = dir.File("tracking-plan.yaml");

        var (exit, _, error) = CliRunner.Run("import", input, "--output", output);

        Assert.Equal(0, exit);
        var loaded = LoadedPlan.FromText(File.ReadAllText(output), output, "App");
        Assert.Equal("plan", loaded.Plan.Events.Single().Properties.Single().Name);
        Assert.Equal("name", loaded.Plan.Identify!.Properties.Single().Name);
        Assert.Contains("rules[2]: rule of type 'COMMON' is not mapped", error);
    }

    [Fact]
    public void Malformed_json_names_the_position_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        string input = dir.File("plan.json", "{\n  \"rules\": { \"events\": [ }\n}");
        string output = dir.File("tracking-plan.yaml");

        var (exit, _, error) = CliRunner.Run("import", input, "--output", output);

        Assert.Equal(3, exit);
        Assert.Contains("plan.json(2,", error);
        Assert.Contains("not valid JSON", error);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void An_existing_plan_is_not_overwritten_without_force()
    {
        using var dir = new TempDirectory();
        string input = dir.File("plan.json", TypewriterPlan);
        string output = dir.File("tracking-plan.yaml", "keep me");

        var (exit, _, error) = CliRunner.Run("import", input, "--output", output);
        var (forced, _, _) = CliRunner.Run("import", input, "--output", output, "--force");

        Assert.Equal(3, exit);
        Assert.Contains("already exists; pass --force", error);
        Assert.Equal(0, forced);
        Assert.Contains("Order Completed", File.ReadAllText(output));
    }

    [Fact]
    public void Json_that_is_not_a_tracking_plan_is_refused()
    {
        using var dir = new TempDirectory();
        string input = dir.File("plan.json", "{ \"name\": \"not a plan\" }");

        var (exit, _, error) = CliRunner.Run("import", input, "--output", dir.File("out.yaml"));

        Assert.Equal(3, exit);
        Assert.Contains("not a Segment tracking plan", error);
    }

    [Fact]
    public void A_schema_with_properties_and_no_type_is_an_object_that_keeps_its_members()
    {
        using var dir = new TempDirectory();
        string input = dir.File("plan.json", """
            { "rules": { "events": [ { "name": "Order Placed", "rules": { "properties": { "properties": { "properties": {
              "shipping": { "properties": { "city": { "type": "string" }, "geo": { "properties": { "lat": { "type": "number" } } } }, "required": ["city"] },
              "lines": { "items": { "properties": { "sku": { "type": "string" } } } }
            } } } } } ] } }
            """);
        string output = dir.File("tracking-plan.yaml");

        var (exit, _, error) = CliRunner.Run("import", input, "--output", output);

        Assert.True(exit == 0, error);
        var order = LoadedPlan.FromText(File.ReadAllText(output), output, "App").Plan.Events.Single().Properties.ToDictionary(p => p.Name);
        Assert.Equal("Object", order["shipping"].Schema.Kind.ToString());
        Assert.True(order["shipping"].Schema.Properties.Single(p => p.Name == "city").Schema.Required == true);
        Assert.Equal("lat", order["shipping"].Schema.Properties.Single(p => p.Name == "geo").Schema.Properties.Single().Name);
        Assert.Equal("Array", order["lines"].Schema.Kind.ToString());
        Assert.Equal("sku", order["lines"].Schema.Items!.Properties.Single().Name);
        Assert.Contains("Properties: 6 read, 6 written, 0 not imported", error);
    }

    [Fact]
    public void Two_events_of_one_name_and_version_are_a_collision_reported_as_an_event_not_imported()
    {
        using var dir = new TempDirectory();
        string input = dir.File("plan.json", """
            { "events": [
              { "name": "Signed Up", "version": 2, "rules": { "properties": { "properties": { "properties": { "plan": { "type": "string" } } } } } },
              { "name": "Signed Up", "version": 2, "rules": { "properties": { "properties": { "properties": { "tier": { "type": "string" } } } } } }
            ] }
            """);

        var (exit, _, error) = CliRunner.Run("import", input, "--output", dir.File("tracking-plan.yaml"));

        Assert.True(exit == 0, error);
        Assert.Contains("events[0]: 'Signed Up' again with the same version 2 (a name collision); only the last one, events[1], is imported (1 event, 1 property not imported)", error);
        Assert.Contains("Events: 2 read, 1 written, 1 not imported", error);
    }

    [Fact]
    public void A_folder_of_files_in_no_known_layout_is_refused_and_nothing_is_written()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "plan"));
        File.WriteAllText(Path.Combine(dir.Path, "plan", "a.json"), "{ \"name\": \"not a plan\" }");
        File.WriteAllText(Path.Combine(dir.Path, "plan", "b.yaml"), "title: nor this\n");
        string output = dir.File("tracking-plan.yaml");

        var (exit, _, error) = CliRunner.Run("import", Path.Combine(dir.Path, "plan"), "--output", output);

        Assert.Equal(3, exit);
        Assert.Contains("a.json, b.yaml: no layout RipeTyped knows among these 2 files", error);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void From_names_the_layout_when_the_shape_would_say_another()
    {
        using var dir = new TempDirectory();
        string input = dir.File("plan.json", TypewriterPlan);
        string output = dir.File("tracking-plan.yaml");

        var (exit, _, error) = CliRunner.Run("import", input, "--from", "snowplow", "--output", output);

        Assert.Equal(3, exit);
        Assert.Contains("plan.json: no Iglu self-describing schema", error);
        Assert.False(File.Exists(output));
    }
}
