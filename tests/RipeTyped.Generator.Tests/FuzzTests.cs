using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.CodeAnalysis;
using Microsoft.FSharp.Core;
using RipeTyped.Generator.Emit;
using RipeTyped.Generator.Pipeline;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>
/// Property-based fuzzing (FsCheck): thousands of mutated and randomly built plans through the parser, validator,
/// spec builder and emitter, and hundreds through the whole generator and the C# compiler. No exception may escape,
/// and whenever code is emitted it compiles. Seeds are fixed so a failure reproduces; FsCheck prints the shrunk case.
/// </summary>
public class FuzzTests
{
    private static readonly string[] BasePlans =
    {
        File.ReadAllText(RepositoryFiles.Path("tracking-plan.yaml")),
        GeneratorHarness.ReadPlan("representative.yaml"),
        GeneratorHarness.ReadPlan("variants.yaml"),
    };

    // YAML-significant and RipeTyped-significant fragments a mutation can insert.
    private static readonly string[] Tokens =
    {
        ":", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!binary ", "!custom ", "\"", "'", "#", "\t", "\n", "\r\n", "  ", "    ",
        "$ref: plan_tier", "$ref: nowhere", "type: enum", "type: object", "type: array", "values: []", "values: [a, A, a]",
        "required: true", "nullable: yes", "properties:", "items:", "~", "null", "1e400", "-1", "0x10", ".nan", "minimum: 5\n  maximum: 1",
        "pattern: \"[\"", "name: \"\"", "name: class", "name: \"*/ </summary>\"", "\u2028", "\uFEFF", "\0", "ÿ", "名前", "? complex key\n: v",
        "--- \n", "...\n", "%YAML 1.2\n", "|\n  block", ">-\n  folded",
        "variants:\n  - csharpName: V\n", "variants: []", "csharpName: WithEmail", "csharpName: \"with email\"", "when: { signup_method: email }",
        "when: { signup_method: [email, nope] }", "when: { plan: pro, kind: gift }", "when: { attempt: 1.5 }", "when: {}",
    };

    internal static readonly Config Deterministic = Config.QuickThrowOnFailure
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20261125UL, 7UL), FSharpOption<int>.None)))
        .WithQuietOnSuccess(true);

    /// <param name="maxMutations">Up to this many mutations; one keeps most plans readable YAML, so they reach emission.</param>
    internal static Gen<string> MutatedPlan(int maxMutations = 6) =>
        from baseIndex in Gen.Choose(0, BasePlans.Length - 1)
        from mutations in Gen.ListOf(Mutation(), maxMutations).Where(m => m.Count > 0)
        select mutations.Aggregate(BasePlans[baseIndex], (plan, mutate) => mutate(plan));

    private static Gen<Func<string, string>> Mutation() => Gen.OneOf(
        from position in Gen.Choose(0, int.MaxValue)
        from token in Gen.Elements(Tokens)
        select (Func<string, string>)(plan => plan.Insert(position % (plan.Length + 1), token)),
        from position in Gen.Choose(0, int.MaxValue)
        from length in Gen.Choose(1, 40)
        select (Func<string, string>)(plan => plan.Length == 0 ? plan : plan.Remove(position % plan.Length, Math.Min(length, plan.Length - (position % plan.Length)))),
        from line in Gen.Choose(0, int.MaxValue)
        select (Func<string, string>)(plan => MapLines(plan, lines => lines.Insert(line % lines.Count, lines[line % lines.Count]))),
        from a in Gen.Choose(0, int.MaxValue)
        from b in Gen.Choose(0, int.MaxValue)
        select (Func<string, string>)(plan => MapLines(plan, lines =>
        {
            int i = a % lines.Count, j = b % lines.Count;
            (lines[i], lines[j]) = (lines[j], lines[i]);
        })),
        from line in Gen.Choose(0, int.MaxValue)
        from token in Gen.Elements(Tokens)
        select (Func<string, string>)(plan => MapLines(plan, lines =>
        {
            int i = line % lines.Count;
            int colon = lines[i].IndexOf(':');
            lines[i] = colon < 0 ? token : lines[i].Substring(0, colon + 1) + " " + token;
        })));

    private static string MapLines(string plan, Action<List<string>> edit)
    {
        var lines = plan.Split('\n').ToList();
        edit(lines);
        return string.Join("\n", lines);
    }

    /// <summary>Random well-shaped plans: names and texts drawn from an alphabet of troublemakers.</summary>
    internal static Gen<string> BuiltPlan()
    {
        var name = from parts in Gen.NonEmptyListOf(Gen.Elements("Clicked", "class", "int", "@event", "Über", "名前", "9lives", "a\"b", "x\\y", "*/", "</summary>", "#error", "{0}", "Button", "_", "-", "  ", "\u2028", "Item"))
                   select string.Join(" ", parts.Take(4));
        var scalarType = Gen.Elements("string", "integer", "number", "boolean", "date-time", "any");
        Gen<string> Property(int depth) =>
            from propertyName in name
            from kind in Gen.Choose(0, depth > 0 ? 5 : 3)
            from scalar in scalarType
            from values in Gen.NonEmptyListOf(name)
            from required in Gen.Elements("true", "false")
            from description in name
            from nested in depth > 0 ? Gen.ListOf(Gen.Constant(0).SelectMany(_ => Property(depth - 1)), 3) : Gen.Constant(new List<string>())
            select YamlText.Quote(propertyName) + ": " + (kind switch
            {
                4 => $"{{ type: object, required: {required}, description: {YamlText.Quote(description)}, properties: {{ {string.Join(", ", nested.DefaultIfEmpty("x: string"))} }} }}",
                5 => $"{{ type: array, items: {{ type: enum, values: [{string.Join(", ", values.Select(YamlText.Quote))}] }} }}",
                3 => $"{{ type: enum, required: {required}, values: [{string.Join(", ", values.Select(YamlText.Quote))}], description: {YamlText.Quote(description)} }}",
                _ => $"{{ type: {scalar}, required: {required}, description: {YamlText.Quote(description)} }}",
            });
        var @event =
            from eventName in name
            from description in name
            from properties in Gen.ListOf(Property(2), 5)
            select $"  - name: {YamlText.Quote(eventName)}\n    description: {YamlText.Quote(description)}\n" +
                   (properties.Count == 0 ? "" : "    properties:\n" + string.Concat(properties.Select(p => "      " + p + "\n")));
        return from events in Gen.NonEmptyListOf(@event)
               from className in Gen.Elements("Analytics", "class", "Über", "Track")
               select $"version: 1\noptions: {{ className: {className} }}\nevents:\n" + string.Concat(events.Take(6));
    }

    /// <summary>What the generator does with a plan, short of the compiler: load, validate, build the spec, emit.</summary>
    private static void ThroughThePipeline(string plan)
    {
        var model = PlanModelBuilder.Build(ImmutableArray.Create(new PlanFile("/project/tracking-plan.yaml", Microsoft.CodeAnalysis.Text.SourceText.From(plan))), new RipeTyped.Generator.Pipeline.ProjectInfo("Test.App", "Test.App"), CancellationToken.None);
        Assert.DoesNotContain(model.Diagnostics, d => d.Id == "RIPE0099");
        if (model.Spec != null)
        {
            Assert.All(SourceEmitter.Emit(model.Spec), source => Assert.False(string.IsNullOrEmpty(source.Source)));
        }

        var lint = new List<RipeTyped.Generator.Diagnostics.PlanDiagnostic>();
        var loaded = RipeTyped.Generator.Plan.PlanLoader.Load(plan, "/project/tracking-plan.yaml", lint);
        RipeTyped.Generator.Lint.PlanLinter.Lint(loaded, lint);
    }

    /// <summary>Runs the plan through generator and compiler; true when it emitted typed code (not only diagnostics).</summary>
    private static bool ThroughTheCompiler(string plan)
    {
        var run = GeneratorHarness.Run(plan, planPath: GeneratorHarness.FreshPlanPath());
        Assert.Empty(run.Exceptions);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "RIPE0099");
        var errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "generated code does not compile:\n" + string.Join("\n", errors.Take(5)) + "\n--- plan ---\n" + plan);
        return run.Sources.Any(s => s.HintName.EndsWith("Properties.g.cs", StringComparison.Ordinal));
    }

    /// <summary>
    /// Runs <paramref name="count"/> generated plans through the compiler and checks that enough of them reached emission:
    /// "compiles whenever code is emitted" says little if the corpus rarely emits.
    /// </summary>
    private static void CompilesWhenEmitted(Gen<string> plans, int count, double minimumEmittedShare)
    {
        int emitted = 0;
        Check.One(Deterministic.WithMaxTest(count), Prop.ForAll(Arb.From(plans), (Action<string>)(plan => emitted += ThroughTheCompiler(plan) ? 1 : 0)));
        Assert.True(emitted >= count * minimumEmittedShare, $"only {emitted} of {count} plans reached emission");
    }

    [Fact]
    public void Three_thousand_mutated_plans_go_through_parser_validator_and_emitter()
    {
        Check.One(Deterministic.WithMaxTest(3000), Prop.ForAll(Arb.From(MutatedPlan()), (Action<string>)ThroughThePipeline));
    }

    [Fact]
    public void Three_hundred_mutated_plans_compile_whenever_code_is_emitted()
    {
        CompilesWhenEmitted(MutatedPlan(maxMutations: 1), 300, 0.25);
    }

    [Fact]
    public void Two_thousand_random_plans_go_through_parser_validator_and_emitter()
    {
        Check.One(Deterministic.WithMaxTest(2000), Prop.ForAll(Arb.From(BuiltPlan()), (Action<string>)ThroughThePipeline));
    }

    [Fact]
    public void Three_hundred_random_plans_with_hostile_names_compile()
    {
        CompilesWhenEmitted(BuiltPlan(), 300, 0.5);
    }
}
