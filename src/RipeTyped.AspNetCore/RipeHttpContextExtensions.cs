using System;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RipeTyped.AspNetCore
{
    /// <summary>The request's Ripe identity and page, for code that needs them outside the request's own calls.</summary>
    public static class RipeHttpContextExtensions
    {
        /// <summary>
        /// This request's identity (user, visitor's anonymous id, group) as a value to hand to background work that
        /// outlives the request: <c>analytics.TrackExportedReport(properties, identity)</c> from a queue worker.
        /// </summary>
        public static RipeIdentity GetRipeIdentity(this HttpContext context) => Of(context).Current();

        /// <summary>The title sent in <c>context.page.title</c> by page calls made in this request.</summary>
        public static void SetRipePageTitle(this HttpContext context, string? title) => Of(context).PageTitle = title;

        private static RequestIdentity Of(HttpContext context)
        {
            if (context is null)
            {
                throw new ArgumentNullException(nameof(context));
            }

            // IOptions<T> always resolves; the marker says whether AddAspNetCore() configured anything.
            if (context.RequestServices.GetService<RipeAspNetCoreMarker>() is null)
            {
                throw new InvalidOperationException("RipeTyped.AspNetCore is not registered: call services.AddRipe(...).AddAspNetCore().");
            }

            return RequestIdentity.Of(context, context.RequestServices.GetRequiredService<IOptions<RipeAspNetCoreOptions>>().Value);
        }
    }
}
