using System.IO;
using System.Linq;
using RipeTyped.Cli.Tests.ImportCorpus;

namespace RipeTyped.Cli.Tests;

/// <summary>Snowplow Iglu schemas: one event per schema, the newest SchemaVer of each vendor/name, older ones reported.</summary>
public sealed class SnowplowImportTests
{
    [Fact]
    public void The_newest_version_is_imported_and_each_older_one_is_reported_with_its_properties()
    {
        var (plan, error) = Import();

        var checkout = PlainYaml.List(plan, "events").Single(e => PlainYaml.Text(e, "name") == "checkout_started");
        Assert.Equal(new object[] { "iglu:com.acme.shop/checkout_started/jsonschema/1-0-2" }, PlainYaml.List(checkout, "tags"));
        Assert.Contains("coupon", PlainYaml.Map(checkout, "properties")!.Keys);
        Assert.Contains("checkout_started/jsonschema/1-0-0: $: com.acme.shop/checkout_started/jsonschema/1-0-0 is older than 1-0-2", error);
        Assert.Contains("checkout_started/jsonschema/1-0-1: $: com.acme.shop/checkout_started/jsonschema/1-0-1 is older than 1-0-2 (schemas/com.acme.shop/checkout_started/jsonschema/1-0-2); only the newest version is imported (1 event, 3 properties not imported)", error);
    }

    [Fact]
    public void Versions_compare_as_numbers_not_text()
    {
        var (plan, error) = Import();

        var search = PlainYaml.List(plan, "events").Single(e => PlainYaml.Text(e, "name") == "search_performed");
        Assert.Equal(new object[] { "iglu:com.acme.web/search_performed/jsonschema/1-0-10" }, PlainYaml.List(search, "tags"));
        Assert.Contains("search_performed/jsonschema/1-0-9 is older than 1-0-10", error);
    }

    [Fact]
    public void A_nested_object_without_a_type_keeps_its_members()
    {
        var (plan, _) = Import();

        var shipping = PlainYaml.Map(PlainYaml.Map(PlainYaml.List(plan, "events").Single(e => PlainYaml.Text(e, "name") == "checkout_started"), "properties"), "shipping");
        var address = PlainYaml.Map(PlainYaml.Map(shipping, "properties"), "address");
        Assert.Equal("object", PlainYaml.Text(address, "type"));
        Assert.Equal("true", PlainYaml.Text(PlainYaml.Map(PlainYaml.Map(address, "properties"), "country"), "required"));
    }

    [Fact]
    public void The_same_name_from_another_vendor_is_reported_as_an_event_not_imported()
    {
        var (plan, error) = Import();

        Assert.Single(PlainYaml.List(plan, "events"), e => PlainYaml.Text(e, "name") == "link_click");
        Assert.Contains("com.acme.web/link_click/jsonschema/1-0-1: $: event name 'link_click' is already com.acme.shop/link_click/jsonschema/1-0-0's (another vendor)", error);
    }

    [Fact]
    public void A_schema_s_definitions_become_plan_definitions_used_through_ref()
    {
        var (plan, _) = Import();

        var filter = PlainYaml.Map(PlainYaml.Map(plan, "definitions"), "search_performed_filter");
        Assert.Equal(new[] { "field", "value" }, PlainYaml.Map(filter, "properties")!.Keys);
        var search = PlainYaml.List(plan, "events").Single(e => PlainYaml.Text(e, "name") == "search_performed");
        Assert.Equal("search_performed_filter", PlainYaml.Text(PlainYaml.Map(PlainYaml.Map(PlainYaml.Map(search, "properties"), "filters"), "items"), "$ref"));
    }

    private static (object? Plan, string Error) Import() => ImportedFixture.Import("snowplow-iglu");
}
