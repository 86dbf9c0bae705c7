using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Emit;
using RipeTyped.Generator.Pipeline;
using RipeTyped.Generator.Plan;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Generator
{
    /// <summary>
    /// Reads <c>tracking-plan.yaml</c> (an AdditionalFiles item; see <see cref="PlanFileSelector"/>) and generates typed tracking code. The plan is parsed
    /// only when its text or the project's namespace changes; edits to C# files reach only the cheap compilation-info step.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class TrackingPlanGenerator : IIncrementalGenerator
    {
        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var planFiles = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Where(static pair => PlanFileSelector.IsPlan(pair.Left, pair.Right))
                .Select(static (pair, ct) => new PlanFile(pair.Left.Path, pair.Left.GetText(ct)))
                .WithTrackingName(TrackingNames.PlanFiles);

            var project = context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) => ProjectInfo.From(options.GlobalOptions, null))
                .Combine(context.CompilationProvider.Select(static (c, _) => c.AssemblyName))
                .Select(static (pair, _) => pair.Left with { AssemblyName = pair.Right })
                .WithTrackingName(TrackingNames.ProjectInfo);

            var model = planFiles.Collect()
                .Combine(project)
                .Select(static (input, ct) => PlanModelBuilder.Build(input.Left, input.Right, ct))
                .WithTrackingName(TrackingNames.PlanModel);

            var compilation = context.CompilationProvider
                .Select(static (c, _) => ReadCompilation(c))
                .WithTrackingName(TrackingNames.CompilationInfo);

            // Two outputs, as in System.Text.Json's generator: diagnostics carry line numbers, the spec does not, so a line
            // shift in the plan re-reports diagnostics and re-emits no source.
            // Whether the project has C# of its own: a large plan in an app is worth a hint, in a plan library it is not.
            var ownCode = context.CompilationProvider
                .Select(static (c, _) => HasOwnCode(c))
                .WithTrackingName(TrackingNames.OwnCode);

            var diagnostics = model
                .Combine(compilation)
                .Combine(ownCode)
                .Select(static (input, _) => new DiagnosticsModel(
                    input.Left.Left.PlanPath, input.Left.Left.Spec is not null, input.Left.Left.Diagnostics, input.Left.Right.SupportsRequired, input.Left.Right.LanguageVersion)
                {
                    GeneratedCalls = input.Left.Left.Spec is { } spec ? GeneratedCalls(spec) : 0,
                    HasOwnCode = input.Right,
                })
                .WithTrackingName(TrackingNames.Diagnostics);
            context.RegisterSourceOutput(diagnostics, static (spc, input) => ReportDiagnostics(spc, input));

            var spec = model.Select(static (m, _) => m.Spec).WithTrackingName(TrackingNames.Spec);
            var specAndCompilation = spec.Combine(compilation).WithTrackingName(TrackingNames.Output);
            context.RegisterSourceOutput(specAndCompilation, static (spc, input) => EmitShared(spc, input.Left, input.Right));

            // One step item per generated type: an edit to one event leaves the other types' items Unchanged, and
            // Roslyn does not run their output again.
            var typeFiles = specAndCompilation
                .SelectMany(static (input, _) => input.Left is { } spec && input.Right.SupportsRequired
                    ? SourceEmitter.TypeFiles(spec).ToImmutableArray()
                    : ImmutableArray<TypeFile>.Empty)
                .WithTrackingName(TrackingNames.TypeFiles);
            context.RegisterSourceOutput(typeFiles, static (spc, file) =>
            {
                var (hintName, source) = SourceEmitter.EmitType(file);
                spc.AddSource(hintName, source);
            });
        }

        /// <summary>From this many typed calls a plan library pays (docs/diagnostics/RIPE1012.md has the measurements).</summary>
        internal const int LargePlanCalls = 200;

        private static CompilationInfo ReadCompilation(Compilation compilation)
        {
            var version = compilation is CSharpCompilation cs ? cs.LanguageVersion : LanguageVersion.Latest;
            return new CompilationInfo(
                version.ToDisplayString(),
                version >= LanguageVersion.CSharp11,
                IsUsable(compilation, "System.Runtime.CompilerServices.RequiredMemberAttribute"),
                IsUsable(compilation, "System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute"));
        }

        // Files in obj/ (global usings, assembly attributes) and generated files do not count as the project's own code.
        private static bool HasOwnCode(Compilation compilation)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                string path = tree.FilePath.Replace('\\', '/');
                if (path.Length > 0 && path.IndexOf("/obj/", System.StringComparison.OrdinalIgnoreCase) < 0 &&
                    !path.EndsWith(".g.cs", System.StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static int GeneratedCalls(GenerationSpec spec) =>
            spec.Events.Count + spec.Pages.Count + spec.Events.Sum(e => e.Variants.Count);

        private static bool IsUsable(Compilation compilation, string metadataName) =>
            compilation.GetTypeByMetadataName(metadataName) is { } type && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly);

        private static void ReportDiagnostics(SourceProductionContext context, DiagnosticsModel model)
        {
            foreach (var diagnostic in model.Diagnostics)
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (model.HasOwnCode && model.GeneratedCalls >= LargePlanCalls)
            {
                var hint = PlanDiagnostic.Create(RipeDiagnostics.LargePlanInApp, model.PlanPath!, SourceSpan.None, model.GeneratedCalls.ToString(System.Globalization.CultureInfo.InvariantCulture));
                context.ReportDiagnostic(hint.ToDiagnostic());
            }

            if (model.HasSpec && !model.SupportsRequired)
            {
                var error = PlanDiagnostic.Create(RipeDiagnostics.LanguageVersionTooLow, model.PlanPath!, SourceSpan.None, model.LanguageVersion);
                context.ReportDiagnostic(error.ToDiagnostic());
            }
        }

        private static void EmitShared(SourceProductionContext context, GenerationSpec? spec, CompilationInfo compilation)
        {
            if (spec is null || !compilation.SupportsRequired)
            {
                return;
            }

            foreach (var (hintName, source) in SourceEmitter.EmitShared(spec))
            {
                context.AddSource(hintName, source);
            }

            if (!compilation.HasRequiredMemberAttribute || !compilation.HasCompilerFeatureRequiredAttribute)
            {
                context.AddSource("RipeTyped.Polyfills.g.cs", PolyfillEmitter.Emit(!compilation.HasRequiredMemberAttribute, !compilation.HasCompilerFeatureRequiredAttribute));
            }
        }
    }
}
