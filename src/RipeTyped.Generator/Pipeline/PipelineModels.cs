using Microsoft.CodeAnalysis.Diagnostics;
using RipeTyped.Generator.Common;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Generator.Pipeline
{
    /// <summary>The text of one plan file (no SourceText, no AdditionalText: only comparable data).</summary>
    internal sealed record PlanFile(string Path, string Text);

    /// <summary>Project facts the plan's defaults come from.</summary>
    /// <param name="NamespaceOverride">The MSBuild property <c>RipeTypedNamespace</c>: the namespace when the plan sets none.</param>
    internal sealed record ProjectInfo(string? RootNamespace, string? AssemblyName, string? NamespaceOverride = null)
    {
        public const string NamespaceProperty = "build_property.RipeTypedNamespace";
        public const string RootNamespaceProperty = "build_property.RootNamespace";

        public string DefaultNamespace =>
            !string.IsNullOrWhiteSpace(NamespaceOverride) ? NamespaceOverride!.Trim()
            : (string.IsNullOrWhiteSpace(RootNamespace) ? AssemblyName : RootNamespace) is { Length: > 0 } root ? root + ".Analytics"
            : SpecBuilder.FallbackNamespace;

        public static ProjectInfo From(AnalyzerConfigOptions globalOptions, string? assemblyName)
        {
            globalOptions.TryGetValue(RootNamespaceProperty, out string? root);
            globalOptions.TryGetValue(NamespaceProperty, out string? chosen);
            return new ProjectInfo(root, assemblyName, chosen);
        }
    }

    /// <summary>What the compilation offers the generated code: C# version and the 'required' attributes.</summary>
    internal sealed record CompilationInfo(string LanguageVersion, bool SupportsRequired, bool HasRequiredMemberAttribute, bool HasCompilerFeatureRequiredAttribute);

    /// <summary>The result of reading a plan: the spec to emit (null when nothing can be) and the diagnostics.</summary>
    internal sealed record PlanModel(string? PlanPath, GenerationSpec? Spec, EquatableArray<PlanDiagnostic> Diagnostics);

    internal static class TrackingNames
    {
        public const string PlanFiles = nameof(PlanFiles);
        public const string ProjectInfo = nameof(ProjectInfo);
        public const string PlanModel = nameof(PlanModel);
        public const string CompilationInfo = nameof(CompilationInfo);
        public const string Output = nameof(Output);
        public const string TypeFiles = nameof(TypeFiles);
    }
}
