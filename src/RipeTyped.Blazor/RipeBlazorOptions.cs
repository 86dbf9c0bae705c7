using System;

namespace RipeTyped.Blazor
{
    /// <summary>Settings of RipeTyped's Blazor WebAssembly integration (<see cref="RipeBlazorBuilderExtensions.AddBlazor"/>).</summary>
    public sealed class RipeBlazorOptions
    {
        /// <summary>
        /// The <c>localStorage</c> key the visitor's anonymous id is kept under. Default
        /// <see cref="RipeLocalStorageIdentityStore.DefaultKey"/> (<c>ripe.anonymousId</c>).
        /// </summary>
        public string StorageKey { get; set; } = RipeLocalStorageIdentityStore.DefaultKey;

        /// <summary>
        /// The page name <see cref="RipePageTracker"/> sends for a URL (absolute, fragment removed), e.g.
        /// <c>uri =&gt; uri.AbsolutePath == "/pricing" ? "Pricing" : null</c> to use the plan's page names; null (the
        /// default, or returned) sends a page call without a name. Return names of the plan's <c>pages:</c> so
        /// Ripe's reports match the typed <c>Page…</c> calls.
        /// </summary>
        public Func<Uri, string?>? PageName { get; set; }
    }
}
