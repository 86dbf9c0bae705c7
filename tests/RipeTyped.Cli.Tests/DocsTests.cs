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

    private const string Variants = """
        version: 1
        events:
          - name: Signed Up
            properties:
              method: { type: enum, values: [email, google, sso], required: true }
            variants:
              - csharpName: WithEmail
                description: "Email <b>sign-up</b> | by link"
                when: { method: email }
                properties:
                  email: { type: string, required: true }
              - csharpName: Bare
        """;

    [Fact]
    public void Variants_are_listed_under_their_event_with_method_when_and_own_properties()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", Variants);

        var (exit, markdown, _) = CliRunner.Run("docs", plan);
        var (_, html, _) = CliRunner.Run("docs", plan, "--format", "html");

        Assert.Equal(0, exit);
        string section = markdown.Substring(markdown.IndexOf("#### Variant WithEmail", System.StringComparison.Ordinal));
        Assert.Contains("Email \\<b\\>sign-up\\</b\\> \\| by link", section);
        Assert.Contains("When `method = email` · C#: `analytics.TrackSignedUpWithEmail(…)`", section);
        Assert.Contains("| `email` | string | yes |", section);
        Assert.Contains("#### Variant Bare\n\nSelected by its method only (no `when`) · C#: `analytics.TrackSignedUpBare(…)`\n\nNo properties of its own: the event's.", markdown);
        Assert.True(markdown.IndexOf("| `method` |", System.StringComparison.Ordinal) < markdown.IndexOf("#### Variant WithEmail", System.StringComparison.Ordinal));
        Assert.Contains("<h3>Variant WithEmail</h3>", html);
        Assert.Contains("When <code>method = email</code> · C#: <code>analytics.TrackSignedUpWithEmail(…)</code>", html);
        Assert.DoesNotContain("<b>sign-up</b>", html);
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
    public void A_plan_that_is_not_yaml_writes_no_file()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", "version: 1\nevents: [\n");
        string output = dir.File("catalog.md");

        var (exit, _, error) = CliRunner.Run("docs", plan, "--output", output);

        Assert.Equal(3, exit);
        Assert.Contains("cannot be read at all", error);
        Assert.Contains("RIPE0001", error);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void A_plan_with_errors_is_documented_with_the_errors_marked()
    {
        using var dir = new TempDirectory();
        string plan = dir.File("tracking-plan.yaml", """
            version: 1
            events:
              - name: Signed Up
                properties:
                  plan: { type: strin }
              - name: Logged In
                tags: [team:auth]
                additionalProperties: true
            """);

        var (exit, output, _) = CliRunner.Run("docs", plan);

        Assert.Equal(0, exit);
        Assert.Contains("## Plan errors", output);
        Assert.Contains("line 5: RIPE0004", output);
        Assert.Contains("- [Signed Up](#events-signed-up) ⚠", output);
        Assert.Contains("- [Logged In](#events-logged-in)\n", output);
        Assert.Contains("> ⚠ Plan error at line 5: RIPE0004", output);
        Assert.Contains("C#: `analytics.TrackLoggedIn(…)`", output);
        Assert.Contains("Tags: `team:auth`", output);
        Assert.Contains("Also accepts properties not listed here", output);
        Assert.Contains("from `tracking-plan.yaml`", output);
        Assert.DoesNotContain(dir.Path, output);
    }
}
