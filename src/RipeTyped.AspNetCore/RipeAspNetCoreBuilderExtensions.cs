using System;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RipeTyped.Hosting;

namespace RipeTyped.AspNetCore
{
    /// <summary>Registered by <c>AddAspNetCore()</c>, so request-side helpers can tell it was called.</summary>
    internal sealed class RipeAspNetCoreMarker
    {
    }

    /// <summary>Adds the ASP.NET Core integration to <c>services.AddRipe(...)</c>.</summary>
    public static class RipeAspNetCoreBuilderExtensions
    {
        /// <summary>
        /// Makes every call made while handling a request that request's: the user id from <c>HttpContext.User</c>
        /// (<see cref="RipeAspNetCoreOptions.UserIdClaimTypes"/>), the visitor's anonymous id from a first-party cookie
        /// (set when consent allows), the request's <c>context.page</c> for page calls, and an <c>Identify</c> or
        /// <c>Group</c> that changes that request only. Calls made outside a request must pass a <see cref="RipeIdentity"/>.
        /// Also runs the typed page calls of endpoints marked with <see cref="RipePage.Call{TFacade}(Action{TFacade})"/>.
        /// </summary>
        public static RipeBuilder AddAspNetCore(this RipeBuilder builder, Action<RipeAspNetCoreOptions>? configure = null)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            var services = builder.Services;
            var aspNetCore = services.AddOptions<RipeAspNetCoreOptions>();
            if (configure != null)
            {
                aspNetCore.Configure(configure);
            }

            services.AddHttpContextAccessor();
            services.TryAddSingleton<RipeAspNetCoreMarker>();
            services.AddOptions<RipeClientOptions>().Configure<IHttpContextAccessor, IOptions<RipeAspNetCoreOptions>, IServiceProvider>(
                (options, accessor, settings, provider) => options.AmbientContext = new RequestAmbientContext(
                    accessor, settings.Value, provider.GetService<ILoggerFactory>()?.CreateLogger("RipeTyped")));
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, RipePageStartupFilter>());
            return builder;
        }
    }
}
