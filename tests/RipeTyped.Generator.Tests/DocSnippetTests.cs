using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace RipeTyped.Generator.Tests;

/// <summary>
/// The code of README.md and docs/*.md cannot drift from the product: every YAML block that is a plan (or a fragment
/// of one) loads through the generator without errors, every C# block is compiled against the plan it belongs to or
/// is listed below as skipped with the reason, and the GitHub Actions workflow runs for every file of a plan.
/// docs/diagnostics is DiagnosticDocsTests' (its "Bad" plans are wrong on purpose).
/// </summary>
public class DocSnippetTests
{
    /// <summary>YAML blocks that are not plans, and what checks them instead.</summary>
    private static readonly (string Page, string Contains, string Reason)[] YamlNotPlans =
    {
        ("docs/pull-requests.md", "name: Tracking plan", "a GitHub Actions workflow: The_pull_request_workflow_runs_for_every_plan_file checks its trigger"),
        ("docs/pull-requests.md", "# yaml-language-server:", "the JSON Schema modeline alone: one comment line"),
        ("docs/tracking-plan.md", "# yaml-language-server:", "the JSON Schema modeline alone: one comment line"),
    };

    /// <summary>
    /// What a plan fragment refers to but does not show, added after <c>version: 1</c> so that it loads on its own
    /// (a fragment that needs nothing gets only <c>version: 1</c>).
    /// </summary>
    private static readonly (string Page, string Contains, string Context)[] FragmentContext =
    {
        // The key-by-key example of an event names a source and a shared definition declared elsewhere on the page.
        ("docs/tracking-plan.md", "csharpName: BookDemoClicked", "sources: [web]\ndefinitions:\n  source_page: { type: string, pattern: \"^/\" }\n"),
    };

    /// <summary>Every C# block of the pages: compiled by a test (named), or skipped, and why.</summary>
    private static readonly (string Page, string Contains, string How)[] CSharpBlocks =
    {
        ("README.md", "new AcmeAnalytics(client)", "compiled by ReadmeExampleTests against the README's plan"),
        ("docs/tracking-plan.md", "TrackSiteSelected", "compiled by " + nameof(Open_properties_example_compiles_against_the_plan_above_it)),
        ("docs/tracking-plan.md", "TrackSignedUpWithEmail", "compiled by " + nameof(Variants_example_compiles_against_the_plan_above_it)),
        ("docs/generated-api.md", "ShopAnalytics.EventNames.PlacedOrder", "compiled by " + nameof(Event_names_example_compiles_against_the_plan_of_the_page)),
        ("docs/testing.md", "new RipeRecorder()", "compiled by " + nameof(Recorder_example_compiles_against_the_plan_above_it)),
        ("docs/testing.md", "clock.Advance(TimeSpan.FromDays(1))", "compiled by " + nameof(Fake_clock_disposal_example_compiles)),
        ("docs/delivery.md", "await client.DisposeAsync()", "compiled by " + nameof(Console_app_failure_example_compiles)),
        ("docs/delivery.md", "builder.Services.AddRipe", "skipped: needs RipeTyped.Hosting and Microsoft.Extensions.Hosting/Configuration, which this test project does not reference (the same AddRipe/AddFacade calls in docs/aspnetcore.md are compiled by RipeTyped.AspNetCore.Tests' DocsCodeTests)"),
        ("docs/aspnetcore.md", "", "skipped here: ASP.NET Core; compiled by RipeTyped.AspNetCore.Tests' DocsCodeTests against the ASP.NET Core sample's plan"),
        ("docs/blazor.md", "", "skipped: needs Blazor WebAssembly (Microsoft.AspNetCore.Components.WebAssembly), which this test project does not reference; the Blazor sample and RipeTyped.Browser.Tests build and run the same set-up"),
        ("docs/architecture.md", "CompletedStep0Properties", "skipped: an excerpt of generated code that uses the generated files' private aliases (__, __P, __W, __E); GenerationSnapshotTests check the real output"),
        ("docs/generated-api.md", "void Identify(string userId", "skipped: a list of interface members, not code; GeneratedApiDocTests compares it with the generated interface"),
    };

    public static TheoryData<string> PlanBlocks()
    {
        var data = new TheoryData<string>();
        foreach (var block in Blocks("yaml").Where(b => NotAPlan(b) is null))
        {
            data.Add(block.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PlanBlocks))]
    public void Yaml_block_loads_as_a_plan_without_errors(string id)
    {
        var block = Blocks("yaml").Single(b => b.Id == id);
        string plan = AsPlan(block);

        var run = GeneratorHarness.Run(plan, planPath: GeneratorHarness.FreshPlanPath());

        var errors = run.GeneratorDiagnostics.Concat(run.Exceptions).Concat(run.Output.GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString())
            .ToList();
        Assert.True(errors.Count == 0, $"{id} does not load as a plan:\n{string.Join("\n", errors)}\n--- plan ---\n{plan}");
    }

    [Fact]
    public void Every_yaml_block_that_is_not_a_plan_is_listed_with_a_reason_and_every_listed_one_exists()
    {
        var blocks = Blocks("yaml").ToList();
        Assert.NotEmpty(PlanBlocks());
        foreach (var (page, contains, _) in YamlNotPlans)
        {
            Assert.True(blocks.Any(b => b.Page == page && b.Text.Contains(contains, StringComparison.Ordinal)), $"No YAML block of {page} contains '{contains}': remove it from the list");
        }

        foreach (var (page, contains, _) in FragmentContext)
        {
            Assert.True(blocks.Any(b => b.Page == page && b.Text.Contains(contains, StringComparison.Ordinal)), $"No YAML block of {page} contains '{contains}': remove its context");
        }
    }

    [Fact]
    public void Every_csharp_block_is_compiled_or_skipped_with_a_reason()
    {
        var blocks = Blocks("csharp").ToList();
        var unlisted = blocks.Where(b => HowChecked(b) is null).Select(b => b.Id).ToList();
        Assert.True(unlisted.Count == 0, "C# blocks neither compiled nor skipped with a reason (add them to CSharpBlocks): " + string.Join(", ", unlisted));
        foreach (var (page, contains, _) in CSharpBlocks)
        {
            Assert.True(blocks.Any(b => b.Page == page && b.Text.Contains(contains, StringComparison.Ordinal)), $"No C# block of {page} contains '{contains}': remove it from the list");
        }
    }

    [Fact]
    public void Open_properties_example_compiles_against_the_plan_above_it()
    {
        var block = CSharpBlock("docs/tracking-plan.md", "TrackSiteSelected");
        string code = "using RipeTyped;\nusing Test.App.Analytics;\n\ninternal static class Example\n{\n    internal static void Run(RipeAnalytics analytics)\n    {\n"
            + block.Text + "    }\n}\n";

        AssertCompiles(AsPlan(PlanAbove(block)), code);
    }

    [Fact]
    public void Variants_example_compiles_against_the_plan_above_it()
    {
        var block = CSharpBlock("docs/tracking-plan.md", "TrackSignedUpWithEmail");
        string code = "using Test.App.Analytics;\n\ninternal static class Example\n{\n    internal static void Run(RipeAnalytics analytics)\n    {\n"
            + block.Text + "    }\n}\n";

        AssertCompiles(AsPlan(PlanAbove(block)), code);
    }

    [Fact]
    public void Event_names_example_compiles_against_the_plan_of_the_page()
    {
        var block = CSharpBlock("docs/generated-api.md", "ShopAnalytics.EventNames.PlacedOrder");
        string code = "using System.Linq;\nusing Shop.Analytics;\n\ninternal static class Example\n{\n    internal static void Run(string name)\n    {\n"
            + block.Text + "    }\n}\n";

        AssertCompiles(AsPlan(Blocks("yaml").First(b => b.Page == block.Page)), code);
    }

    [Fact]
    public void Recorder_example_compiles_against_the_plan_above_it()
    {
        var block = CSharpBlock("docs/testing.md", "new RipeRecorder()");
        string code = "using RipeTyped.Testing;\nusing Acme.Analytics;\nusing Xunit;\n\ninternal static class Example\n{\n    internal static void Run(Order order)\n    {\n"
            + block.Text + "    }\n}\n\n"
            // What the page leaves to the reader: the code under test.
            + "internal sealed record Order(string Id, double Total);\n\n"
            + "internal sealed class Checkout(AcmeAnalytics analytics)\n{\n"
            + "    public void Pay(Order order) => analytics.TrackOrderCompleted(new OrderCompletedProperties { OrderId = order.Id, Total = order.Total });\n}\n";

        AssertCompiles(AsPlan(PlanAbove(block)), code, RipeTypedTesting.Value, MetadataReference.CreateFromFile(typeof(Assert).Assembly.Location));
    }

    [Fact]
    public void Fake_clock_disposal_example_compiles()
    {
        var block = CSharpBlock("docs/testing.md", "clock.Advance(TimeSpan.FromDays(1))");
        string code = "using System;\nusing System.Threading.Tasks;\nusing Microsoft.Extensions.Time.Testing;\nusing RipeTyped;\n\ninternal static class Example\n{\n    internal static async Task RunAsync(RipeClient client, FakeTimeProvider clock)\n    {\n"
            + block.Text + "    }\n}\n";

        AssertCompiles("version: 1\n", code, MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Time.Testing.FakeTimeProvider).Assembly.Location));
    }

    [Fact]
    public void Console_app_failure_example_compiles()
    {
        var block = CSharpBlock("docs/delivery.md", "await client.DisposeAsync()");
        string code = "using System;\nusing System.Threading.Tasks;\nusing RipeTyped;\n\ninternal static class Example\n{\n    internal static async Task<int> RunAsync(RipeClient client)\n    {\n"
            + block.Text + "    }\n}\n";

        AssertCompiles("version: 1\n", code);
    }

    [Fact]
    public void The_pull_request_workflow_runs_for_every_plan_file_and_the_severities()
    {
        var block = Blocks("yaml").Single(b => b.Page == "docs/pull-requests.md" && b.Text.Contains("name: Tracking plan", StringComparison.Ordinal));
        var stream = new YamlStream();
        stream.Load(new StringReader(block.Text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var pullRequest = (YamlMappingNode)((YamlMappingNode)root["on"])["pull_request"];
        var paths = ((YamlSequenceNode)pullRequest["paths"]).Children.Select(n => ((YamlScalarNode)n).Value!).ToList();

        // The plan, its part files (any folder, .yaml or .yml) and the .globalconfig files whose severities lint reads.
        string[] changed =
        {
            "tracking-plan.yaml", "tracking-plan.yml", "orders.tracking-plan.yaml", "orders.tracking-plan.yml",
            "analytics/tracking-plan.yaml", "analytics/billing.tracking-plan.yml", ".globalconfig", "src/.globalconfig",
        };
        var missed = changed.Where(file => !paths.Any(pattern => GitHubPathFilterMatches(pattern, file))).ToList();
        Assert.True(missed.Count == 0, $"A pull request changing only {string.Join(", ", missed)} would not run the workflow (paths: {string.Join(", ", paths)})");
    }

    /// <summary>
    /// Roslyn applies <c>.editorconfig</c> sections only to diagnostics located in C# files: a rule reported on a line of
    /// the plan (every RIPE0xxx and RIPE1xxx rule, and RIPE2004) takes its severity from global options only. So any
    /// sentence of the docs, the rule pages and the rules' descriptions that names <c>.editorconfig</c> must either say
    /// that it does not reach the plan (or be about <c>is_global = true</c>), or be about the C# rules and not claim
    /// RIPE2xxx as a whole, or RIPE2004.
    /// </summary>
    [Fact]
    public void Editorconfig_is_advised_only_for_the_rules_reported_in_csharp_files()
    {
        var csharpLocated = new HashSet<string>(StringComparer.Ordinal) { "RIPE2001", "RIPE2002", "RIPE2003", "RIPE2005" };
        var texts = Pages().Select(page => (Where: page, Rule: (string?)null, Text: File.ReadAllText(RepositoryFiles.Path(page))))
            .Concat(Directory.GetFiles(RepositoryFiles.Path("docs/diagnostics"), "RIPE*.md").Select(file =>
                (Where: "docs/diagnostics/" + Path.GetFileName(file), Rule: (string?)Path.GetFileNameWithoutExtension(file), Text: File.ReadAllText(file))))
            .Concat(RipeDiagnostics.Where(_ => true).Select(d =>
                (Where: d.Id + "'s description", Rule: (string?)d.Id, Text: d.Description.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        var wrong = new List<string>();
        foreach (var (where, rule, text) in texts)
        {
            if (rule != null && csharpLocated.Contains(rule))
            {
                continue;
            }

            foreach (string sentence in Sentences(text).Where(s => s.Contains(".editorconfig", StringComparison.Ordinal)))
            {
                bool saysItDoesNotReach = Regex.IsMatch(sentence, @"not reach|reach only C#|is_global = true");
                bool aboutCSharpRulesOnly = rule == null && (sentence.Contains("[*.cs]", StringComparison.Ordinal) || sentence.Contains("C# ", StringComparison.Ordinal))
                    && !Regex.IsMatch(sentence, @"RIPE2xxx|RIPE2004");
                if (!saysItDoesNotReach && !aboutCSharpRulesOnly)
                {
                    wrong.Add($"{where}: {sentence}");
                }
            }
        }

        Assert.True(wrong.Count == 0, "Advises .editorconfig for rules reported in the plan, where it has no effect:\n" + string.Join("\n\n", wrong));
    }

    private static readonly Lazy<MetadataReference> RipeTypedTesting = new(() =>
    {
        // RipeTyped.Testing from its sources, as it is now (this project does not reference the package).
        var trees = Directory.GetFiles(RepositoryFiles.Path("src/RipeTyped.Testing"), "*.cs", SearchOption.TopDirectoryOnly)
            .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), new CSharpParseOptions(LanguageVersion.Latest), file));
        var compilation = CSharpCompilation.Create(
            "RipeTyped.Testing",
            trees,
            GeneratorHarness.References.Concat(PlatformAssemblies("Microsoft.Win32.Primitives.dll")),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "src/RipeTyped.Testing does not compile here: " + string.Join("\n", errors));
        return compilation.ToMetadataReference();
    });

    private static IEnumerable<MetadataReference> PlatformAssemblies(params string[] names) =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => names.Contains(Path.GetFileName(p), StringComparer.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));

    private static void AssertCompiles(string plan, string code, params MetadataReference[] references)
    {
        var compilation = GeneratorHarness.Compilation(code).AddReferences(references);
        GeneratorHarness.CreateDriver(plan, planPath: GeneratorHarness.FreshPlanPath())
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        var problems = generatorDiagnostics.Concat(output.GetDiagnostics())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .ToList();
        Assert.True(problems.Count == 0, $"The page's code does not compile cleanly:\n{string.Join("\n", problems)}\n--- code ---\n{code}\n--- plan ---\n{plan}");
    }

    /// <summary>A block as a plan: whole (it has <c>version:</c> at the top level) or a fragment, wrapped.</summary>
    private static string AsPlan(Block block)
    {
        if (Regex.IsMatch(block.Text, "^version:", RegexOptions.Multiline))
        {
            return block.Text;
        }

        string context = FragmentContext.Where(c => c.Page == block.Page && block.Text.Contains(c.Contains, StringComparison.Ordinal)).Select(c => c.Context).SingleOrDefault() ?? "";
        return "version: 1\n" + context + block.Text;
    }

    private static string? NotAPlan(Block block) =>
        YamlNotPlans.Where(n => n.Page == block.Page && block.Text.Contains(n.Contains, StringComparison.Ordinal)).Select(n => n.Reason).FirstOrDefault();

    private static string? HowChecked(Block block) =>
        CSharpBlocks.Where(c => c.Page == block.Page && block.Text.Contains(c.Contains, StringComparison.Ordinal)).Select(c => c.How).FirstOrDefault();

    private static Block CSharpBlock(string page, string contains)
    {
        var block = Blocks("csharp").Single(b => b.Page == page && b.Text.Contains(contains, StringComparison.Ordinal));
        Assert.StartsWith("compiled by", HowChecked(block));
        return block;
    }

    /// <summary>The plan a C# block is written against: the nearest YAML block above it on its page.</summary>
    private static Block PlanAbove(Block block) =>
        Blocks("yaml").Last(b => b.Page == block.Page && b.Line < block.Line);

    private static IEnumerable<string> Pages() =>
        new[] { "README.md" }.Concat(Directory.GetFiles(RepositoryFiles.Path("docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)).OrderBy(f => f, StringComparer.Ordinal));

    /// <summary>The fenced blocks of one language, in the order of the pages.</summary>
    private static IEnumerable<Block> Blocks(string language)
    {
        foreach (string page in Pages())
        {
            string[] lines = File.ReadAllText(RepositoryFiles.Path(page)).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                if (!lines[i].StartsWith("```", StringComparison.Ordinal))
                {
                    continue;
                }

                string fence = lines[i].Substring(3).Trim();
                int end = Array.FindIndex(lines, i + 1, l => l.StartsWith("```", StringComparison.Ordinal));
                Assert.True(end > i, $"{page}:{i + 1}: the block is not closed");
                if (fence == language)
                {
                    yield return new Block(page, i + 1, string.Concat(lines.Skip(i + 1).Take(end - i - 1).Select(l => l + "\n")));
                }

                i = end;
            }
        }
    }

    /// <summary>Sentences of a text, with code blocks left out (so that one names its own context).</summary>
    private static IEnumerable<string> Sentences(string text)
    {
        string prose = Regex.Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), @"^```.*?^```", "", RegexOptions.Multiline | RegexOptions.Singleline);
        return Regex.Split(prose, @"\n\s*\n|(?<=[.!?])\s+(?=[A-Z`(])")
            .Select(s => Regex.Replace(s, @"\s+", " ").Trim())
            .Where(s => s.Length > 0);
    }

    /// <summary>GitHub Actions' <c>paths</c> filter: <c>*</c> within a folder, <c>**</c> across folders (<c>**/</c> also none).</summary>
    private static bool GitHubPathFilterMatches(string pattern, string path)
    {
        string regex = Regex.Escape(pattern)
            .Replace(@"\*\*/", "(?:.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal);
        return Regex.IsMatch(path, "^" + regex + "$");
    }

    private sealed record Block(string Page, int Line, string Text)
    {
        public string Id => $"{Page}:{Line}";
    }
}
