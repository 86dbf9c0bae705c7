using System.IO;
using System.Linq;
using System.Text.Json;
using RipeTyped.Generator.Plan;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>The editor schema and the parser must accept the same keys.</summary>
public class JsonSchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("schema/tracking-plan.schema.json"))).RootElement;

    private static string[] Keys(JsonElement objectSchema) =>
        objectSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).OrderBy(n => n).ToArray();

    private static JsonElement Definition(string name) => Schema.GetProperty("definitions").GetProperty(name);

    [Fact]
    public void Schema_keys_match_the_parser()
    {
        Assert.Equal(PlanReader.RootKeys.OrderBy(n => n), Keys(Schema));
        Assert.Equal(PlanReader.OptionKeys.OrderBy(n => n), Keys(Schema.GetProperty("properties").GetProperty("options")));
        Assert.Equal(PlanReader.CallKeys.OrderBy(n => n), Keys(Definition("call")));
        Assert.Equal(PlanReader.EventKeys.OrderBy(n => n), Keys(Definition("event")));
        Assert.Equal(PlanReader.VariantKeys.OrderBy(n => n), Keys(Definition("variant")));
        Assert.Equal("#/definitions/event", Schema.GetProperty("properties").GetProperty("events").GetProperty("items").GetProperty("$ref").GetString());
        Assert.Equal("#/definitions/call", Schema.GetProperty("properties").GetProperty("pages").GetProperty("items").GetProperty("$ref").GetString());
        Assert.Equal(PlanReader.TraitsKeys.OrderBy(n => n), Keys(Definition("traits")));
        Assert.Equal(PlanReader.SchemaKeys.OrderBy(n => n), Keys(Definition("property").GetProperty("oneOf")[1]));
    }

    [Fact]
    public void Every_property_key_of_the_key_table_is_documented_with_the_types_it_applies_to()
    {
        string docs = File.ReadAllText(RepositoryFiles.Path("docs/tracking-plan.md"));
        string table = docs.Substring(docs.IndexOf("## Properties", System.StringComparison.Ordinal));
        table = table.Substring(0, table.IndexOf("\n\n", table.IndexOf("| Key |", System.StringComparison.Ordinal), System.StringComparison.Ordinal));

        foreach (var key in PlanKeys.Schema)
        {
            string row = Assert.Single(table.Split('\n'), line => line.StartsWith("| ", System.StringComparison.Ordinal) && line.Split('|')[1].Contains("`" + key.Name + "`"));
            foreach (var kind in key.OnlyFor)
            {
                string typeName = kind == PropertyKind.DateTime ? "date-time" : kind.ToString().ToLowerInvariant();
                Assert.Contains("`" + typeName + "`", row.Split('|')[2]);
            }
        }
    }
}
