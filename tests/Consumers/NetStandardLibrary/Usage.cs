using Acme.Analytics;

namespace RipeTyped.Consumers.NetStandardLibrary
{
    /// <summary>Uses the generated API from netstandard2.0 code.</summary>
    public static class Usage
    {
        /// <summary>Tracks one event.</summary>
        public static void Track(AcmeAnalytics analytics) =>
            analytics.TrackClickedBookADemoButton(new ClickedBookADemoButtonProperties { SourcePage = "/pricing", Seats = 3 });
    }
}
