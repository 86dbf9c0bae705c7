namespace RipeTyped.Cli.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("lint")]
    [InlineData("diff")]
    [InlineData("docs")]
    [InlineData("import")]
    [InlineData("init")]
    public void Every_command_has_help(string command)
    {
        var (exit, output, _) = CliRunner.Run(command, "--help");

        Assert.Equal(0, exit);
        Assert.StartsWith($"Usage: ripe-typed {command}", output);
        Assert.Contains("Exit codes:", output);
    }

    [Fact]
    public void The_overview_lists_every_command()
    {
        var (exit, output, _) = CliRunner.Run("--help");

        Assert.Equal(0, exit);
        foreach (string command in new[] { "lint", "diff", "docs", "import", "init" })
        {
            Assert.Contains("  " + command, output);
        }
    }

    [Fact]
    public void An_unknown_command_is_a_usage_error()
    {
        var (exit, _, error) = CliRunner.Run("lnit");

        Assert.Equal(2, exit);
        Assert.Contains("unknown command 'lnit'", error);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_that_lists_the_known_ones()
    {
        var (exit, _, error) = CliRunner.Run("lint", "--fromat", "sarif");

        Assert.Equal(2, exit);
        Assert.Contains("Unknown option '--fromat'", error);
        Assert.Contains("--format", error);
    }

    [Fact]
    public void A_bad_choice_names_the_allowed_values()
    {
        var (exit, _, error) = CliRunner.Run("lint", "--format", "xml");

        Assert.Equal(2, exit);
        Assert.Contains("--format must be one of text, github, sarif", error);
    }
}
