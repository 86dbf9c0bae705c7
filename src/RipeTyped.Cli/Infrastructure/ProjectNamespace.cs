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

        public static string For(string? option, string planPath, string? projectPath = null)
        {
            if (!string.IsNullOrWhiteSpace(option))
            {
                return new ProjectInfo(null, null, option).DefaultNamespace;
            }

            return (projectPath ?? ProjectNextTo(planPath)) is { } project
                ? Read(project).DefaultNamespace
                : new ProjectInfo(null, null).DefaultNamespace; // No project (or several: which one builds the plan is the build's choice): the generator's fallback.
        }

        /// <summary>The one project file in the plan's folder, as the build that adds the plan would be; null when none or several.</summary>
        public static string? ProjectNextTo(string planPath)
        {
            string? directory = Path.GetDirectoryName(Path.GetFullPath(planPath));
            string[] projects = directory is not null && Directory.Exists(directory) ? Directory.GetFiles(directory, "*.csproj") : Array.Empty<string>();
            return projects.Length == 1 ? projects[0] : null;
        }

        /// <summary>
        /// What the generator would take from this project's properties (literal values only; a property computed from
        /// others, <c>$(...)</c>, is the build's to evaluate and is left out).
        /// </summary>
        public static ProjectInfo Read(string projectPath)
        {
            // The .NET SDK's default RootNamespace is the project file's name (spaces as '_'), whatever the AssemblyName.
            string projectName = Path.GetFileNameWithoutExtension(projectPath).Replace(" ", "_");
            try
            {
                var properties = XDocument.Load(projectPath).Descendants().Where(e => e.Parent?.Name.LocalName == "PropertyGroup").ToList();
                string? Property(string name) => properties.LastOrDefault(e => e.Name.LocalName == name && !e.Value.Contains("$(", StringComparison.Ordinal))?.Value.Trim() is { Length: > 0 } value ? value : null;
                return new ProjectInfo(Property("RootNamespace") ?? projectName, Property("AssemblyName") ?? projectName, Property("RipeTypedNamespace"), Property("RipeTypedSource"));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Xml.XmlException)
            {
                return new ProjectInfo(projectName, projectName);
            }
        }
    }
}
