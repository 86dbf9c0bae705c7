using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace RipeTyped.Blazor
{
    /// <summary>
    /// Sends a page call for the page the app starts on and for every navigation after it; place it once, outside the
    /// router, e.g. <c>&lt;RipePageTracker /&gt;</c> at the top of <c>App.razor</c>. Renders nothing.
    /// </summary>
    /// <remarks>
    /// A page call carries <c>context.page</c>: path, query (<c>search</c>), URL (without fragment) and referrer (the
    /// previous URL; on the first page, the browser's <c>document.referrer</c>), and the name
    /// <see cref="RipeBlazorOptions.PageName"/> gives. A change of fragment alone (an in-page anchor) is not a new page.
    /// It runs only in the browser: a server prerendering the same component sends nothing, the browser's render does.
    /// Being a component, it takes the <see cref="NavigationManager"/> of its own scope, as Blazor requires.
    /// </remarks>
    public sealed class RipePageTracker : IComponent, IDisposable
    {
        private RipeClient? _client;
        private Func<Uri, string?>? _pageName;
        private Uri? _current;

        [Inject]
        private NavigationManager Navigation { get; set; } = default!;

        [Inject]
        private IServiceProvider Services { get; set; } = default!;

        [Inject]
        private IJSRuntime JS { get; set; } = default!;

        /// <inheritdoc />
        public void Attach(RenderHandle renderHandle)
        {
            // Nothing to render, ever.
        }

        /// <inheritdoc />
        public Task SetParametersAsync(ParameterView parameters)
        {
            if (_current is null && OperatingSystem.IsBrowser())
            {
                Start();
            }

            return Task.CompletedTask;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            if (_client != null)
            {
                Navigation.LocationChanged -= OnLocationChanged;
            }
        }

        private void Start()
        {
            _client = Services.GetService<RipeClient>()
                ?? throw new InvalidOperationException(
                    "<RipePageTracker /> needs RipeTyped's client: register it in Program.cs with builder.Services.AddRipe(builder.Configuration.GetSection(\"Ripe\")).AddBlazor().");
            _pageName = Services.GetService<IOptions<RipeBlazorOptions>>()?.Value.PageName;
            _current = NavigationPage.WithoutFragment(Navigation.Uri);
            Send(_current, DocumentReferrer());
            Navigation.LocationChanged += OnLocationChanged;
        }

        private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
        {
            var previous = _current!;
            var next = NavigationPage.WithoutFragment(e.Location);
            if (next == previous)
            {
                return;
            }

            _current = next;
            Send(next, previous.AbsoluteUri);
        }

        private void Send(Uri page, string? referrer) =>
            _client!.Page(_pageName?.Invoke(page), properties: null, page: NavigationPage.Context(page, referrer));

        /// <summary>The browser's <c>document.referrer</c>: where the visitor came from before the app's first page.</summary>
        private string? DocumentReferrer()
        {
            if (JS is not IJSInProcessRuntime js)
            {
                return null;
            }

            try
            {
                string? referrer = BrowserCalls.DocumentReferrer(js);
                return string.IsNullOrEmpty(referrer) ? null : referrer;
            }
            catch (JSException)
            {
                return null;
            }
        }
    }
}
