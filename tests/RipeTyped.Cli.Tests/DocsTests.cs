using System.IO;
using System.Linq;

namespace RipeTyped.Cli.Tests;

public sealed class DocsTests
{
    private const string Hostile = """
        version: 1
        events:
          - name: Clicked Help Link
            description: "Shows <script>alert('x')</script> | and *bold* [link](http://evil)"
            properties:
              note: { type: string, description: "a | pipe and <b>tag</b>" }
        """;

    [Fact]
    public void Markdown_lists_every_event_with_its_generated_method_and_properties()
    {
        var (exit, output, _) = CliRunner.Run("docs", LintTests.RepositoryPlan());

        Assert.Equal(0, exit);
        Assert.StartsWith("# AcmeAnalytics tracking plan", output);
        Assert.Contains("### Clicked Book a Demo Button", output);
        Assert.Contains("`analytics.TrackClickedBookADemoButton(…)`", output);
        Assert.Contains("| `source_page` | string | yes | matches ^/; length ≤ 2048 |", output);
        Assert.Contains("> **Deprecated**", output);
        Assert.Contains("## Identify traits", output);
    }

    [Fact]
    public void Html_is_one_self_contained_page()
    {
        using var dir = new TempDirectory();
        string page = dir.File("catalog.html");

        var (exit, _, _) = CliRunner.Run("docs", LintTests.RepositoryPlan(), "--format", "html", "--output", page);

        Assert.Equal(0, exit);
        string html = File.ReadAllText(page);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("id=\"events-clicked-book-a-demo-button\"", html);
        Assert.Contains("<code>analytics.TrackClickedBookADemoButton(…)</code>", html);
        Assert.DoesNotContain("src=\"http", html);
        Assert.DoesNotContain("href=\"http", html);
    }

    [Fact]
    public void Plan_text_cannot_inject_markup_into_either_format()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Hostile);

        var (_, markdown, _) = CliRunner.Run("docs", plan);
        var (_, html, _) = CliRunner.Run("docs", plan, "--format", "html");

        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
        Assert.DoesNotContain("<b>tag</b>", html);
        Assert.DoesNotContain("<script>", markdown.Replace("\\<script\\>", ""));
        string row = markdown.Split('\n').Single(l => l.StartsWith("| `note`", System.StringComparison.Ordinal));
        Assert.Equal(6, row.Replace("\\|", "").Count(c => c == '|')); // five cells: the description's pipe is escaped
        Assert.Contains("\\[link\\]", markdown);
    }

    [Fact]
    public void An_invalid_plan_writes_no_file()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", "version: 1\nevents: 3\n");
        string output = dir.File("catalog.md");

        var (exit, _, error) = CliRunner.Run("docs", plan, "--output", output);

        Assert.Equal(3, exit);
        Assert.Contains("does not load", error);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }
}
