namespace RipeTyped.Delivery
{
    /// <summary>The four calls of the Ripe HTTP API.</summary>
    internal enum RipeCall
    {
        Identify,
        Track,
        Page,
        Group,
    }

    /// <summary>What the API says about each call: its path and the name of its payload object.</summary>
    internal static class RipeCalls
    {
        /// <summary>The path under the endpoint (<c>POST {endpoint}/track</c>), also the call's name in logs and reports.</summary>
        public static string Path(this RipeCall call) => call switch
        {
            RipeCall.Identify => "identify",
            RipeCall.Track => "track",
            RipeCall.Page => "page",
            _ => "group",
        };

        /// <summary>The body member that carries the typed payload: <c>traits</c> for identify and group, else <c>properties</c>.</summary>
        public static string PayloadName(this RipeCall call) =>
            call == RipeCall.Identify || call == RipeCall.Group ? "traits" : "properties";

        public static readonly RipeCall[] All = { RipeCall.Identify, RipeCall.Track, RipeCall.Page, RipeCall.Group };
    }
}
