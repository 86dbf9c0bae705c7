using System.Collections.Concurrent;
using Microsoft.Playwright;
using RipeTyped.Testing;
using Xunit.Abstractions;

namespace RipeTyped.Browser.Tests;

/// <summary>
/// The published, trimmed Blazor WebAssembly sample in Chromium, sending to a local Ripe receiver: page calls on load
/// and on navigation, a typed track call, and the same anonymous id after the page is loaded again (localStorage).
/// </summary>
public sealed class BlazorSampleTests
{
    private const string ApiKey = "browser-test-write-key";

    // Generous: a cold WebAssembly start in headless Chromium on a busy 2-core CI machine, not a sleep.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly ITestOutputHelper _output;
    private readonly ConcurrentQueue<string> _console = new();

    public BlazorSampleTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Page_loads_and_navigations_reach_Ripe_as_one_anonymous_visitor()
    {
        Chromium.RequireInstalled();
        var sample = await SamplePublish.GetAsync();
        Assert.True(!sample.WarningsFromOurCode().Any(), "Publishing the trimmed sample warned about our code:\n" + string.Join("\n", sample.WarningsFromOurCode()));
        _output.WriteLine($"Published trimmed: {sample.Warnings.Count} trim analysis warning(s), none in RipeTyped's code or the generated facade (the rest are Blazor's own).");

        await using var receiver = RipeTestServer.Start(ApiKey);
        string settings = $$"""{ "Ripe": { "ApiKey": "{{ApiKey}}", "Endpoint": "{{receiver.Endpoint}}", "DryRun": false } }""";
        await using var site = await StaticSite.StartAsync(sample.WebRoot, settings);
        _output.WriteLine($"Sample served at {site.Url}, Ripe receiver at {receiver.Endpoint}");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.Console += (_, message) => _console.Enqueue($"[{message.Type}] {message.Text}");
        page.PageError += (_, error) => _console.Enqueue($"[pageerror] {error}");

        try
        {
            // 1. First load: the page the app starts on.
            await page.GotoAsync(site.Url.AbsoluteUri);
            await WaitForAsync(receiver, "the first page load's page call (/)", calls => calls.Count(c => c.Call == "page") >= 1);

            // 2. A client-side navigation: NavigationManager.LocationChanged, no page load.
            await page.GetByRole(AriaRole.Link, new() { Name = "Pricing" }).ClickAsync();
            await WaitForAsync(receiver, "the navigation's page call (/pricing)", calls => calls.Count(c => c.Call == "page") >= 2);

            // 3. A typed track call from a button.
            await page.ClickAsync("#start-trial");
            await WaitForAsync(receiver, "the button's track call", calls => calls.Any(c => c.Call == "track"));

            // 4. A new page load in the same browser: the anonymous id must come back from localStorage.
            await page.ReloadAsync();
            await WaitForAsync(receiver, "the reload's page call (/pricing)", calls => calls.Count(c => c.Call == "page") >= 3);
        }
        finally
        {
            Print(receiver);
        }

        // The issue: a new anonymous id on every page load. Both loads and the navigation are one visitor, kept in localStorage.
        var received = Calls(receiver);
        var anonymousIds = received.Select(c => c.AnonymousId).Distinct().ToList();
        Assert.True(anonymousIds.Count == 1, $"Expected one anonymous id across page loads, got {anonymousIds.Count}: {string.Join(", ", anonymousIds)}");
        string? stored = await page.EvaluateAsync<string?>("() => localStorage.getItem('ripe.anonymousId')");
        Assert.Equal(anonymousIds[0], stored);
        Assert.Equal(received.Count, receiver.AcceptedMessageIds.Count); // every request was authorized and valid

        var pages = received.Where(c => c.Call == "page").ToList();
        Assert.Equal(3, pages.Count);
        string root = site.Url.AbsoluteUri;
        string pricing = new Uri(site.Url, "pricing").AbsoluteUri;

        Assert.Equal(("Dashboard", "/", root), (pages[0].Name, pages[0].Path, pages[0].Url));
        Assert.Null(pages[0].Referrer); // opened directly: document.referrer is empty

        Assert.Equal(("Pricing", "/pricing", pricing), (pages[1].Name, pages[1].Path, pages[1].Url));
        Assert.Equal(root, pages[1].Referrer); // the page navigated from

        Assert.Equal(("Pricing", "/pricing", pricing), (pages[2].Name, pages[2].Path, pages[2].Url));

        var track = Assert.Single(received, c => c.Call == "track");
        Assert.Equal("Clicked Start Trial Button", track.Event);
        Assert.Equal("/pricing", track.Json.GetProperty("properties").GetProperty("source_page").GetString());
        Assert.All(receiver.Requests, r => Assert.Equal("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ApiKey)), r.Headers["Authorization"]));
    }

    private static List<ReceivedCall> Calls(RipeTestServer receiver) =>
        receiver.Requests.Where(r => r.Method == "POST").Select(ReceivedCall.From).ToList();

    /// <summary>Polls the receiver until <paramref name="done"/> holds, or fails with what arrived and what the page logged.</summary>
    private async Task WaitForAsync(RipeTestServer receiver, string what, Func<List<ReceivedCall>, bool> done)
    {
        try
        {
            await receiver.WaitUntilAsync(_ => done(Calls(receiver)), Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Waited {Patience.TotalSeconds:0} s for {what}; the receiver got {Calls(receiver).Count} call(s). Browser console:\n{string.Join("\n", _console)}");
        }
    }

    private void Print(RipeTestServer receiver)
    {
        _output.WriteLine("The Ripe receiver got:");
        foreach (var request in receiver.Requests)
        {
            _output.WriteLine($"  {request.Method} {request.Path}  {(request.Method == "POST" ? ReceivedCall.From(request).ToString() : "")}");
        }

        foreach (string line in _console.Where(l => l.StartsWith("[error]", StringComparison.Ordinal) || l.StartsWith("[pageerror]", StringComparison.Ordinal)))
        {
            _output.WriteLine("  browser: " + line);
        }
    }
}
