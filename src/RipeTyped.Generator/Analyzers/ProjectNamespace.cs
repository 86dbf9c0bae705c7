using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RipeTyped.Generator.Pipeline;

namespace RipeTyped.Generator.Analyzers
{
    internal static class ProjectNamespace
    {
        /// <summary>The generated code's default namespace, computed as the generator does.</summary>
        public static string Of(AnalyzerOptions options, Compilation compilation)
        {
            return ProjectInfo.From(options.AnalyzerConfigOptionsProvider.GlobalOptions, compilation.AssemblyName).DefaultNamespace;
        }
    }
}
