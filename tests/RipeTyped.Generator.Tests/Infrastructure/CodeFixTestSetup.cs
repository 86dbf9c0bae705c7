using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using RipeTyped.CodeFixes;
using RipeTyped.Generator.Analyzers;

namespace RipeTyped.Generator.Tests.Infrastructure;

/// <summary>A RIPE2003 code fix test that sees what a real build sees: the plan, the runtime, and the generator's output.</summary>
internal static class CodeFixTestSetup
{
    public static CSharpCodeFixTest<RawTrackCallAnalyzer, UseTypedMethodCodeFix, DefaultVerifier> Create(string plan, string planPath, string code, string fixedCode)
    {
        var test = new CSharpCodeFixTest<RawTrackCallAnalyzer, UseTypedMethodCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = code,
            FixedCode = fixedCode,
        };

        // The testing library runs every rule, even those off by default; RIPE2004 is opt-in.
        test.DisabledDiagnostics.Add("RIPE2004");

        // The analyzer sees the compilation after generation, as in a real build: add the generator's output.
        var generated = GeneratorHarness.Run(plan).Sources.Select(s => ("/0/Generated/" + s.HintName, s.SourceText)).ToList();
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.AdditionalFiles.Add((planPath, plan));
            state.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(RipeClient).Assembly.Location));
            foreach (var source in generated)
            {
                state.Sources.Add(source);
            }
        }

        return test;
    }
}
