using System;
using Microsoft.JSInterop;

namespace RipeTyped.Blazor
{
    /// <summary>
    /// Keeps the visitor's anonymous id in the browser's <c>localStorage</c> (under <see cref="Key"/>), so every page
    /// load of a Blazor WebAssembly app is the same anonymous visitor until the storage is cleared or <c>Reset</c> is called.
    /// </summary>
    /// <remarks>
    /// The client calls the store synchronously while it starts (<see cref="IRipeIdentityStore"/>), and the browser has
    /// one thread that must not block: hence the in-process runtime's synchronous <c>localStorage.getItem/setItem</c>,
    /// which never waits. Storage that cannot be used (disabled, full, blocked by privacy settings) is not an error: the
    /// id then lasts one page load.
    /// </remarks>
    public sealed class RipeLocalStorageIdentityStore : IRipeIdentityStore
    {
        /// <summary>The <c>localStorage</c> key used unless another is given: <c>ripe.anonymousId</c>.</summary>
        public const string DefaultKey = "ripe.anonymousId";

        // An id longer than this was not written by us: ignore it rather than send its content with every call.
        private const int MaxIdLength = 200;

        private readonly IJSInProcessRuntime _js;

        /// <summary>Creates a store over the browser's <c>localStorage</c>.</summary>
        /// <param name="js">The app's JavaScript runtime; in Blazor WebAssembly the registered <see cref="IJSRuntime"/> is in-process.</param>
        /// <param name="key">The <c>localStorage</c> key; <see cref="DefaultKey"/> when null.</param>
        public RipeLocalStorageIdentityStore(IJSInProcessRuntime js, string? key = null)
        {
            _js = js ?? throw new ArgumentNullException(nameof(js));
            if (key != null && key.Trim().Length == 0)
            {
                throw new ArgumentException("The localStorage key cannot be blank.", nameof(key));
            }

            Key = key ?? DefaultKey;
        }

        /// <summary>The <c>localStorage</c> key the id is kept under.</summary>
        public string Key { get; }

        /// <inheritdoc />
        public string? LoadAnonymousId()
        {
            try
            {
                string? id = BrowserCalls.GetStorageItem(_js, Key)?.Trim();
                return string.IsNullOrEmpty(id) || id!.Length > MaxIdLength ? null : id;
            }
            catch (JSException)
            {
                // localStorage is missing or refused (e.g. a SecurityError in a sandboxed frame): a new id, for this load only.
                return null;
            }
        }

        /// <inheritdoc />
        public void SaveAnonymousId(string anonymousId)
        {
            try
            {
                BrowserCalls.SetStorageItem(_js, Key, anonymousId);
            }
            catch (JSException)
            {
                // QuotaExceededError or storage refused: documented by IRipeIdentityStore, the id then lasts this page load.
            }
        }

        /// <inheritdoc />
        public override string ToString() => $"RipeLocalStorageIdentityStore {{ Key = {Key} }}";
    }
}
