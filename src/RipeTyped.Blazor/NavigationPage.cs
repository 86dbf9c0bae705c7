using System;

namespace RipeTyped.Blazor
{
    /// <summary>The <c>context.page</c> of a page call made for a location the app navigated to.</summary>
    internal static class NavigationPage
    {
        /// <summary>The location without its fragment: an in-page anchor is the same page, and the fragment is not sent.</summary>
        public static Uri WithoutFragment(string location)
        {
            var uri = new Uri(location, UriKind.Absolute);
            return uri.Fragment.Length == 0
                ? uri
                : new Uri(uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped), UriKind.Absolute);
        }

        /// <summary>Path, query and URL of <paramref name="page"/> (as the browser's <c>location</c> has them), and the page before it.</summary>
        public static RipePageContext Context(Uri page, string? referrer) => new RipePageContext
        {
            Path = page.AbsolutePath,
            Search = page.Query.Length == 0 ? null : page.Query,
            Url = page.AbsoluteUri,
            Referrer = string.IsNullOrEmpty(referrer) ? null : referrer,
        };
    }
}
