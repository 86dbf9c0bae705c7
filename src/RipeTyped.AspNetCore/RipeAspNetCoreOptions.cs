using System;
using System.Collections.Generic;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace RipeTyped.AspNetCore
{
    /// <summary>How a request's identity is found: its user, its visitor's anonymous id, its group.</summary>
    public sealed class RipeAspNetCoreOptions
    {
        /// <summary>
        /// The claim types tried, in order, for the user id of an authenticated request. Default: <see cref="ClaimTypes.NameIdentifier"/>
        /// then <c>sub</c> (JWT bearer tokens without claim mapping).
        /// </summary>
        public IList<string> UserIdClaimTypes { get; } = new List<string> { ClaimTypes.NameIdentifier, "sub" };

        /// <summary>The first-party cookie that keeps a visitor's anonymous id across requests. Default <c>ripe_anonymous_id</c>.</summary>
        public string AnonymousIdCookieName { get; set; } = "ripe_anonymous_id";

        /// <summary>How long the anonymous id cookie lives (renewed when a new id is set). Default 365 days.</summary>
        public TimeSpan AnonymousIdCookieLifetime { get; set; } = TimeSpan.FromDays(365);

        /// <summary>
        /// Whether the cookie is hidden from the page's JavaScript. Default true; set false to share the id with a
        /// browser-side Ripe SDK reading the same cookie.
        /// </summary>
        public bool AnonymousIdCookieHttpOnly { get; set; } = true;

        /// <summary>
        /// Whether the anonymous id cookie may be set for this request. Default: what the app's cookie consent says
        /// (<see cref="ITrackingConsentFeature.CanTrack"/> when <c>UseCookiePolicy</c> is in use), else true. When false,
        /// no cookie is written and each such request gets an anonymous id of its own.
        /// </summary>
        public Func<HttpContext, bool> CanSetCookie { get; set; } = DefaultCanSetCookie;

        /// <summary>The group (company, workspace) of a request, e.g. from a route value or a claim; null for none. Default: none.</summary>
        public Func<HttpContext, string?>? GroupId { get; set; }

        private static bool DefaultCanSetCookie(HttpContext context) => context.Features.Get<ITrackingConsentFeature>()?.CanTrack ?? true;
    }
}
