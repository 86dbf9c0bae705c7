using Microsoft.Playwright;

namespace RipeTyped.Browser.Tests;

/// <summary>Debian's Chromium, driven by Playwright: the test never downloads a browser of its own.</summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // Without the background-networking flags Chromium reaches out (updates, sync, QUIC probes) and a closed network
    // makes it refuse or stall connections; the page under test needs only 127.0.0.1.
    private static readonly string[] Args =
    {
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    };

    public static void RequireInstalled() =>
        Assert.True(
            File.Exists(ExecutablePath),
            $"Chromium is not installed at {ExecutablePath}; the browser test drives it. Install it with: apt-get update && apt-get install -y chromium (.ci/run does this).");

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Args });
}
