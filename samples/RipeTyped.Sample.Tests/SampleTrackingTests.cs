using Acme.Analytics;
using RipeTyped.Testing;

namespace RipeTyped.Sample.Tests;

/// <summary>
/// The sample app's tracking, tested as an app would test its own: its calls run against a RipeRecorder (real
/// validation and serialization, nothing sent). With RIPETYPED_COVERAGE=&lt;folder&gt; the run also writes tracking
/// coverage for <c>ripe-typed coverage</c>.
/// </summary>
public sealed class SampleTrackingTests
{
    [Fact]
    public void The_sample_identifies_the_user_and_tracks_the_demo_request_and_the_trial()
    {
        var recorder = new RipeRecorder();

        Program.SendSampleCalls(new AcmeAnalytics(recorder.Client));

        var identify = Assert.Single(recorder.Calls, c => c.Call == "identify");
        Assert.Equal("user-42", identify.UserId);
        var demo = recorder.AssertTracked("Clicked Book a Demo Button");
        Assert.Equal("/pricing", demo.Properties.GetProperty("source_page").GetString());
        Assert.Equal(5, demo.PayloadAs<ClickedBookADemoButtonProperties>().Seats);
        Assert.Equal("pro", recorder.AssertTracked("Started Trial").Properties.GetProperty("plan").GetString());
        recorder.AssertNotTracked("Logged Out");

        // The coverage of this run, for `ripe-typed coverage bin/.../ripe-coverage.json --plan tracking-plan.yaml`.
        string coverage = System.IO.Path.Combine(System.AppContext.BaseDirectory, "ripe-coverage.json");
        RipeCoverage.Write(coverage);
        Assert.Contains("\"Clicked Book a Demo Button\"", System.IO.File.ReadAllText(coverage), System.StringComparison.Ordinal);
    }
}
