using System.Linq;
using System.IO;
using System.Text;

namespace RipeTyped.Benchmarks;

/// <summary>Benchmark inputs: the sample plan and a synthetic 200-event plan shaped like a large real one.</summary>
internal static class Plans
{
    public static string Sample => File.ReadAllText(Path.Combine(FindRoot(), "tracking-plan.yaml"));

    public static string Large(int events)
    {
        var builder = new StringBuilder("version: 1\ndefinitions:\n  plan_tier: { type: enum, values: [free, pro, enterprise] }\n  source_page: { type: string, pattern: \"^/\" }\nevents:\n");
        for (int i = 0; i < events; i++)
        {
            builder.Append($"  - name: Completed Step {i}\n    description: Step {i} of the onboarding was completed.\n    properties:\n");
            builder.Append("      source_page: { $ref: source_page, required: true }\n      plan: { $ref: plan_tier }\n");
            builder.Append("      duration_ms: { type: integer, minimum: 0 }\n      skipped: boolean\n");
            builder.Append("      choice: { type: enum, values: [a, b, c] }\n      tags: { type: array, items: string }\n");
        }

        return builder.ToString();
    }

    /// <summary>
    /// The scaling plans of issue #6: <paramref name="events"/> events with 10 properties each, of mixed types
    /// (strings with constraints, integers, numbers, booleans, date-times, enums, arrays, a nested object, a $ref).
    /// </summary>
    public static string Synthetic(int events)
    {
        var builder = new StringBuilder("version: 1\noptions: { className: BenchAnalytics }\ndefinitions:\n  plan_tier: { type: enum, values: [free, pro, enterprise], description: The plan. }\nevents:\n");
        for (int i = 0; i < events; i++)
        {
            builder.Append($"  - name: Completed Step {i}\n    description: Step {i} of the flow was completed.\n    properties:\n");
            builder.Append("      source_page: { type: string, pattern: \"^/\", maxLength: 2048, required: true, description: Where it started. }\n");
            builder.Append("      duration_ms: { type: integer, minimum: 0, description: How long it took. }\n");
            builder.Append("      score: { type: number, minimum: 0, maximum: 1 }\n");
            builder.Append("      skipped: { type: boolean, required: true }\n");
            builder.Append("      finished_at: date-time\n");
            builder.Append("      choice: { type: enum, values: [left, right, both], required: true }\n");
            builder.Append("      tags: { type: array, items: string }\n");
            builder.Append("      plan: { $ref: plan_tier }\n");
            builder.Append("      attempt: { type: integer, minimum: 1, maximum: 10 }\n");
            builder.Append("      device:\n        type: object\n        properties:\n          os: { type: string, required: true }\n          version: string\n");
        }

        return builder.ToString();
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(System.AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "RipeTyped.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("RipeTyped.sln not found");
    }
}

/// <summary>The floor the generator benchmarks compare against: every YamlDotNet parsing event of a text, read and dropped.</summary>
internal static class YamlFloor
{
    public static int ParseEvents(string text)
    {
        var parser = new YamlDotNet.Core.Parser(new System.IO.StringReader(text));
        int events = 0;
        while (parser.MoveNext())
        {
            events++;
        }

        return events;
    }
}

/// <summary>A tracking plan handed to the generator from memory, as an IDE hands it an unsaved buffer.</summary>
internal sealed class InMemoryPlanText(string path, string text) : Microsoft.CodeAnalysis.AdditionalText
{
    private readonly Microsoft.CodeAnalysis.Text.SourceText _text = Microsoft.CodeAnalysis.Text.SourceText.From(text);

    public override string Path { get; } = path;

    public override Microsoft.CodeAnalysis.Text.SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => _text;
}

/// <summary>
/// A plan's text made new for every use (a trailing comment with a counter): the process shares plan loads by content
/// (Loading/PlanAnalysisCache), so handing the same text again would measure a cache hit, not a load or an edit.
/// </summary>
internal sealed class FreshPlanTexts(string text)
{
    private int _count;

    public string Next() => text + "# edit " + (++_count).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n";
}

/// <summary>The compilation the generator benchmarks run in: one class, the runtime and RipeTyped referenced.</summary>
internal static class BenchCompilation
{
    public static Microsoft.CodeAnalysis.CSharp.CSharpCompilation Create() =>
        Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Bench",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class A { }") },
            new[] { typeof(object).Assembly, typeof(RipeClient).Assembly }.Select(a => Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(a.Location)),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
}
