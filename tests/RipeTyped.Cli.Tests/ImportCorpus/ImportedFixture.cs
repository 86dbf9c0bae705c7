using System.IO;

namespace RipeTyped.Cli.Tests.ImportCorpus;

/// <summary>A corpus fixture imported (it must succeed), read back as plain YAML, with what the import said.</summary>
internal static class ImportedFixture
{
    public static (object? Plan, string Error) Import(string fixture)
    {
        using var dir = new TempDirectory();
        string target = dir.File("tracking-plan.yaml");
        var (exit, _, error) = CliRunner.Run("import", CorpusFixtures.PathOf(fixture), "--output", target);
        Assert.True(exit == 0, error);
        return (PlainYaml.Read(File.ReadAllText(target), target), error);
    }

    public static object? Event(object? plan, string name) =>
        Assert.Single(PlainYaml.List(plan, "events"), e => PlainYaml.Text(e, "name") == name);
}
