using System.Threading.Tasks;

namespace RipeTyped.Delivery
{
    /// <summary>
    /// A generation of accepted messages between two flushes. With several requests in flight messages finish out of
    /// order, so a flush cannot wait for "the queue position it was given"; it seals the current generation and waits
    /// until it and all older ones have no message pending.
    /// </summary>
    internal sealed class FlushEpoch
    {
        /// <summary>Messages accepted in this generation and not yet finished (delivered, failed or left in the spool).</summary>
        public long Pending;

        /// <summary>True once a flush started a newer generation: nothing more will be added.</summary>
        public bool Sealed;

        public TaskCompletionSource<bool> Drained { get; } = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
