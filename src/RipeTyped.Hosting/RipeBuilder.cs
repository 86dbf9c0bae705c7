using System;
using Microsoft.Extensions.DependencyInjection;

namespace RipeTyped.Hosting
{
    /// <summary>Returned by <c>AddRipe</c>, to register the typed facade generated from <c>tracking-plan.yaml</c>.</summary>
    public sealed class RipeBuilder
    {
        internal RipeBuilder(IServiceCollection services) => Services = services;

        /// <summary>The service collection RipeTyped was added to.</summary>
        public IServiceCollection Services { get; }

        /// <summary>
        /// Registers the generated facade as a singleton over the shared <see cref="RipeClient"/>, e.g.
        /// <c>.AddFacade(client =&gt; new AcmeAnalytics(client))</c> (no reflection, so trimming and AOT are safe).
        /// </summary>
        public RipeBuilder AddFacade<TFacade>(Func<RipeClient, TFacade> create)
            where TFacade : class
        {
            if (create is null)
            {
                throw new ArgumentNullException(nameof(create));
            }

            Services.AddSingleton(provider => create(provider.GetRequiredService<RipeClient>()));
            return this;
        }

        /// <summary>
        /// Registers the generated facade and its generated interface as one singleton, e.g.
        /// <c>.AddFacade&lt;AcmeAnalytics, IAcmeAnalytics&gt;(client =&gt; new AcmeAnalytics(client))</c>, so application code
        /// depends on the interface and tests substitute it.
        /// </summary>
        public RipeBuilder AddFacade<TFacade, TInterface>(Func<RipeClient, TFacade> create)
            where TFacade : class, TInterface
            where TInterface : class
        {
            AddFacade(create);
            Services.AddSingleton<TInterface>(provider => provider.GetRequiredService<TFacade>());
            return this;
        }
    }
}
