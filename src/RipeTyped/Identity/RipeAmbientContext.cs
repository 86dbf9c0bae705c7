namespace RipeTyped
{
    /// <summary>
    /// Who a call made without an explicit <see cref="RipeIdentity"/> is about, and the page it is on. A console or
    /// desktop app has one user, so the default context is the process's (<see cref="ForProcess"/>); a server has one
    /// per request (RipeTyped.AspNetCore); a browser app keeps its visitor's anonymous id across page loads
    /// (RipeTyped.Blazor). Set it with <see cref="RipeClientOptions.AmbientContext"/>.
    /// </summary>
    /// <remarks>Implementations are called on the caller's thread, by every ambient call: they must be thread-safe and cheap.</remarks>
    public abstract class RipeAmbientContext
    {
        /// <summary>The identity of an ambient call made now, or null when there is none here (the call then throws).</summary>
        public abstract RipeIdentity? Identity { get; }

        /// <summary>The page a page call made now is on, used when the call passes none; null for none.</summary>
        public virtual RipePageContext? Page => null;

        /// <summary>Makes <paramref name="userId"/> the user of later ambient calls in this context and returns the identity to identify.</summary>
        /// <exception cref="System.InvalidOperationException">This context has no ambient identity to change (e.g. outside a request).</exception>
        public abstract RipeIdentity Identify(string userId);

        /// <summary>Makes <paramref name="groupId"/> the group of later ambient calls in this context and returns the identity of the group call.</summary>
        /// <exception cref="System.InvalidOperationException">This context has no ambient identity to change.</exception>
        public abstract RipeIdentity Group(string groupId);

        /// <summary>Forgets the user and group of this context and starts a new anonymous id (log-out).</summary>
        public abstract void Reset();

        /// <summary>
        /// Why an ambient call made now has no identity, and what to do; the message of the
        /// <see cref="System.InvalidOperationException"/> the call throws when <see cref="Identity"/> is null.
        /// </summary>
        public virtual string DescribeMissingIdentity(string call) =>
            $"The Ripe {call} call passed no identity and its ambient context ({GetType().Name}) has none here; pass a RipeIdentity.";

        /// <summary>
        /// The context of a single-user app: one identity for the whole process, changed by Identify, Group and Reset.
        /// </summary>
        /// <param name="anonymousId">The anonymous id to start with; null to load it from <paramref name="store"/> or generate one.</param>
        /// <param name="store">Where the anonymous id is kept between runs (a file, the browser's localStorage), or null.</param>
        public static RipeAmbientContext ForProcess(string? anonymousId = null, IRipeIdentityStore? store = null) =>
            new ProcessAmbientContext(anonymousId, store);

        /// <summary>
        /// A context with no ambient identity: every call must pass a <see cref="RipeIdentity"/>, and one that does not
        /// throws <see cref="System.InvalidOperationException"/> with <paramref name="reason"/>. For servers, where a
        /// process-wide identity would attach one user's identity to another user's events.
        /// </summary>
        public static RipeAmbientContext None(string reason) => new NoAmbientContext(reason);
    }
}
