using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using RipeTyped.CodeFixes;
using RipeTyped.Generator.Analyzers;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests.Analyzers;

/// <summary>
/// A corpus of raw <c>Track</c> calls (every key form, every property type, enum spellings, nulls, missing and extra
/// keys, nested properties): the fix is offered exactly where expected, every offered fix compiles, the fixed call
/// sends the same JSON body as the raw call, and Fix All (document, project, solution) gives the one-by-one result.
/// </summary>
public class CodeFixCorpusTests
{
    private const string PlanPath = "/0/tracking-plan.yaml";

    private const string Plan = """
        version: 1
        options: { namespace: Corpus.Analytics, className: CorpusAnalytics }
        events:
          - name: Clicked Book a Demo Button
            description: x
            properties:
              source_page: { type: string, required: true }
              seats: integer
              price: number
              trial: boolean
              at: date-time
              plan: { type: enum, values: [free, Pro, ENTERPRISE] }
              address: { type: object, properties: { city: string } }
              tags: { type: array, items: string }
              extra: any
          - name: Logged Out
            description: x
        """;

    private const string E = "\"Clicked Book a Demo Button\"";

    /// <summary>Each case: a name, the body of a static method that gets a client, and whether the fix must be offered.</summary>
    private static readonly (string Name, string Body, bool Fixable)[] Cases =
    {
        ("LiteralKeys", $$"""client.Track({{E}}, new RipeProperties { ["source_page"] = "/p", ["seats"] = 5, ["price"] = 9.5, ["trial"] = true });""", true),
        ("ConstKey", $$"""client.Track({{E}}, new RipeProperties { [Keys.Page] = "/p" });""", true),
        ("InterpolatedConstKey", $$"""client.Track({{E}}, new RipeProperties { [$"{Keys.Prefix}page"] = "/p" });""", true),
        ("ConstLocalKey", $$"""const string k = "source_page"; client.Track({{E}}, new RipeProperties { [k] = "/p" });""", true),
        ("StaticReadonlyKey", $$"""client.Track({{E}}, new RipeProperties { [Keys.ReadonlyPage] = "/p" });""", false),
        ("LocalVariableKey", $$"""string k = "source_page"; client.Track({{E}}, new RipeProperties { [k] = "/p" });""", false),
        ("AddSyntax", $$"""client.Track({{E}}, new RipeProperties { { "source_page", "/p" }, { "seats", 2 } });""", true),
        ("EnumExact", $$"""client.Track({{E}}, new RipeProperties { ["source_page"] = "/p", ["plan"] = "Pro" });""", true),
        ("EnumUpper", $$"""client.Track({{E}}, new RipeProperties { ["source_page"] = "/p", ["plan"] = "ENTERPRISE" });""", true),
        ("EnumLower", $$"""client.Track({{E}}, new RipeProperties { ["source_page"] = "/p", ["plan"] = "free" });""", true),
        ("EnumWrongCase", $$"""client.Track({{E}}, new RipeProperties { ["source_page"] = "/p", ["plan"] = "pro" });""", false),
        ("EnumNotConstant", $$"""string p = "Pro"; client.Track({{E}}, new RipeProperties { ["source_page"] = "/p", ["plan"] = p });""", false),
        ("MissingRequired", $$"""client.Track({{E}}, new RipeProperties { ["seats"] = 5 });""", false),
        ("ExtraKey", $$"""client.Track({{E}}, new RipeProperties { ["source_page"] = "/p", ["button"] = "x" });""", false),
        ("NestedProperties", $$"""client.Track({{E}}, new RipeProperties { ["source_page"] = "/p", ["address"] = new RipeProperties { ["city"] = "Oslo" } });""", false),
        ("ArrayValue", $$"""client.Track({{E}}, new RipeProperties { ["source_page"] = "/p", ["tags"] = new[] { "a" } });""", false),
        ("NullValue", $$"""client.Track({{E}}, new RipeProperties { ["source_page"] = "/p", ["seats"] = null });""", false),
        ("MaybeNullString", $$"""string? s = System.Environment.GetEnvironmentVariable("NOPE_NOT_SET"); client.Track({{E}}, new RipeProperties { ["source_page"] = s });""", false),
        ("NonNullLocalString", $$"""string s = "/p" + 1; client.Track({{E}}, new RipeProperties { ["source_page"] = s });""", true),
        ("IntForNumber", $$"""client.Track({{E}}, new RipeProperties { ["source_page"] = "/p", ["price"] = 7 });""", true),
        ("FloatForNumber", $$"""client.Track({{E}}, new RipeProperties { ["source_page"] = "/p", ["price"] = 1.1f });""", true),
        ("LongForNumber", $$"""long big = 9007199254740993; client.Track({{E}}, new RipeProperties { ["source_page"] = "/p", ["price"] = big });""", false),
        ("CharForInteger", $$"""client.Track({{E}}, new RipeProperties { ["source_page"] = "/p", ["seats"] = 'a' });""", false),
        ("NullableIntForInteger", $$"""int? n = null; client.Track({{E}}, new RipeProperties { ["source_page"] = "/p", ["seats"] = n });""", false),
        ("DateTimeOffsetValue", $$"""client.Track({{E}}, new RipeProperties { ["source_page"] = "/p", ["at"] = new System.DateTimeOffset(2026, 1, 2, 3, 4, 5, System.TimeSpan.Zero) });""", true),
        ("DateTimeValue", $$"""client.Track({{E}}, new RipeProperties { ["source_page"] = "/p", ["at"] = new System.DateTime(2026, 1, 2) });""", false),
        ("AnyValue", $$"""client.Track({{E}}, new RipeProperties { ["source_page"] = "/p", ["extra"] = 42 });""", true),
        ("DuplicateKey", $$"""client.Track({{E}}, new RipeProperties { ["source_page"] = "/p", ["source_page"] = "/q" });""", false),
        ("WithIdentity", $$"""client.Track({{E}}, new RipeProperties { ["source_page"] = "/p" }, RipeIdentity.ForUser("u-1"));""", true),
        ("NoProperties", """client.Track("Logged Out");""", true),
        ("UnexpectedProperties", """client.Track("Logged Out", new RipeProperties { ["x"] = 1 });""", false),
    };

    private static string Source()
    {
        var code = new StringBuilder("""
            using RipeTyped;

            public static class Keys
            {
                public const string Page = "source_page";
                public const string Prefix = "source_";
                public static readonly string ReadonlyPage = "source_page";
            }

            public static class Calls
            {

            """);
        foreach (var (name, body, _) in Cases)
        {
            code.Append("    public static void ").Append(name).Append("(RipeClient client)\n    {\n        ").Append(body).Append("\n    }\n\n");
        }

        return code.Append("}\n").ToString();
    }

    [Fact]
    public async Task Every_offered_fix_compiles_and_sends_the_same_json()
    {
        string source = Source();
        var document = CreateDocument(source);
        var diagnostics = await AnalyzeAsync(document);
        var original = await RunAllAsync(await document.Project.GetCompilationAsync());

        foreach (var (name, _, fixable) in Cases)
        {
            var diagnostic = diagnostics.Single(d => d.Id == "RIPE2003" && MethodOf(source, d.Location.SourceSpan.Start) == name);
            var action = await FixFor(document, diagnostic);
            Assert.True(fixable == (action != null), $"{name}: fix {(action is null ? "not " : "")}offered");
            if (action is null)
            {
                continue;
            }

            var fixedDocument = await Apply(document, action);
            var compilation = (await fixedDocument.Project.GetCompilationAsync())!;
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, $"{name}: the fixed code does not compile:\n{string.Join("\n", errors)}\n{(await fixedDocument.GetTextAsync())}");
            Assert.DoesNotContain(".Track(", MethodText((await fixedDocument.GetTextAsync()).ToString(), name), StringComparison.Ordinal);

            var fixedBodies = await RunAllAsync(compilation, name);
            Assert.True(JsonEquals(original[name], fixedBodies[name]), $"{name}: raw sent {original[name]}, fixed sends {fixedBodies[name]}");
        }
    }

    [Fact]
    public async Task Fix_all_in_document_project_and_solution_gives_the_one_by_one_result()
    {
        string source = Source();

        // One by one: fix the first fixable diagnostic, analyze again, until none is left.
        var document = CreateDocument(source);
        for (int guard = 0; guard < Cases.Length + 1; guard++)
        {
            CodeAction? next = null;
            foreach (var diagnostic in (await AnalyzeAsync(document)).Where(d => d.Id == "RIPE2003"))
            {
                next = await FixFor(document, diagnostic);
                if (next != null)
                {
                    break;
                }
            }

            if (next is null)
            {
                break;
            }

            document = await Apply(document, next);
        }

        string oneByOne = (await document.GetTextAsync()).ToString();
        var test = CodeFixTestSetup.Create(Plan, PlanPath, source, oneByOne);
        test.CodeActionValidationMode = CodeActionValidationMode.None;

        // As in the one-by-one run: nullable analysis on (the analyzer trusts it to know a value is never null).
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectCompilationOptions(projectId,
            ((CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Enable)));

        test.TestState.ExpectedDiagnostics.AddRange((await AnalyzeAsync(CreateDocument(source))).Select(Expected));
        test.FixedState.ExpectedDiagnostics.AddRange((await AnalyzeAsync(CreateDocument(oneByOne))).Select(Expected));
        Assert.Equal(Cases.Count(c => !c.Fixable), test.FixedState.ExpectedDiagnostics.Count(d => d.Id == "RIPE2003"));

        // The testing library applies Fix All in document, project and solution scope and compares each with FixedCode.
        await test.RunAsync();
    }

    private static DiagnosticResult Expected(Diagnostic diagnostic)
    {
        var result = new DiagnosticResult(diagnostic.Id, diagnostic.Severity).WithSpan(diagnostic.Location.GetLineSpan());
        foreach (var additional in diagnostic.AdditionalLocations)
        {
            result = result.WithSpan(additional.GetLineSpan());
        }

        return result;
    }

    private static Document CreateDocument(string source)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var generated = GeneratorHarness.Run(Plan).Sources;
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Corpus", "Corpus", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                    .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }),
                parseOptions: GeneratorHarness.ParseOptions(),
                metadataReferences: GeneratorHarness.References))
            .AddAdditionalDocument(DocumentId.CreateNewId(projectId), "tracking-plan.yaml", SourceText.From(Plan), filePath: PlanPath);
        foreach (var file in generated)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), file.HintName, file.SourceText, filePath: "/0/Generated/" + file.HintName);
        }

        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, "Calls.cs", SourceText.From(source), filePath: "/0/Test0.cs");
        return solution.GetDocument(documentId)!;
    }

    private static async Task<IReadOnlyList<Diagnostic>> AnalyzeAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var options = new AnalyzerOptions(document.Project.AdditionalDocuments
            .Select(d => (AdditionalText)new InMemoryAdditionalText(d.FilePath!, d.GetTextAsync().Result.ToString())).ToImmutableArray());
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RawTrackCallAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id != "RIPE2004" && d.Location.SourceTree?.FilePath == "/0/Test0.cs").OrderBy(d => d.Location.SourceSpan.Start).ToList();
    }

    private static async Task<CodeAction?> FixFor(Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new UseTypedMethodCodeFix().RegisterCodeFixesAsync(context);
        return actions.SingleOrDefault();
    }

    private static async Task<Document> Apply(Document document, CodeAction action)
    {
        var operation = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        return operation.ChangedSolution.GetDocument(document.Id)!;
    }

    private static string MethodOf(string source, int position)
    {
        int at = source.LastIndexOf("public static void ", position, StringComparison.Ordinal) + "public static void ".Length;
        return source.Substring(at, source.IndexOf('(', at) - at);
    }

    private static string MethodText(string source, string name)
    {
        int start = source.IndexOf("public static void " + name + "(", StringComparison.Ordinal);
        return source.Substring(start, source.IndexOf("\n    }", start, StringComparison.Ordinal) - start);
    }

    /// <summary>Runs each case method (or one) of a compilation against a recording client; the JSON body each sent.</summary>
    private static async Task<Dictionary<string, string>> RunAllAsync(Compilation? compilation, string? only = null)
    {
        using var stream = new MemoryStream();
        var emitted = compilation!.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        var assembly = new AssemblyLoadContext("fix-corpus", isCollectible: true).LoadFromStream(new MemoryStream(stream.ToArray()));
        var calls = assembly.GetType("Calls")!;
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, _, _) in Cases.Where(c => only is null || c.Name == only))
        {
            var handler = new RecordingHandler();
            await using (var client = new RipeClient(new RipeClientOptions
            {
                ApiKey = "k",
                Endpoint = new Uri("http://127.0.0.1:9/event"),
                AnonymousId = "anon",
                HttpClient = new HttpClient(handler),
                ValidationMode = RipeValidationMode.Off,
            }))
            {
                try
                {
                    calls.GetMethod(name)!.Invoke(null, new object[] { client });
                }
                catch (TargetInvocationException ex)
                {
                    // Some raw calls cannot even be sent (a char value): they have nothing to compare, and get no fix.
                    bodies[name] = "throws " + ex.InnerException!.GetType().Name;
                    continue;
                }

                await client.FlushAsync();
            }

            bodies[name] = handler.Bodies.Single();
        }

        return bodies;
    }

    /// <summary>Same event, identity and properties (as JSON values, in any key order); messageId and timestamp differ by nature.</summary>
    private static bool JsonEquals(string raw, string typed)
    {
        using var a = JsonDocument.Parse(raw);
        using var b = JsonDocument.Parse(typed);
        foreach (string field in new[] { "event", "userId", "anonymousId", "properties" })
        {
            bool hasA = a.RootElement.TryGetProperty(field, out var va);
            bool hasB = b.RootElement.TryGetProperty(field, out var vb);
            if (hasA != hasB || (hasA && !ValueEquals(va, vb)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ValueEquals(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var left = a.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                var right = b.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                return left.Count == right.Count && left.All(p => right.TryGetValue(p.Key, out var other) && ValueEquals(p.Value, other));
            case JsonValueKind.Array:
                return a.GetArrayLength() == b.GetArrayLength() && a.EnumerateArray().Zip(b.EnumerateArray()).All(p => ValueEquals(p.First, p.Second));
            default:
                return a.GetRawText() == b.GetRawText();
        }
    }
}
