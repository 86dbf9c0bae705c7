using System.IO;
using System.Linq;
using RipeTyped.Cli.Diff;
using RipeTyped.Cli.Infrastructure;

namespace RipeTyped.Cli.Tests;

/// <summary>A property's <c>examples</c> through the CLI: shown by docs, compared by diff, imported from JSON Schema.</summary>
public class ExamplesTests
{
    private const string Plan = """
        version: 1
        events:
          - name: Order Completed
            properties:
              currency: { type: enum, values: [EUR, USD], description: ISO 4217., examples: [EUR] }
              seats: { type: integer, examples: [3] }
        """;

    [Fact]
    public void The_catalog_shows_each_property_s_examples_after_its_description()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Plan);

        var (exit, markdown, _) = CliRunner.Run("docs", plan);
        var (_, html, _) = CliRunner.Run("docs", plan, "--format", "html");

        Assert.Equal(0, exit);
        Assert.Contains("| ISO 4217. Examples: EUR. |", markdown);
        Assert.Contains("| Examples: 3. |", markdown);
        Assert.Contains("<td>ISO 4217. Examples: EUR.</td>", html);
    }

    [Fact]
    public void Diff_reports_changed_examples_as_a_documentation_change()
    {
        using var dir = new TempDirectory();
        string before = dir.File("base.yaml", Plan);
        string after = dir.File("head.yaml", Plan.Replace("examples: [EUR] }", "examples: [EUR, USD] }"));

        var (exit, output, _) = CliRunner.Run("diff", before, after);

        Assert.Equal(0, exit);
        Assert.Contains("examples changed from `EUR` to `EUR`, `USD`", output);
        var change = Assert.Single(PlanDiffer.Compare(
            PlanShape.Of(LoadedPlan.FromText(Plan, "a.yaml", "App").Plan),
            PlanShape.Of(LoadedPlan.FromText(File.ReadAllText(after), "b.yaml", "App").Plan)));
        Assert.True(change.DescriptionOnly);
        Assert.False(change.Breaking);
    }

    [Fact]
    public void Json_schema_examples_that_fit_the_type_are_imported_and_the_others_reported()
    {
        using var dir = new TempDirectory();
        string input = dir.File("plan.json", """
            { "name": "Web", "rules": [
              { "type": "TRACK", "key": "Signed Up", "jsonSchema": { "properties": { "properties": { "properties": {
                "plan": { "type": "string", "enum": ["free", "pro"], "examples": ["pro", "gold"] },
                "seats": { "type": "integer", "examples": [3, 2.5, "4"] },
                "code": { "type": "string", "examples": ["A-1", { "x": 1 }] },
                "amount": { "type": "number", "examples": [1E400, 2.5] }
              } } } } }
            ] }
            """);
        string output = dir.File("tracking-plan.yaml");

        var (exit, _, error) = CliRunner.Run("import", input, "--output", output);

        Assert.Equal(0, exit);
        var loaded = LoadedPlan.FromText(File.ReadAllText(output), output, "App");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        var byName = loaded.Plan.Events.Single().Properties.ToDictionary(p => p.Name);
        Assert.Equal(new[] { "pro" }, byName["plan"].Schema.Examples.Select(e => e.Value));
        Assert.Equal(new[] { "3" }, byName["seats"].Schema.Examples.Select(e => e.Value));
        Assert.Equal(new[] { "A-1" }, byName["code"].Schema.Examples.Select(e => e.Value));
        Assert.Equal(new[] { "2.5" }, byName["amount"].Schema.Examples.Select(e => e.Value));
        Assert.Contains("examples[0]: example 1E400 does not fit", error);
        Assert.Contains("examples[1]: example \"gold\" does not fit", error);
        Assert.Contains("examples[1]: example 2.5 does not fit", error);
        Assert.Contains("examples[2]: example \"4\" does not fit", error);
        Assert.Contains("examples[1]: example {", error);
    }
}
