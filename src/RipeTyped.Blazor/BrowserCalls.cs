using System.Diagnostics.CodeAnalysis;
using Microsoft.JSInterop;

namespace RipeTyped.Blazor
{
    /// <summary>The synchronous JavaScript calls RipeTyped.Blazor makes, with the trimming analysis they need said once.</summary>
    internal static class BrowserCalls
    {
        // Invoke<T> is marked RequiresUnreferencedCode because an arbitrary T may be a type that JSON reflection cannot see
        // after trimming. Here T is string (System.Text.Json's built-in converter) or IJSInProcessObjectReference (JSInterop's
        // own converter), and the arguments are strings and a JS object reference: nothing a trimmer can remove.
        private const string Justification = "The result is a string or a JS object reference and the arguments are strings or JS object references, all serialized by built-in converters.";

        /// <summary><c>localStorage.getItem(key)</c>.</summary>
        [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = Justification)]
        public static string? GetStorageItem(IJSInProcessRuntime js, string key) => js.Invoke<string?>("localStorage.getItem", key);

        /// <summary><c>localStorage.setItem(key, value)</c>.</summary>
        public static void SetStorageItem(IJSInProcessRuntime js, string key, string value) => js.InvokeVoid("localStorage.setItem", key, value);

        /// <summary>
        /// <c>document.referrer</c>. JS interop calls functions and this is a property: <c>Reflect.get</c> reads it off the
        /// document (which <c>document.getRootNode()</c> returns), synchronously and without shipping a script in the package.
        /// </summary>
        [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = Justification)]
        public static string? DocumentReferrer(IJSInProcessRuntime js)
        {
            using var document = js.Invoke<IJSInProcessObjectReference>("document.getRootNode");
            return js.Invoke<string?>("Reflect.get", document, "referrer");
        }
    }
}
