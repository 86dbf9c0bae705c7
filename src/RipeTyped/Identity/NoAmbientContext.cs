using System;

namespace RipeTyped
{
    /// <summary>No ambient identity at all: every call passes its own (servers without a per-request context).</summary>
    internal sealed class NoAmbientContext : RipeAmbientContext
    {
        private readonly string _reason;

        public NoAmbientContext(string reason) => _reason = reason ?? throw new ArgumentNullException(nameof(reason));

        public override RipeIdentity? Identity => null;

        public override RipeIdentity Identify(string userId) => throw new InvalidOperationException(DescribeMissingIdentity("identify"));

        public override RipeIdentity Group(string groupId) => throw new InvalidOperationException(DescribeMissingIdentity("group"));

        public override void Reset()
        {
            // Nothing ambient to forget.
        }

        public override string DescribeMissingIdentity(string call) => $"The Ripe {call} call passed no identity, and this client has no ambient identity: {_reason}";
    }
}
