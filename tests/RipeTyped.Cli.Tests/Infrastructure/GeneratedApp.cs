using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RipeTyped.Generator;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Cli.Tests.Infrastructure;

/// <summary>
/// A plan compiled as a consumer would: the generator runs over it, the result is compiled and loaded, and every
/// generated call is made with every member set, against a client whose HTTP handler records the bodies.
/// </summary>
internal sealed class GeneratedApp
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(RipeClient).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    private GeneratedApp(IReadOnlyList<Diagnostic> diagnostics, Assembly? assembly, int generatedChars)
    {
        Diagnostics = diagnostics;
        Assembly = assembly;
        GeneratedChars = generatedChars;
    }

    /// <summary>Generator and compiler diagnostics together.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    public Assembly? Assembly { get; }

    public int GeneratedChars { get; }

    public static GeneratedApp Build(string planYaml)
    {
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        var compilation = CSharpCompilation.Create(
            "Imported.App",
            Array.Empty<SyntaxTree>(),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new TrackingPlanGenerator().AsSourceGenerator() },
            new AdditionalText[] { new PlanText("/app/tracking-plan.yaml", planYaml) },
            parse,
            new RootNamespaceOptions("Imported.App"));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        var diagnostics = generatorDiagnostics.Concat(output.GetDiagnostics()).Concat(result.Results.Where(r => r.Exception != null)
            .Select(r => Diagnostic.Create("CS8785", "Generator", r.Exception!.ToString(), DiagnosticSeverity.Error, DiagnosticSeverity.Error, true, 0))).ToList();
        int chars = result.GeneratedTrees.Sum(t => t.Length);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new GeneratedApp(diagnostics, null, chars);
        }

        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        diagnostics.AddRange(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        var assembly = emitted.Success ? new AssemblyLoadContext("imported-" + Guid.NewGuid().ToString("N"), isCollectible: true).LoadFromStream(new MemoryStream(stream.ToArray())) : null;
        return new GeneratedApp(diagnostics, assembly, chars);
    }

    /// <summary>Calls every generated method once (Track…, Page…, Identify, Group) with every member set; returns the JSON bodies sent.</summary>
    public async Task<IReadOnlyList<JsonElement>> SendEveryCallAsync()
    {
        var facadeType = Assembly!.GetTypes().Single(t => t.GetConstructor(new[] { typeof(RipeClient) }) != null);
        var handler = new RecordingHandler();
        await using (var client = new RipeClient(new RipeClientOptions
        {
            ApiKey = "k",
            Endpoint = new Uri("http://127.0.0.1:9/event"),
            AnonymousId = "anon",
            HttpClient = new HttpClient(handler),
            ValidationMode = RipeValidationMode.Off, // the corpus checks names on the wire, not sample values against patterns
        }))
        {
            object facade = Activator.CreateInstance(facadeType, client)!;
            foreach (var method in facadeType.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (method.Name is "FlushAsync" || method.IsSpecialName)
                {
                    continue;
                }

                var parameters = method.GetParameters();
                if (method.Name is "Identify" && parameters[0].ParameterType != typeof(string))
                {
                    continue; // the overload for an explicit identity sends the same body
                }

                var arguments = parameters.Select(p => p.ParameterType == typeof(string) ? (object)"id-1" : Sample(p.ParameterType, 0)).ToArray();
                method.Invoke(facade, arguments);
            }

            await client.FlushAsync();
        }

        return handler.Bodies.Select(b => JsonDocument.Parse(b).RootElement).ToList();
    }

    /// <summary>The key put into every AdditionalProperties (and untyped properties) to see it arrive.</summary>
    public const string ExtraKey = "extra key from the test";

    private static object? Sample(Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(RipeIdentity) || type == typeof(RipePageContext))
        {
            return null;
        }

        if (type == typeof(RipeProperties))
        {
            return new RipeProperties { [ExtraKey] = 1 };
        }

        if (type == typeof(string) || type == typeof(object))
        {
            return "x";
        }

        if (type == typeof(long))
        {
            return 1L;
        }

        if (type == typeof(double))
        {
            return 1.5;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).GetValue(0);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var itemType = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
            list.Add(Sample(itemType, depth + 1));
            return list;
        }

        if (typeof(IRipeProperties).IsAssignableFrom(type) && depth < 16)
        {
            object value = Activator.CreateInstance(type)!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                property.SetValue(value, Sample(property.PropertyType, depth + 1));
            }

            return value;
        }

        throw new NotSupportedException("No sample value for " + type);
    }

    private sealed class PlanText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class RootNamespaceOptions(string rootNamespace) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(new Dictionary<string, string>());

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
