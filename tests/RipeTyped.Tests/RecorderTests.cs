using System;
using System.Linq;
using System.Threading.Tasks;
using Acme.Analytics;
using RipeTyped.Testing;

namespace RipeTyped.Tests;

/// <summary>
/// RipeRecorder: a unit test of tracking code runs the real call (identity, validation, serialization) and asserts on
/// what would have been sent, synchronously, without a receiver.
/// </summary>
public sealed class RecorderTests
{
    [Fact]
    public void A_typed_call_is_recorded_at_once_with_its_payload_and_exact_json()
    {
        var recorder = new RipeRecorder();
        var analytics = new AcmeAnalytics(recorder.Client);

        analytics.Identify("user-7", new UserTraits { Email = "ada@example.com", MarketingOptIn = false });
        analytics.TrackClickedBookADemoButton(new ClickedBookADemoButtonProperties { SourcePage = "/pricing", Seats = 5 });

        var call = recorder.AssertTracked("Clicked Book a Demo Button");
        Assert.Equal("/pricing", call.Properties.GetProperty("source_page").GetString());
        Assert.Equal(5, call.Properties.GetProperty("seats").GetInt64());
        Assert.Equal("user-7", call.UserId);
        Assert.Equal("/pricing", call.PayloadAs<ClickedBookADemoButtonProperties>().SourcePage);
        Assert.Contains("\"event\":\"Clicked Book a Demo Button\"", call.Json, StringComparison.Ordinal);
        Assert.Equal(new[] { "identify", "track" }, recorder.Calls.Select(c => c.Call));
        Assert.Equal("ada@example.com", recorder.Calls[0].Properties.GetProperty("email").GetString());
        Assert.Same(call, Assert.Single(recorder.Tracks));
        Assert.Equal(2, recorder.Client.Statistics.Delivered);
    }

    [Fact]
    public void The_plan_is_enforced_as_in_a_real_call_and_nothing_is_recorded()
    {
        var recorder = new RipeRecorder();
        var analytics = new AcmeAnalytics(recorder.Client);

        // source_page must match "^/" in the plan.
        Assert.Throws<RipeValidationException>(() => analytics.TrackClickedBookADemoButton(new ClickedBookADemoButtonProperties { SourcePage = "pricing" }));

        recorder.AssertCallCount(0);
    }

    [Fact]
    public void A_failed_assertion_says_what_was_recorded_instead()
    {
        var recorder = new RipeRecorder();
        var analytics = new AcmeAnalytics(recorder.Client);
        analytics.TrackClickedStartTrialButton(new ClickedStartTrialButtonProperties { SourcePage = "/home", Plan = PlanTier.Pro });

        var missing = Assert.Throws<RipeAssertionException>(() => recorder.AssertTracked("Clicked Book a Demo Button"));
        Assert.Contains("Expected a track call of 'Clicked Book a Demo Button', but there was none.", missing.Message, StringComparison.Ordinal);
        Assert.Contains("1. track 'Clicked Start Trial Button' {\"source_page\":\"/home\",\"plan\":\"pro\"}", missing.Message, StringComparison.Ordinal);

        var unexpected = Assert.Throws<RipeAssertionException>(() => recorder.AssertNotTracked("Clicked Start Trial Button"));
        Assert.Contains("but 1 was recorded", unexpected.Message, StringComparison.Ordinal);

        var call = recorder.AssertTracked("Clicked Start Trial Button", c => c.Properties.GetProperty("plan").GetString() == "pro");
        Assert.Equal("/home", call.PayloadAs<ClickedStartTrialButtonProperties>().SourcePage);
    }

    [Fact]
    public async Task A_recording_client_needs_no_flush_and_disposes_at_once()
    {
        var recorder = new RipeRecorder(o => o.AnonymousId = "anon-test");
        recorder.Client.Track("Custom Event", new RipeProperties { ["n"] = 1 });

        Assert.True(await recorder.Client.FlushAsync(TimeSpan.FromSeconds(1)));
        Assert.Equal("anon-test", recorder.AssertTracked("Custom Event").AnonymousId);
        await recorder.Client.DisposeAsync();
        Assert.Throws<ObjectDisposedException>(() => recorder.Client.Track("After"));
    }

    [Fact]
    public void Recorded_calls_count_as_coverage_for_ripe_typed_coverage()
    {
        var recorder = new RipeRecorder();
        new AcmeAnalytics(recorder.Client).TrackClickedStartTrialButton(new ClickedStartTrialButtonProperties { SourcePage = "/" });

        using var coverage = System.Text.Json.JsonDocument.Parse(RipeCoverage.ToJson());
        Assert.Contains("Clicked Start Trial Button", coverage.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetString()));

        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ripe-coverage-test-" + Guid.NewGuid().ToString("N") + ".json");
        RipeCoverage.Write(path);
        Assert.Contains("Clicked Start Trial Button", System.IO.File.ReadAllText(path), StringComparison.Ordinal);
        System.IO.File.Delete(path);
    }

    [Fact]
    public void The_coverage_file_written_reads_back_through_the_shared_format()
    {
        var recorder = new RipeRecorder();
        recorder.Client.Identify("coverage-user");
        recorder.Client.Page("Coverage Round Trip Page");
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ripe-coverage-test-" + Guid.NewGuid().ToString("N") + ".json");

        try
        {
            RipeCoverage.Write(path);
            var read = CoverageFile.Read(path);

            Assert.Contains("Coverage Round Trip Page", read.Pages);
            Assert.True(read.Identify);
            using var written = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(path));
            Assert.Equal(CoverageFile.FormatVersion, written.RootElement.GetProperty("formatVersion").GetInt32());
            Assert.Equal(RipeCoverage.FormatMarker, written.RootElement.GetProperty("format").GetString());
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Theory]
    [InlineData("coverage", "/work/repo/tests/App.Tests/bin/Debug/net8.0", "/work/repo", "/work/repo/coverage")]
    [InlineData("/abs/cov", "/work/repo/bin", "/work/repo", "/abs/cov")]
    [InlineData("cov", "/work/repo/bin", null, "/work/repo/bin/cov")]
    public void A_relative_coverage_folder_is_where_the_tests_were_started(string value, string currentDirectory, string? shellDirectory, string expected)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.Equal(expected, RipeCoverage.ResolveFolder(value, currentDirectory, shellDirectory));
    }
}
