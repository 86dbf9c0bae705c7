using System.Collections.Generic;
using System.IO;
using RipeTyped.Cli.Infrastructure;

namespace RipeTyped.Cli.Commands
{
    /// <summary><c>ripe-typed init</c>: a commented starter plan, named as a build in its folder would name the code.</summary>
    internal sealed class InitCommand : ICommand
    {
        public string Name => "init";

        public string Summary => "Write a commented starter tracking-plan.yaml.";

        public string Description => """
            Writes a commented starter plan showing options, shared definitions, identify and group traits, a page
            and events with every property type. It loads without errors; edit it to describe your events. The
            namespace it shows is the one a build in that folder would use (the project's RipeTypedNamespace, else
            its RootNamespace, else the project file's name, + ".Analytics"); the facade class is RipeAnalytics.

            With --library <Name>, writes instead a class library <Name>/<Name>.csproj holding the plan (namespace <Name>),
            the layout for a large plan (--output then names the folder to create it in): the library compiles the generated code only when the plan changes, and the
            apps that reference it pay nothing for it on their everyday builds. It prints the lines an app adds.
            """;

        public IReadOnlyList<ArgumentSpec> Arguments { get; } = new ArgumentSpec[0];

        public IReadOnlyList<OptionSpec> Options { get; } = new[]
        {
            OptionSpec.Output("where to write (default: ./tracking-plan.yaml)"),
            new OptionSpec("force", "overwrite an existing file", IsFlag: true),
            new OptionSpec("library", "write a class library project <Name>/ holding the plan (for large plans) instead of a plan file", "Name"),
        };

        public string Notes => "Exit codes: 0 written, 2 bad usage, 3 the file exists without --force or cannot be written.";

        public int Run(CommandLine line, TextWriter output, TextWriter error, Progress progress)
        {
            if (line.Option("library") is { } library)
            {
                return PlanLibrary.Write(library, line.Option("output"), line.Flag("force"), error);
            }

            string target = CommandOutput.NewFileTarget(line, "tracking-plan.yaml");

            AtomicFile.WriteAllText(target, StarterPlan(target));
            error.WriteLine($"Wrote {target}. Next: add the RipeTyped package to your project and build; 'ripe-typed lint' checks the plan.");
            return ExitCodes.Success;
        }

        /// <summary>The starter plan for <paramref name="target"/>, with the namespace a build of the project in its folder would use.</summary>
        internal static string StarterPlan(string target)
        {
            string? project = ProjectNamespace.ProjectNextTo(target);
            string text;
            using (var stream = typeof(InitCommand).Assembly.GetManifestResourceStream("starter-plan.yaml")!)
            using (var reader = new StreamReader(stream))
            {
                text = reader.ReadToEnd();
            }

            var info = project is null ? null : ProjectNamespace.Read(project);
            string why = info is null ? "the default is <RootNamespace>.Analytics of the project that builds the plan"
                : !string.IsNullOrWhiteSpace(info.NamespaceOverride) ? $"the default here: RipeTypedNamespace of {Path.GetFileName(project)}"
                : !string.IsNullOrWhiteSpace(info.RootNamespace) ? $"the default here: RootNamespace of {Path.GetFileName(project)} + .Analytics"
                : $"the default here: the name of {Path.GetFileName(project)} + .Analytics";
            return text
                .Replace("{{namespace}}", info?.DefaultNamespace ?? "MyCompany.MyApp.Analytics")
                .Replace("{{namespaceSource}}", why);
        }
    }
}
