using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

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

        public RequestAmbientContext(IHttpContextAccessor accessor, RipeAspNetCoreOptions options)
        {
            _accessor = accessor;
            _options = options;
        }

        public override RipeIdentity? Identity => _accessor.HttpContext is { } context ? RequestIdentity.Of(context, _options).Current() : null;

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
