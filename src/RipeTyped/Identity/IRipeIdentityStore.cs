namespace RipeTyped
{
    /// <summary>
    /// Keeps a visitor's anonymous id between runs of the app, so a returning visitor is the same anonymous user:
    /// a file for desktop and console apps (<see cref="RipeFileIdentityStore"/>), the browser's localStorage in Blazor
    /// WebAssembly (RipeTyped.Blazor). Called synchronously, on the calling thread, when the client starts and on Reset.
    /// </summary>
    public interface IRipeIdentityStore
    {
        /// <summary>The stored anonymous id, or null when none is stored (or it cannot be read).</summary>
        string? LoadAnonymousId();

        /// <summary>Stores <paramref name="anonymousId"/>; a failure to store must not throw (the id then lasts one run).</summary>
        void SaveAnonymousId(string anonymousId);
    }
}
