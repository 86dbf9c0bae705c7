using System;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace RipeTyped.AspNetCore
{
    /// <summary>
    /// Endpoint metadata: a typed page call made after the endpoint answered with a success status, e.g.
    /// <c>app.MapGet("/pricing", ...).WithMetadata(RipePage.Call&lt;AcmeAnalytics&gt;(a =&gt; a.PagePricing()))</c>.
    /// The call goes through the generated facade, so the page must be in the plan; it carries the request's
    /// identity and page context.
    /// </summary>
    public abstract class RipePage
    {
        private protected RipePage()
        {
        }

        /// <summary>A page call through the facade <typeparamref name="TFacade"/> (as registered with <c>AddFacade</c>).</summary>
        public static RipePage Call<TFacade>(Action<TFacade> page)
            where TFacade : class =>
            new Typed<TFacade>(page ?? throw new ArgumentNullException(nameof(page)));

        internal abstract void Invoke(HttpContext context);

        private sealed class Typed<TFacade> : RipePage
            where TFacade : class
        {
            private readonly Action<TFacade> _page;

            public Typed(Action<TFacade> page) => _page = page;

            internal override void Invoke(HttpContext context) => _page(context.RequestServices.GetRequiredService<TFacade>());
        }
    }
}
