using System.Threading.Tasks;

namespace RipeTyped.Delivery
{
    /// <summary>
    /// One queued unit of work: a serialized message, or a flush marker completed when the worker reaches it.
    /// Messages are serialized at the call so later changes to the caller's objects cannot alter what is sent.
    /// </summary>
    internal sealed class OutgoingMessage
    {
        private OutgoingMessage(string call, string messageId, byte[] body, TaskCompletionSource<bool>? flushed)
        {
            Call = call;
            MessageId = messageId;
            Body = body;
            Flushed = flushed;
        }

        public string Call { get; }

        public string MessageId { get; }

        public byte[] Body { get; }

        public TaskCompletionSource<bool>? Flushed { get; }

        public static OutgoingMessage Message(string call, string messageId, byte[] body) => new OutgoingMessage(call, messageId, body, null);

        public static OutgoingMessage FlushMarker() =>
            new OutgoingMessage("", "", System.Array.Empty<byte>(), new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
