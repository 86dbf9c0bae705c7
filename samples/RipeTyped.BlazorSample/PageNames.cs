namespace RipeTyped.BlazorSample;

/// <summary>The plan's page names (tracking-plan.yaml, <c>pages:</c>) for the app's routes.</summary>
internal static class PageNames
{
    public static string? ForUrl(Uri url) => url.AbsolutePath switch
    {
        "/" => "Dashboard",
        "/pricing" => "Pricing",
        _ => null,
    };
}
