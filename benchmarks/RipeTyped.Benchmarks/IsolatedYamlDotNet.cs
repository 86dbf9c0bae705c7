using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace RipeTyped.Benchmarks;

/// <summary>
/// BenchmarkDotNet runs benchmarks in a host project it generates; that host's deps.json does not list the generator's
/// private YamlDotNet (a plain Reference of this project), so the runtime would not find it. Load it from next to this
/// assembly when asked for.
/// </summary>
internal static class IsolatedYamlDotNet
{
    [ModuleInitializer]
    internal static void Register() =>
        AssemblyLoadContext.Default.Resolving += static (context, name) =>
            name.Name == "RipeTyped.Generator.YamlDotNet" && Path.GetDirectoryName(typeof(IsolatedYamlDotNet).Assembly.Location) is { } directory
                && File.Exists(Path.Combine(directory, name.Name + ".dll"))
                ? context.LoadFromAssemblyPath(Path.Combine(directory, name.Name + ".dll"))
                : null;
}
