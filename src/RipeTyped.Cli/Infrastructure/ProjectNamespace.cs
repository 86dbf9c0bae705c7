using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using RipeTyped.Generator.Pipeline;

namespace RipeTyped.Cli.Infrastructure
{
    /// <summary>
    /// The namespace a build would give the generated code, so the CLI names C# types as the build does: <c>--namespace</c>,
    /// else the project file next to the plan (<c>RipeTypedNamespace</c>, <c>RootNamespace</c>, <c>AssemblyName</c>, the file
    /// name), by the generator's own rule (<see cref="ProjectInfo.DefaultNamespace"/>).
    /// </summary>
    internal static class ProjectNamespace
    {
        public const string OptionName = "namespace";

        public static string For(string? option, string planPath)
        {
            if (!string.IsNullOrWhiteSpace(option))
            {
                return new ProjectInfo(null, null, option).DefaultNamespace;
            }

            string? directory = Path.GetDirectoryName(Path.GetFullPath(planPath));
            string[] projects = directory is not null && Directory.Exists(directory) ? Directory.GetFiles(directory, "*.csproj") : Array.Empty<string>();
            if (projects.Length != 1)
            {
                // No project (or several: which one builds the plan is the build's choice): the generator's fallback.
                return new ProjectInfo(null, null).DefaultNamespace;
            }

            string assemblyName = Path.GetFileNameWithoutExtension(projects[0]);
            try
            {
                var properties = XDocument.Load(projects[0]).Descendants().Where(e => e.Parent?.Name.LocalName == "PropertyGroup").ToList();
                string? Property(string name) => properties.LastOrDefault(e => e.Name.LocalName == name && !e.Value.Contains("$(", StringComparison.Ordinal))?.Value.Trim();
                return new ProjectInfo(Property("RootNamespace"), Property("AssemblyName") ?? assemblyName, Property("RipeTypedNamespace")).DefaultNamespace;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Xml.XmlException)
            {
                return new ProjectInfo(null, assemblyName).DefaultNamespace;
            }
        }
    }
}
