using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RipeTyped.AspNetCore
{
    /// <summary>
    /// Puts the page-call middleware first in the pipeline: it sees the endpoint routing chose (and the user
    /// authentication set) once the rest of the pipeline has run, with no <c>app.Use…</c> for the app to forget.
    /// </summary>
    internal sealed class RipePageStartupFilter : IStartupFilter
    {
        private readonly IOptions<RipeAspNetCoreOptions> _options;
        private readonly ILogger<RipePage> _logger;

        public RipePageStartupFilter(IOptions<RipeAspNetCoreOptions> options, ILogger<RipePage> logger)
        {
            _options = options;
            _logger = logger;
        }

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(TrackPageAsync);
            next(app);
        };

        private async Task TrackPageAsync(HttpContext context, RequestDelegate next)
        {
            // The page call comes after the response started; the visitor's id must be known (and its cookie set) before.
            context.Response.OnStarting(
                static state =>
                {
                    var (context, options) = ((HttpContext, RipeAspNetCoreOptions))state;
                    if (context.GetEndpoint()?.Metadata.GetMetadata<RipePage>() != null)
                    {
                        RequestIdentity.Of(context, options).Current();
                    }

                    return Task.CompletedTask;
                },
                (context, _options.Value));

            await next(context).ConfigureAwait(false);

            var page = context.GetEndpoint()?.Metadata.GetMetadata<RipePage>();
            if (page is null || context.Response.StatusCode < 200 || context.Response.StatusCode >= 300)
            {
                return;
            }

            try
            {
                page.Invoke(context);
            }
            catch (Exception ex)
            {
                // The response is sent already; a page call that breaks the plan must not turn it into an error.
                _logger.LogWarning(ex, "The Ripe page call of {Path} failed and was not sent.", context.Request.Path);
            }
        }
    }
}
