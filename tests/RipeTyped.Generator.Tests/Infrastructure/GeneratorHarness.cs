using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RipeTyped.Generator;

namespace RipeTyped.Generator.Tests.Infrastructure;

/// <summary>Runs the generator in memory over a plan and C# code, as the compiler would.</summary>
internal static class GeneratorHarness
{
    public const string PlanPath = "/project/tracking-plan.yaml";

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(RipeClient).Assembly.Location);
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.CSharp12) =>
        new(version, DocumentationMode.Diagnose);

    public static CSharpCompilation Compilation(string code, LanguageVersion version = LanguageVersion.CSharp12, string assemblyName = "Test.App") =>
        CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(code, ParseOptions(version), path: "/project/Program.cs") },
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // The SDK suppresses these binding-redirect notices too (RipeTyped.dll was built against System.Text.Json 8).
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    public static GeneratorDriver CreateDriver(string plan, LanguageVersion version = LanguageVersion.CSharp12, string? rootNamespace = "Test.App", string planPath = PlanPath) =>
        CreateDriver(new InMemoryAdditionalText(planPath, plan), version, rootNamespace);

    /// <summary>
    /// A plan path no other test uses: as a process that never saw this plan parse (the generator keeps emitting a plan's
    /// last readable version while its YAML is broken; see Loading.LastReadableSpecs).
    /// </summary>
    public static string FreshPlanPath() => "/fresh-" + Guid.NewGuid().ToString("N") + "/tracking-plan.yaml";

    public static GeneratorDriver CreateDriver(AdditionalText plan, LanguageVersion version = LanguageVersion.CSharp12, string? rootNamespace = "Test.App") =>
        CreateDriver(new[] { plan }, source: null, version, rootNamespace);

    /// <summary>A driver over the files of a (split) plan, for a project that is <paramref name="source"/> (RipeTypedSource).</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> plans, string? source, LanguageVersion version = LanguageVersion.CSharp12, string? rootNamespace = "Test.App") =>
        CSharpGeneratorDriver.Create(
            new[] { new TrackingPlanGenerator().AsSourceGenerator() },
            plans,
            ParseOptions(version),
            new TestOptionsProvider(rootNamespace, source: source),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(string plan, string code = "", LanguageVersion version = LanguageVersion.CSharp12, string? rootNamespace = "Test.App", string planPath = PlanPath)
    {
        var compilation = Compilation(code, version);
        var driver = CreateDriver(plan, version, rootNamespace, planPath).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        PipelineChecks.AssertCachedOnSecondRun(driver, compilation);
        return new GeneratorRun(driver.GetRunResult(), output, diagnostics);
    }

    public static string ReadPlan(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Plans", name));
}

internal sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IReadOnlyList<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources).ToList();

    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).SourceText.ToString();

    public IEnumerable<Diagnostic> CompilationProblems =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);

    public IEnumerable<Diagnostic> Exceptions => Result.Results.Where(r => r.Exception != null).Select(r => Diagnostic.Create("CS8785", "Generator", r.Exception!.ToString(), DiagnosticSeverity.Error, DiagnosticSeverity.Error, true, 0));
}

internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Global options (RootNamespace, RipeTypedSource) and, optionally, per-file options (the item metadata MSBuild passes).</summary>
internal sealed class TestOptionsProvider(string? rootNamespace, IReadOnlyDictionary<string, Dictionary<string, string>>? fileOptions = null, string? source = null, IReadOnlyDictionary<string, string>? globals = null) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new TestOptions(Globals(rootNamespace, source, globals));

    private static Dictionary<string, string> Globals(string? rootNamespace, string? source, IReadOnlyDictionary<string, string>? globals)
    {
        var values = globals?.ToDictionary(pair => pair.Key, pair => pair.Value) ?? new Dictionary<string, string>();
        if (rootNamespace is not null)
        {
            values["build_property.RootNamespace"] = rootNamespace;
        }

        if (source is not null)
        {
            values["build_property.RipeTypedSource"] = source;
        }

        return values;
    }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        fileOptions != null && fileOptions.TryGetValue(textFile.Path, out var values) ? new TestOptions(values) : TestOptions.Empty;
}

internal sealed class TestOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
{
    public static readonly TestOptions Empty = new(new Dictionary<string, string>());

    public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
}
