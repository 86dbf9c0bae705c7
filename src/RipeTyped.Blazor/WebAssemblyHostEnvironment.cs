using System.Reflection;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace RipeTyped.Blazor
{
    /// <summary>
    /// Blazor WebAssembly's environment as the <see cref="IHostEnvironment"/> that <c>AddRipe</c> reads its defaults from
    /// (report plan violations outside Development, run dry in Development without an API key): a WebAssembly host
    /// registers only <see cref="IWebAssemblyHostEnvironment"/>. Registered only when the app has no IHostEnvironment.
    /// </summary>
    internal sealed class WebAssemblyHostEnvironment : IHostEnvironment
    {
        public WebAssemblyHostEnvironment(IWebAssemblyHostEnvironment browser)
        {
            EnvironmentName = browser.Environment;
            ApplicationName = Assembly.GetEntryAssembly()?.GetName().Name ?? "";
        }

        public string EnvironmentName { get; set; }

        public string ApplicationName { get; set; }

        // A browser app has no content root on disk.
        public string ContentRootPath { get; set; } = "/";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
