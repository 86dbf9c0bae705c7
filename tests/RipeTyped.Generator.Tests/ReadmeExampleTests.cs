using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>The README's 30-second example compiles against what the generator emits for its plan.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void Thirty_second_example_compiles_and_its_plan_is_clean()
    {
        string readme = File.ReadAllText(RepositoryFiles.Path("README.md"));
        string section = readme.Substring(readme.IndexOf("## 30-second example", System.StringComparison.Ordinal));
        string plan = Block(section, "```yaml");
        string csharp = Block(section, "```csharp");
        string code = "using System.Threading.Tasks;\nusing RipeTyped;\nusing Acme.Analytics;\ninternal static class Example\n{\n    internal static async Task RunAsync()\n    {\n"
            + csharp + "\n    }\n}\n";

        var run = GeneratorHarness.Run(plan, code);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity >= DiagnosticSeverity.Warning);
    }

    private static string Block(string text, string fence)
    {
        int start = text.IndexOf(fence + "\n", System.StringComparison.Ordinal) + fence.Length + 1;
        return text.Substring(start, text.IndexOf("```", start, System.StringComparison.Ordinal) - start);
    }
}
