using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>
/// A tracking plan arrives in pull requests from anyone: it is untrusted input to the compiler. Each hostile shape
/// must end in a clear diagnostic, never an exception, a stack overflow, or unbounded time or memory.
/// </summary>
public class HostilePlanTests
{
    // A watchdog, not a speed target: a hang or exponential blow-up fails here instead of stalling CI.
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(60);

    private static GeneratorRun RunBounded(string plan)
    {
        var task = Task.Run(() => GeneratorHarness.Run(plan, planPath: GeneratorHarness.FreshPlanPath()));
        Assert.True(task.Wait(Watchdog), "the generator did not finish within the watchdog");
        var run = task.Result;
        Assert.Empty(run.Exceptions);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "RIPE0099");
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("RIPE", StringComparison.Ordinal)));
        return run;
    }

    private static Diagnostic Single(GeneratorRun run, string id) => Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);

    [Fact]
    public void A_billion_laughs_alias_bomb_is_refused()
    {
        var plan = new StringBuilder("version: 1\nevents:\n  - name: Laughed\n    properties:\n      l0: &l0 { type: string }\n");
        for (int level = 1; level <= 9; level++)
        {
            plan.Append($"      l{level}: &l{level} {{ type: object, properties: {{ ");
            plan.Append(string.Join(", ", Enumerable.Range(0, 10).Select(i => $"p{i}: *l{level - 1}")));
            plan.Append(" } }\n");
        }

        var run = RunBounded(plan.ToString());

        var error = Single(run, "RIPE0001");
        Assert.Contains("aliases", error.GetMessage());
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public void Ten_thousand_levels_of_nesting_are_refused(string open, string close)
    {
        string plan = "version: 1\nevents: " + string.Concat(Enumerable.Repeat(open, 10_000)) + "x" + string.Concat(Enumerable.Repeat(close, 10_000)) + "\n";

        var run = RunBounded(plan);

        var error = Single(run, "RIPE0001");
        Assert.Contains("nested deeper than", error.GetMessage());
        Assert.Equal(1, error.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_twenty_megabyte_plan_is_refused_before_it_is_parsed()
    {
        var plan = new StringBuilder("version: 1\nevents:\n");
        for (int i = 0; plan.Length < 20 * 1024 * 1024; i++)
        {
            plan.Append($"  - name: Viewed Page {i}\n    description: {new string('x', 200)}\n    properties:\n      page_number: {{ type: integer, minimum: 0 }}\n");
        }

        var run = RunBounded(plan.ToString());

        var error = Single(run, "RIPE0016");
        Assert.Contains("MB", error.GetMessage());
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Binary_garbage_gives_a_yaml_diagnostic(int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[4096];
        random.NextBytes(bytes);

        var run = RunBounded(Encoding.Latin1.GetString(bytes));

        Assert.NotEmpty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_byte_order_mark_and_crlf_line_ends_are_read_normally_with_correct_lines()
    {
        string plan = "\uFEFFversion: 1\r\nevents:\r\n  - name: Signed Up\r\n    colour: blue\r\n  - name: Logged In\r\n";

        var run = RunBounded(plan);

        var error = Single(run, "RIPE0002");
        Assert.Equal(3, error.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(4, error.Location.GetLineSpan().StartLinePosition.Character);
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("TrackLoggedIn", StringComparison.Ordinal));
    }

    [Fact]
    public void Tab_indentation_is_a_yaml_error_on_its_line()
    {
        string plan = "version: 1\nevents:\n  - name: Signed Up\n\tproperties: {}\n";

        var run = RunBounded(plan);

        var error = Single(run, "RIPE0001");
        Assert.Equal(3, error.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Duplicate_keys_are_reported_and_not_silently_overwritten()
    {
        string plan = "version: 1\nevents:\n  - name: Signed Up\n    properties:\n      plan: string\n      plan: integer\n";

        var run = RunBounded(plan);

        var error = Single(run, "RIPE0007");
        Assert.Equal(5, error.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_ten_thousand_long_chain_of_definitions_does_not_overflow_the_stack()
    {
        var plan = new StringBuilder("version: 1\ndefinitions:\n  d0: { type: string }\n");
        for (int i = 1; i < 10_000; i++)
        {
            plan.Append($"  d{i}: {{ $ref: d{i - 1} }}\n");
        }

        plan.Append("events:\n  - name: Signed Up\n    properties:\n      source: { $ref: d9999 }\n");

        var run = RunBounded(plan.ToString());

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "RIPE0015"));
    }

    [Fact]
    public void A_hundred_thousand_long_chain_referenced_by_many_properties_stays_linear()
    {
        // Checking each definition for a cycle by walking its own chain was O(n²): this 2.6 MB plan took hours. Each
        // definition is now walked once, and the end of a chain is found once per schema.
        var plan = new StringBuilder("version: 1\ndefinitions:\n  d0: { type: string, maxLength: 20 }\n");
        for (int i = 1; i < 100_000; i++)
        {
            plan.Append($"  d{i}: {{ $ref: d{i - 1} }}\n");
        }

        plan.Append("events:\n  - name: Signed Up\n    properties:\n");
        for (int i = 0; i < 1_000; i++)
        {
            plan.Append($"      p{i}: {{ $ref: d99999 }}\n");
        }

        var run = RunBounded(plan.ToString());

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Contains("public string? P999 { get; set; }", run.Source("SignedUpProperties.g.cs"));
        Assert.Contains("__.Text(e, p, \"p999\", P999, false, null, null, 20);", run.Source("SignedUpProperties.g.cs"));
    }
}
