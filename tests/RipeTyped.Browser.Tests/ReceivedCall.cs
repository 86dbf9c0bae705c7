using System.Text.Json;
using RipeTyped.Testing;

namespace RipeTyped.Browser.Tests;

/// <summary>The parts of a message the browser test checks, read from what the receiver got.</summary>
internal sealed record ReceivedCall(string Call, string? AnonymousId, string? Name, string? Event, string? Path, string? Url, string? Referrer, string? Search, JsonElement Json)
{
    public static ReceivedCall From(ReceivedRequest request)
    {
        var json = request.Json;
        var page = json.TryGetProperty("context", out var context) && context.TryGetProperty("page", out var p) ? p : default;
        return new ReceivedCall(
            request.Call,
            String(json, "anonymousId"),
            String(json, "name"),
            String(json, "event"),
            String(page, "path"),
            String(page, "url"),
            String(page, "referrer"),
            String(page, "search"),
            json);
    }

    public override string ToString() => Call == "page"
        ? $"page  anonymousId={AnonymousId} name={Name ?? "(none)"} path={Path} url={Url} referrer={Referrer ?? "(none)"}"
        : $"{Call,-5} anonymousId={AnonymousId} event={Event} properties={(Json.TryGetProperty("properties", out var p) ? p.GetRawText() : "{}")}";

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
