using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RipeTyped.AspNetCore.Tests;

/// <summary>docs/aspnetcore.md's code compiles as written, against the plan of the sample it describes.</summary>
public sealed class DocsCodeTests
{
    // What a Microsoft.NET.Sdk.Web project's ImplicitUsings add.
    private const string WebImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    [Fact]
    public void The_minimal_code_compiles_with_no_warning()
    {
        string page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "aspnetcore.md"));
        string program = CodeBlocks(page).First();

        var diagnostics = Compile(program);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void The_background_work_code_compiles_in_an_app()
    {
        string page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "aspnetcore.md"));
        string background = CodeBlocks(page).Single(b => b.Contains("GetRipeIdentity()", StringComparison.Ordinal));
        string program = "using Acme.Analytics;\nusing RipeTyped;\nusing RipeTyped.AspNetCore;\nvar app = WebApplication.CreateBuilder(args).Build();\n" + background + "\n" +
            "internal sealed class ReportQueue { public void Enqueue(Action<long> work) => work(0); }\n";

        var diagnostics = Compile(program);

        Assert.Empty(diagnostics);
    }

    private static Diagnostic[] Compile(string program)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(Path.Combine(AppContext.BaseDirectory, "RipeTyped.AspNetCoreSample.dll")) // the Acme plan's generated types
            .Distinct()
            .Select(p => MetadataReference.CreateFromFile(p));
        var options = new CSharpParseOptions(LanguageVersion.CSharp12);
        var compilation = CSharpCompilation.Create(
            "DocsCode",
            new[] { CSharpSyntaxTree.ParseText(WebImplicitUsings, options), CSharpSyntaxTree.ParseText(program, options, "docs/aspnetcore.md") },
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS1701" && d.Id != "CS1702").ToArray();
    }

    private static string[] CodeBlocks(string markdown) =>
        markdown.Split("```csharp\n").Skip(1).Select(block => block.Substring(0, block.IndexOf("```", StringComparison.Ordinal))).ToArray();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "RipeTyped.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("RipeTyped.sln not found above " + AppContext.BaseDirectory);
    }
}
