using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace RipeTyped.Package.Tests;

/// <summary>
/// RipeTyped next to other generator packages that bundle their own YamlDotNet (an old 13.x with its
/// IYamlTypeConverter signatures, and the newest): the SDK keeps one YamlDotNet.dll among all analyzer packages, so a
/// plain bundled copy breaks one of them. RipeTyped ships a renamed, internalized copy: both generators must run.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class CoexistenceTests
{
    private readonly PackageFeed _feed;

    public CoexistenceTests(PackageFeed feed) => _feed = feed;

    public static TheoryData<string> YamlDotNetVersions() => new() { "13.1.1", "18.1.0" };

    [Theory]
    [MemberData(nameof(YamlDotNetVersions))]
    public void A_generator_bundling_another_YamlDotNet_and_RipeTyped_both_run_in_one_build(string yamlVersion)
    {
        string id = "OtherYaml" + yamlVersion.Split('.')[0] + ".Generator";
        PackOtherGenerator(id, yamlVersion);

        string dir = Path.Combine(_feed.Root, "Both" + yamlVersion.Split('.')[0]);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "Both.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RestoreAdditionalProjectSources>{_feed.FeedPath}</RestoreAdditionalProjectSources>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="RipeTyped" Version="{_feed.Version}" />
                <PackageReference Include="{id}" Version="{_feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "tracking-plan.yaml"), "version: 1\noptions: { namespace: Both.Tracking }\nevents:\n  - name: Signed Up\n    description: A user signed up.\n");
        File.WriteAllText(Path.Combine(dir, "Program.cs"), """
            // Both generators' output is used: this compiles only if each of them ran.
            System.Console.WriteLine(Other.OtherGenerated.Value);
            System.Console.WriteLine(typeof(Both.Tracking.RipeAnalytics).GetMethod("TrackSignedUp") != null);
            """);

        var (exit, output) = DotNet.Run(dir, new[] { "run" });

        Assert.True(exit == 0, output);
        Assert.Contains("HELLO FROM YAMLDOTNET " + yamlVersion, output);
        Assert.Contains("True", output);
        foreach (string id2 in new[] { "CS8784", "CS8785", "AD0001", "warning" })
        {
            Assert.DoesNotContain(id2, output);
        }
    }

    private void PackOtherGenerator(string id, string yamlVersion)
    {
        string dir = Path.Combine(_feed.Root, id);
        Directory.CreateDirectory(dir);
        bool modern = !yamlVersion.StartsWith("13.", System.StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir, id + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
                <LangVersion>latest</LangVersion>
                <Nullable>enable</Nullable>
                <IncludeBuildOutput>false</IncludeBuildOutput>
                <PackageId>{id}</PackageId>
                <NoWarn>$(NoWarn);NU5128;RS1035;RS1036;RS1041;RS2008</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="4.8.0" PrivateAssets="all" />
                <PackageReference Include="YamlDotNet" Version="{yamlVersion}" PrivateAssets="all" GeneratePathProperty="true" />
                <None Include="$(OutputPath)$(AssemblyName).dll" Pack="true" PackagePath="analyzers/dotnet/cs" Visible="false" />
                <None Include="$(PKGYamlDotNet)/lib/netstandard2.0/YamlDotNet.dll" Pack="true" PackagePath="analyzers/dotnet/cs" Visible="false" />
              </ItemGroup>
            </Project>
            """);
        string readYaml = modern ? "ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)" : "ReadYaml(IParser parser, Type type)";
        string writeYaml = modern ? "WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer)" : "WriteYaml(IEmitter emitter, object? value, Type type)";
        File.WriteAllText(Path.Combine(dir, "OtherGenerator.cs"), $$"""
            using System;
            using Microsoft.CodeAnalysis;
            using YamlDotNet.Core;
            using YamlDotNet.Core.Events;
            using YamlDotNet.Serialization;

            [Generator]
            public sealed class OtherGenerator : IIncrementalGenerator
            {
                public void Initialize(IncrementalGeneratorInitializationContext context) =>
                    context.RegisterPostInitializationOutput(output =>
                    {
                        // A custom converter with this YamlDotNet version's signatures: it fails to load against another version.
                        var shout = new DeserializerBuilder().WithTypeConverter(new ShoutConverter()).Build().Deserialize<Shout>("hello from yamldotnet {{yamlVersion}}");
                        output.AddSource("Other.g.cs", "namespace Other { public static class OtherGenerated { public const string Value = \"" + shout.Text + "\"; } }");
                    });
            }

            public sealed class Shout
            {
                public string Text { get; set; } = "";
            }

            public sealed class ShoutConverter : IYamlTypeConverter
            {
                public bool Accepts(Type type) => type == typeof(Shout);

                public object? {{readYaml}} => new Shout { Text = parser.Consume<Scalar>().Value.ToUpperInvariant() };

                public void {{writeYaml}} => throw new NotSupportedException();
            }
            """);

        var (exit, output) = DotNet.Run(dir, new[] { "pack", "-c", "Release", "-o", _feed.FeedPath, "-p:Version=" + _feed.Version });
        Assert.True(exit == 0, output);
    }
}
