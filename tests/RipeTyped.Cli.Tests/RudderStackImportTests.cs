using System.Collections.Generic;
using System.IO;
using System.Linq;
using RipeTyped.Cli.Tests.ImportCorpus;

namespace RipeTyped.Cli.Tests;

/// <summary>rudder-cli projects (rudder/v0.1 and rudder/v1) and RudderStack's API plan, read back from the written YAML.</summary>
public sealed class RudderStackImportTests
{
    [Fact]
    public void V1_discriminator_cases_become_variants_with_when_and_their_own_properties()
    {
        var signedUp = Event(Import("rudderstack-v1-saas").Plan, "Signed Up");

        var variants = PlainYaml.List(signedUp, "variants");
        Assert.Equal(new[] { "WithEmail", "WithGoogle", "WithSSO", "Default" }, variants.Select(v => PlainYaml.Text(v, "csharpName")));
        var withEmail = variants[0];
        Assert.Equal("Email sign-up", PlainYaml.Text(withEmail, "description"));
        Assert.Equal("email", PlainYaml.Text(PlainYaml.Map(withEmail, "when"), "signup_method"));
        Assert.Equal("true", PlainYaml.Text(PlainYaml.Map(PlainYaml.Map(withEmail, "properties"), "email"), "required"));
        Assert.Null(PlainYaml.Map(variants[3], "when")); // the default: no value selects it
        Assert.Equal(new[] { "debug" }, PlainYaml.Map(variants[3], "properties")!.Keys);
        Assert.Equal(new[] { "signup_method", "referrer", "plan" }, PlainYaml.Map(signedUp, "properties")!.Keys);
    }

    [Fact]
    public void A_legacy_case_matching_several_values_has_a_list_in_when_and_a_relisted_common_property_is_reported()
    {
        var (plan, error) = Import("rudderstack-v0.1-shop");

        var paidLater = PlainYaml.List(Event(plan, "Payment Submitted"), "variants").Single(v => PlainYaml.Text(v, "csharpName") == "PaidLater");
        Assert.Equal(new object[] { "paypal", "invoice" }, PlainYaml.List(PlainYaml.Map(paidLater, "when"), "method"));
        Assert.Equal(new[] { "paypal_email", "invoice_due_days" }, PlainYaml.Map(paidLater, "properties")!.Keys);
        Assert.Contains("tracking-plan.yaml: spec.rules[1].variants[0].cases[1].properties: 'order_id' is already a common property of the event", error);
        Assert.Contains("spec.rules[1].variants[0].cases[1].match[2]: match value \"card\" already selects an earlier case; left out of the variant's when", error);
        Assert.Contains("spec.rules[1].variants[0].cases[1].match[3]: match value \"crypto\" is not one of the values of 'method'; left out of the variant's when", error);
    }

    [Fact]
    public void References_are_followed_across_files_into_custom_types_with_their_constraints()
    {
        var order = Event(Import("rudderstack-v0.1-shop").Plan, "Order Completed");

        var product = PlainYaml.Map(PlainYaml.Map(PlainYaml.Map(order, "properties"), "products"), "items");
        Assert.Equal("object", PlainYaml.Text(product, "type"));
        var sku = PlainYaml.Map(PlainYaml.Map(product, "properties"), "sku");
        Assert.Equal("^SKU-[0-9]+$", PlainYaml.Text(sku, "pattern")); // the custom type's config, two files away
        Assert.Equal("20", PlainYaml.Text(sku, "maxLength"));
        Assert.Equal("true", PlainYaml.Text(PlainYaml.Map(PlainYaml.Map(order, "properties"), "coupon"), "nullable")); // "string,null"
        Assert.Equal(new[] { "category:Checkout" }, PlainYaml.List(order, "tags"));
    }

    [Fact]
    public void Events_whose_id_or_name_collide_are_reported_as_events_not_imported()
    {
        var (plan, error) = Import("rudderstack-v0.1-shop");

        Assert.Contains("events.yaml: spec.events[3]: event name 'Products Searched' is already the name of id 'products_searched'", error);
        Assert.Contains("events.yaml: spec.events[4]: id 'order_completed' is already defined at events.yaml: spec.events[0]; the first one is kept (1 event not imported)", error);
        Assert.Contains("tracking-plan.yaml: spec.rules[3]: its event 'products_searched_v2' is not imported (its name is another event's) (2 properties not imported)", error);
        Assert.Single(PlainYaml.List(plan, "events"), e => PlainYaml.Text(e, "name") == "Products Searched");
        Assert.Contains("Events: 6 read, 4 written, 2 not imported", error);
    }

    [Fact]
    public void The_project_s_files_given_one_by_one_import_as_the_folder_does()
    {
        string folder = CorpusFixtures.PathOf("rudderstack-v1-saas");
        using var dir = new TempDirectory();
        var files = Directory.GetFiles(folder).OrderBy(f => f).ToArray();

        var (exit, _, error) = CliRunner.Run(files.Prepend("import").Append("--output").Append(dir.File("files.yaml")).ToArray());
        var (_, _, _) = CliRunner.Run("import", folder, "--output", dir.File("folder.yaml"));

        Assert.True(exit == 0, error);
        Assert.Equal(Body(File.ReadAllText(dir.File("folder.yaml"))), Body(File.ReadAllText(dir.File("files.yaml"))));
    }

    [Fact]
    public void The_api_plan_maps_its_wrapped_2019_09_schemas_and_reports_what_it_cannot()
    {
        var (plan, error) = Import("rudderstack-api-plan");

        var author = PlainYaml.Map(PlainYaml.Map(Event(plan, "Article Read"), "properties"), "author");
        Assert.Equal("object", PlainYaml.Text(author, "type")); // properties without a type: an object, members kept
        Assert.Equal(new[] { "author_id", "handle" }, PlainYaml.Map(author, "properties")!.Keys);
        Assert.Equal(new[] { "email", "subscriber", "preferences" }, PlainYaml.Map(PlainYaml.Map(plan, "identify"), "traits")!.Keys);
        Assert.Contains("events[5]: screen events are not mapped", error);
        Assert.Contains("events[1].rules.properties.properties.dependentRequired: 'dependentRequired' is not mapped", error);
    }

    [Fact]
    public void Yaml_that_is_not_a_rudder_cli_spec_is_refused_when_rudderstack_is_named()
    {
        using var dir = new TempDirectory();
        dir.File("notes.yaml", "title: not a spec\n");
        string output = dir.File("out.yaml");

        var (exit, _, error) = CliRunner.Run("import", dir.File("notes.yaml"), "--from", "rudderstack", "--output", output);

        Assert.Equal(3, exit);
        Assert.Contains("notes.yaml: no rudder-cli spec", error);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void A_segment_plan_named_as_rudderstack_api_is_refused()
    {
        using var dir = new TempDirectory();
        string output = dir.File("out.yaml");

        var (exit, _, error) = CliRunner.Run("import", CorpusFixtures.PathOf("typewriter-local-plan.json"), "--from", "rudderstack-api", "--output", output);

        Assert.Equal(3, exit);
        Assert.Contains("typewriter-local-plan.json: not a RudderStack API tracking plan", error);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Malformed_yaml_names_the_file_and_line()
    {
        using var dir = new TempDirectory();
        string input = dir.File("events.yaml", "version: rudder/v1\nkind: events\nspec:\n  events: [\n");

        var (exit, _, error) = CliRunner.Run("import", input, "--output", dir.File("out.yaml"));

        Assert.Equal(3, exit);
        Assert.Matches(@"events\.yaml\(\d+,\d+\): not valid YAML", error);
    }

    private static (object? Plan, string Error) Import(string fixture) => ImportedFixture.Import(fixture);

    private static object? Event(object? plan, string name) => ImportedFixture.Event(plan, name);

    /// <summary>The plan without its first comment line, which names what was imported.</summary>
    private static string Body(string yaml) => yaml.Substring(yaml.IndexOf('\n') + 1);
}
