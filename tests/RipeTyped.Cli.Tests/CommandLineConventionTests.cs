using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace RipeTyped.Cli.Tests;

/// <summary>The conventions dotnet users know: -o, --, response files, completion, aligned help, clear errors, exit code 2.</summary>
public sealed class CommandLineConventionTests
{
    private const string Plan = "version: 1\nevents:\n  - name: Signed Up\n    description: An account was created.\n";

    [Fact]
    public void Help_for_an_unknown_command_is_a_usage_error()
    {
        var (exit, _, error) = CliRunner.Run("help", "lnit");

        Assert.Equal(2, exit);
        Assert.Contains("unknown command 'lnit'", error);
    }

    [Fact]
    public void Dash_o_is_output()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Plan);
        string catalog = dir.File("catalog.md");

        var (exit, output, error) = CliRunner.Run("docs", plan, "-o", catalog);

        Assert.True(exit == 0, error);
        Assert.Equal("", output);
        Assert.Contains("### Signed Up", File.ReadAllText(catalog));
    }

    [Fact]
    public void Double_dash_ends_the_options()
    {
        using var dir = new TempDirectory();
        dir.File("-odd.tracking-plan.yaml", Plan);

        var (exit, output, error) = CliRunner.RunProcess(dir.Path, "lint", "--", "-odd.tracking-plan.yaml");

        Assert.True(exit == 0, output + error);
        Assert.Contains("-odd.tracking-plan.yaml: 0 errors", error);
    }

    [Fact]
    public void A_response_file_holds_arguments()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Plan);
        string sarif = dir.File("lint.sarif");
        string response = dir.File("lint.rsp", $"{plan}\n--format sarif\n--output {sarif}\n");

        var (exit, _, error) = CliRunner.Run("lint", "@" + response);

        Assert.True(exit == 0, error);
        Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(sarif));
    }

    [Fact]
    public void The_suggest_directive_completes_commands_and_options()
    {
        // As dotnet-suggest calls a tool: [suggest:<cursor position>] "<the command line>".
        var (commandsExit, commands, _) = CliRunner.Run("[suggest:2]", "co");
        var (optionsExit, options, _) = CliRunner.Run("[suggest:8]", "lint --f");
        var (valuesExit, values, _) = CliRunner.Run("[suggest:15]", "lint --format ");

        Assert.Equal(0, commandsExit);
        Assert.Contains("coverage", commands.Split('\n').Select(l => l.Trim()));
        Assert.Equal(0, optionsExit);
        Assert.Contains("--format", options.Split('\n').Select(l => l.Trim()));
        Assert.Equal(0, valuesExit);
        Assert.Contains("sarif", values.Split('\n').Select(l => l.Trim()));
    }

    [Theory]
    [InlineData("coverage")]
    [InlineData("diff", "a.yaml")]
    [InlineData("import")]
    public void A_missing_argument_is_a_clear_usage_error(params string[] args)
    {
        var (exit, _, error) = CliRunner.Run(args);

        Assert.Equal(2, exit);
        Assert.DoesNotContain("2147483647", error);
        Assert.DoesNotContain("argument(s)", error);
        Assert.Contains("missing", error, System.StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"ripe-typed {args[0]} --help", error);
    }

    [Fact]
    public void A_surplus_argument_is_named()
    {
        var (exit, _, error) = CliRunner.Run("lint", "a.yaml", "b.yaml");

        Assert.Equal(2, exit);
        Assert.Contains("'b.yaml'", error);
    }

    [Fact]
    public void A_misspelt_option_suggests_the_right_one()
    {
        var (exit, _, error) = CliRunner.Run("lint", "--fromat", "sarif");

        Assert.Equal(2, exit);
        Assert.Contains("'--fromat'", error);
        Assert.Contains("--format", error);
    }

    [Fact]
    public void An_option_without_its_value_is_a_usage_error()
    {
        var (exit, _, error) = CliRunner.Run("lint", "--format");

        Assert.Equal(2, exit);
        Assert.Contains("--format", error);
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("diff")]
    [InlineData("docs")]
    [InlineData("import")]
    [InlineData("init")]
    [InlineData("coverage")]
    public void Help_lists_options_in_one_aligned_column_with_dash_o(string command)
    {
        var (exit, output, _) = CliRunner.Run(command, "--help");

        Assert.Equal(0, exit);
        var lines = output.Replace("\r\n", "\n").Split('\n');
        int start = System.Array.IndexOf(lines, "Options:");
        Assert.True(start > 0, output);
        var rows = lines.Skip(start + 1).TakeWhile(l => l.Length > 0).ToList();
        var columns = rows.Where(l => l.StartsWith("  -", System.StringComparison.Ordinal))
            .Select(l => Regex.Match(l, @"^  \S.*?\S  +(?=\S)").Length).Distinct().ToList();
        Assert.True(columns.Count == 1, output);
        Assert.True(rows.All(l => l.StartsWith("  -", System.StringComparison.Ordinal) || l.Length > columns[0] && l.Substring(0, columns[0]).Trim().Length == 0), output);
        Assert.Contains(rows, l => l.StartsWith("  -?, -h, --help", System.StringComparison.Ordinal));
        Assert.Contains(rows, l => l.Contains("-o, --output"));
    }

    [Fact]
    public void Diff_help_says_base_and_head_may_be_folders()
    {
        var (_, output, _) = CliRunner.Run("diff", "--help");

        Assert.Contains("files, folders or git:REF:path", string.Join(" ", output.Split((char[])null!, System.StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var (exit, output, _) = CliRunner.Run("--version");

        Assert.Equal(0, exit);
        Assert.Matches(@"^\d+\.\d+\.\d+", output);
    }
}
