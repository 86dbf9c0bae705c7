using System.Collections.Generic;
using System.Linq;

namespace RipeTyped.Cli.Tests.ImportCorpus;

/// <summary>
/// What an imported tracking-plan.yaml holds, read back from its text: the events, and every property at any depth
/// (members of objects and of array items, identify and group traits, each variant's own properties, the members of
/// shared definitions).
/// </summary>
internal sealed record WrittenPlanCounts(int Events, int Properties, List<string> EventNames)
{
    public static WrittenPlanCounts Read(string yaml)
    {
        var plan = PlainYaml.Read(yaml, "tracking-plan.yaml");
        var events = PlainYaml.List(plan, "events");
        var calls = events.Concat(PlainYaml.List(plan, "pages")).ToList();
        int properties = calls.Sum(c => Members(PlainYaml.Map(c, "properties")) + PlainYaml.List(c, "variants").Sum(v => Members(PlainYaml.Map(v, "properties"))))
            + Members(PlainYaml.Map(PlainYaml.Map(plan, "identify"), "traits"))
            + Members(PlainYaml.Map(PlainYaml.Map(plan, "group"), "traits"))
            + (PlainYaml.Map(plan, "definitions")?.Values.Sum(Nested) ?? 0); // a definition's name is no property of the source; its members are
        return new WrittenPlanCounts(events.Count, properties, events.Select(e => PlainYaml.Text(e, "name")!).ToList());
    }

    /// <summary>Each member, with the members of its object and of its items at any depth.</summary>
    private static int Members(Dictionary<string, object?>? properties) =>
        properties?.Values.Sum(p => 1 + Nested(p)) ?? 0;

    private static int Nested(object? schema) =>
        Members(PlainYaml.Map(schema, "properties")) + (PlainYaml.Map(schema, "items") is { } items ? Nested(items) : 0);
}
