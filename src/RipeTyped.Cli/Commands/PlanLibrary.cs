using System;
using System.IO;
using System.Reflection;
using RipeTyped.Cli.Infrastructure;

namespace RipeTyped.Cli.Commands
{
    /// <summary>
    /// <c>ripe-typed init --library Name</c>: the large-plan layout (docs/tracking-plan.md, "A large plan") in one command —
    /// a class library that holds the plan and generates its code, and the lines an app adds to use it.
    /// </summary>
    internal static class PlanLibrary
    {
        public static int Write(string name, string? parent, bool force, TextWriter error)
        {
            if (!IsNamespace(name))
            {
                throw CliException.Usage($"--library '{name}' is not a project name that is also a C# namespace (letters, digits, '_' and '.', e.g. Shop.Analytics).");
            }

            string folder = Path.Combine(parent ?? ".", name);
            string project = Path.Combine(folder, name + ".csproj");
            string plan = Path.Combine(folder, "tracking-plan.yaml");
            foreach (string file in new[] { project, plan })
            {
                if (File.Exists(file) && !force)
                {
                    throw CliException.Input($"{file} already exists; pass --force to overwrite it, or --output to write elsewhere.");
                }
            }

            Directory.CreateDirectory(folder);
            AtomicFile.WriteAllText(project, ProjectFile(PackageVersion()));

            // The plan names its namespace, so the library and the apps that check calls against it name the types alike.
            AtomicFile.WriteAllText(plan, SetNamespace(InitCommand.StarterPlan(plan), name));

            string relative = Path.Combine("..", name, name + ".csproj").Replace('\\', '/');
            error.WriteLine($"Wrote {project} and {plan}. In each app that tracks with it, add (paths relative to the app's project):");
            error.WriteLine($"""
                  <ItemGroup>
                    <ProjectReference Include="{relative}" />
                  </ItemGroup>
                  <PropertyGroup>
                    <RipeTypedPlanFile>$(MSBuildProjectDirectory)/../{name}/tracking-plan.yaml</RipeTypedPlanFile>
                    <RipeTypedGenerate>false</RipeTypedGenerate>
                  </PropertyGroup>
                """);
            error.WriteLine("The app then compiles none of the plan's code and still gets RIPE2001 for raw string calls. See docs/tracking-plan.md, \"A large plan\".");
            return ExitCodes.Success;
        }

        internal static string ProjectFile(string version) => $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <!-- Holds tracking-plan.yaml and compiles its generated code once; apps reference this project
                   (written by ripe-typed init, library option). netstandard2.0 serves .NET Framework apps too; use net8.0 or later if all yours are. -->
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
                <LangVersion>latest</LangVersion>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="RipeTyped" Version="{version}" />
              </ItemGroup>
            </Project>

            """;

        // The starter plan shows the namespace as a comment; a library's plan sets it.
        private static string SetNamespace(string plan, string name)
        {
            int at = plan.IndexOf("# namespace: ", StringComparison.Ordinal);
            if (at < 0)
            {
                return plan;
            }

            int end = plan.IndexOf('\n', at);
            return plan.Substring(0, at) + "namespace: " + name + "    # the apps that reference this library see the same names" + plan.Substring(end);
        }

        private static bool IsNamespace(string name)
        {
            foreach (string part in name.Split('.'))
            {
                if (part.Length == 0 || !(char.IsLetter(part[0]) || part[0] == '_'))
                {
                    return false;
                }

                foreach (char c in part)
                {
                    if (!char.IsLetterOrDigit(c) && c != '_')
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        // The RipeTyped package of the same release as this tool.
        private static string PackageVersion()
        {
            string? informational = typeof(PlanLibrary).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            string version = informational ?? typeof(PlanLibrary).Assembly.GetName().Version?.ToString(3) ?? "0.1.0";
            int plus = version.IndexOf('+');
            return plus < 0 ? version : version.Substring(0, plus);
        }
    }
}
