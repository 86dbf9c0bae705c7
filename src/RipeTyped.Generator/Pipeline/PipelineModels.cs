using System;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RipeTyped.Generator.Common;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Generator.Pipeline
{
    /// <summary>
    /// One plan file: its path and text. Equal when the content is equal (an unchanged file re-read by the host is the same
    /// plan). It keeps the <see cref="SourceText"/> itself so that the generator and the analyzers find the same loaded plan
    /// (<see cref="Loading.PlanAnalysisCache"/>) without reading the text twice.
    /// </summary>
    internal sealed class PlanFile : IEquatable<PlanFile>
    {
        public PlanFile(string path, SourceText? text)
        {
            Path = path;
            Text = text;
        }

        public string Path { get; }

        public SourceText? Text { get; }

        public bool Equals(PlanFile? other) =>
            other is not null
            && Path == other.Path
            && (ReferenceEquals(Text, other.Text) || (Text is not null && other.Text is not null && Text.ContentEquals(other.Text)));

        public override bool Equals(object? obj) => Equals(obj as PlanFile);

        public override int GetHashCode() => (Path.GetHashCode() * 397) ^ (Text?.Length ?? -1);
    }

    /// <summary>Project facts the plan's defaults come from.</summary>
    /// <param name="NamespaceOverride">The MSBuild property <c>RipeTypedNamespace</c>: the namespace when the plan sets none.</param>
    /// <param name="Source">The MSBuild property <c>RipeTypedSource</c>: the source (service) this project is; null: every source.</param>
    /// <param name="Generates">
    /// False with <c>RipeTypedGenerate=false</c>: the project takes the plan's types from a project it references (a
    /// large plan compiled once, in its own library), so this project neither generates them nor reports the plan's own
    /// diagnostics (the generating project does); its C# calls are still judged against the plan.
    /// </param>
    internal sealed record ProjectInfo(string? RootNamespace, string? AssemblyName, string? NamespaceOverride = null, string? Source = null, bool Generates = true)
    {
        public const string NamespaceProperty = "build_property.RipeTypedNamespace";
        public const string SourceProperty = "build_property.RipeTypedSource";
        public const string RootNamespaceProperty = "build_property.RootNamespace";
        public const string GenerateProperty = "build_property.RipeTypedGenerate";

        public string DefaultNamespace =>
            !string.IsNullOrWhiteSpace(NamespaceOverride) ? NamespaceOverride!.Trim()
            : (string.IsNullOrWhiteSpace(RootNamespace) ? AssemblyName : RootNamespace) is { Length: > 0 } root ? root + ".Analytics"
            : SpecBuilder.FallbackNamespace;

        public static ProjectInfo From(AnalyzerConfigOptions globalOptions, string? assemblyName)
        {
            globalOptions.TryGetValue(RootNamespaceProperty, out string? root);
            globalOptions.TryGetValue(NamespaceProperty, out string? chosen);
            globalOptions.TryGetValue(SourceProperty, out string? source);
            globalOptions.TryGetValue(GenerateProperty, out string? generate);
            return new ProjectInfo(root, assemblyName, chosen, string.IsNullOrWhiteSpace(source) ? null : source!.Trim(),
                !string.Equals(generate?.Trim(), "false", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>What the compilation offers the generated code: C# version and the 'required' attributes.</summary>
    internal sealed record CompilationInfo(string LanguageVersion, bool SupportsRequired, bool HasRequiredMemberAttribute, bool HasCompilerFeatureRequiredAttribute);

    /// <summary>The result of reading a plan: the spec to emit (null when nothing can be) and the diagnostics.</summary>
    internal sealed record PlanModel(string? PlanPath, GenerationSpec? Spec, EquatableArray<PlanDiagnostic> Diagnostics);

    /// <summary>
    /// The diagnostics output's input: kept apart from the spec so that a line shift in the plan (which moves every
    /// diagnostic) re-reports diagnostics and re-emits no source.
    /// </summary>
    internal sealed record DiagnosticsModel(string? PlanPath, bool HasSpec, EquatableArray<PlanDiagnostic> Diagnostics, bool SupportsRequired, string LanguageVersion)
    {
        /// <summary>Typed calls the plan generates in this project (events, their variants, pages).</summary>
        public int GeneratedCalls { get; init; }

        /// <summary>The project has C# of its own besides the plan (an app, not a library holding only the plan).</summary>
        public bool HasOwnCode { get; init; }
    }

    internal static class TrackingNames
    {
        public const string PlanFiles = nameof(PlanFiles);
        public const string ProjectInfo = nameof(ProjectInfo);
        public const string PlanModel = nameof(PlanModel);
        public const string CompilationInfo = nameof(CompilationInfo);
        public const string Spec = nameof(Spec);
        public const string Diagnostics = nameof(Diagnostics);
        public const string Output = nameof(Output);
        public const string TypeFiles = nameof(TypeFiles);
        public const string OwnCode = nameof(OwnCode);
    }
}
