using System;
using System.Threading;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Logging;

namespace RipeTyped.AspNetCore
{
    /// <summary>
    /// The ambient context of a server: inside a request, that request's identity and page; outside one (background
    /// work, startup), none: such calls pass a <see cref="RipeIdentity"/>, or throw saying so.
    /// </summary>
    internal sealed class RequestAmbientContext : RipeAmbientContext
    {
        private readonly IHttpContextAccessor _accessor;
        private readonly RipeAspNetCoreOptions _options;
        private readonly ILogger? _logger;
        private int _warnedLateCookie;

        public RequestAmbientContext(IHttpContextAccessor accessor, RipeAspNetCoreOptions options, ILogger? logger)
        {
            _accessor = accessor;
            _options = options;
            _logger = logger;
        }

        public override RipeIdentity? Identity
        {
            get
            {
                if (_accessor.HttpContext is not { } context)
                {
                    return null;
                }

                var request = RequestIdentity.Of(context, _options);
                var identity = request.Current();
                if (request.CookieCameTooLate && Interlocked.Exchange(ref _warnedLateCookie, 1) == 0)
                {
                    _logger?.LogWarning(
                        "A Ripe call in {Path} needed a new anonymous id after the response had started, so no cookie keeps it: that visitor's next request will be another anonymous visitor. " +
                        "Make a call before writing the response, or mark the endpoint with RipePage.Call (it sets the cookie first). Logged once.",
                        context.Request.Path.Value);
                }

                return identity;
            }
        }

        public override RipePageContext? Page
        {
            get
            {
                var context = _accessor.HttpContext;
                if (context is null)
                {
                    return null;
                }

                var request = context.Request;
                string referrer = request.Headers.Referer.ToString();
                return new RipePageContext
                {
                    Path = (request.PathBase + request.Path).ToString(),
                    Search = request.QueryString.HasValue ? request.QueryString.Value : null,
                    Url = request.GetDisplayUrl(),
                    Referrer = referrer.Length == 0 ? null : referrer,
                    Title = RequestIdentity.Of(context, _options).PageTitle,
                };
            }
        }

        public override RipeIdentity Identify(string userId) => InRequest("identify").Identify(userId);

        public override RipeIdentity Group(string groupId) => InRequest("group").Group(groupId);

        public override void Reset()
        {
            if (_accessor.HttpContext is { } context)
            {
                RequestIdentity.Of(context, _options).Reset();
            }
        }

        public override string DescribeMissingIdentity(string call) =>
            $"The Ripe {call} call passed no identity and was made outside an HTTP request, where RipeTyped.AspNetCore has no identity to give it. " +
            "Pass a RipeIdentity: in background work started by a request, capture HttpContext.GetRipeIdentity() in the request and pass it on.";

        private RequestIdentity InRequest(string call) =>
            _accessor.HttpContext is { } context
                ? RequestIdentity.Of(context, _options)
                : throw new InvalidOperationException(DescribeMissingIdentity(call));
    }
}
