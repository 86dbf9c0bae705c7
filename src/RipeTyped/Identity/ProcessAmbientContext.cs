using System;

namespace RipeTyped
{
    /// <summary>One identity for the whole process (console, desktop, worker and browser apps: one user each).</summary>
    internal sealed class ProcessAmbientContext : RipeAmbientContext
    {
        private readonly object _lock = new object();
        private readonly IRipeIdentityStore? _store;

        // Replaced whole on every change, so a call reads it without a lock and without allocating.
        private volatile RipeIdentity _current;

        public ProcessAmbientContext(string? anonymousId, IRipeIdentityStore? store)
        {
            _store = store;
            string? id = string.IsNullOrWhiteSpace(anonymousId) ? LoadStored() : anonymousId;
            if (id is null)
            {
                id = NewId();
                Store(id);
            }

            _current = RipeIdentity.ForAnonymous(id);
        }

        public override RipeIdentity Identity => _current;

        public override RipeIdentity Identify(string userId)
        {
            lock (_lock)
            {
                var now = _current;
                return _current = new RipeIdentity(userId, now.AnonymousId, now.GroupId);
            }
        }

        public override RipeIdentity Group(string groupId)
        {
            lock (_lock)
            {
                var now = _current;
                return _current = new RipeIdentity(now.UserId, now.AnonymousId, groupId);
            }
        }

        public override void Reset()
        {
            string id = NewId();
            lock (_lock)
            {
                // Stored under the lock too: two Resets at once must leave the file holding the id in use.
                _current = RipeIdentity.ForAnonymous(id);
                Store(id);
            }
        }

        internal static string NewId() => Guid.NewGuid().ToString("D");

        private string? LoadStored()
        {
            string? stored = _store?.LoadAnonymousId();
            return string.IsNullOrWhiteSpace(stored) ? null : stored;
        }

        private void Store(string id) => _store?.SaveAnonymousId(id);
    }
}
