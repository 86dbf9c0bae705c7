using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>
/// Whatever the plan, the generator neither throws (CS8785) nor emits code that fails to compile.
/// Plans are damaged deterministically (fixed seeds), so a failure reproduces.
/// </summary>
public class RobustnessTests
{
    private static readonly string SamplePlan = File.ReadAllText(RepositoryFiles.Path("tracking-plan.yaml"));
    private static readonly string Representative = GeneratorHarness.ReadPlan("representative.yaml");

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int seed = 1; seed <= 100; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Damaged_plans_give_diagnostics_and_compiling_code(int seed)
    {
        var random = new Random(seed);
        string plan = Damage(seed % 2 == 0 ? SamplePlan : Representative, random);

        var run = GeneratorHarness.Run(plan);

        Assert.Empty(run.Exceptions);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "RIPE0099");
        var errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"seed {seed}: generated code does not compile: {string.Join("\n", errors.Take(5))}\n--- plan ---\n{plan}");
    }

    [Fact]
    public void Every_prefix_of_the_plan_is_handled()
    {
        // What the generator sees while someone types the plan from top to bottom.
        for (int length = 0; length <= Representative.Length; length += 37)
        {
            var run = GeneratorHarness.Run(Representative.Substring(0, length));
            Assert.Empty(run.Exceptions);
            Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("RIPE", StringComparison.Ordinal));
        }
    }

    private static string Damage(string plan, Random random)
    {
        var lines = plan.Split('\n').ToList();
        int edits = random.Next(1, 6);
        for (int i = 0; i < edits; i++)
        {
            int index = random.Next(lines.Count);
            switch (random.Next(6))
            {
                case 0:
                    lines.RemoveAt(index);
                    break;
                case 1:
                    lines.Insert(index, lines[random.Next(lines.Count)]);
                    break;
                case 2:
                    lines[index] = "  " + lines[index];
                    break;
                case 3:
                    lines[index] = lines[index].Replace("string", "strnig").Replace("required", "requird");
                    break;
                case 4:
                    lines[index] = lines[index].Replace("name:", "name: \"#<>\\\"\u2028*/\"  ");
                    break;
                default:
                    int cut = random.Next(lines[index].Length + 1);
                    lines[index] = lines[index].Substring(0, cut) + "{[" + lines[index].Substring(cut);
                    break;
            }
        }

        return string.Join('\n', lines);
    }
}
