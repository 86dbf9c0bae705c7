using RipeTyped.Delivery.Spool;

namespace RipeTyped.Delivery
{
    /// <summary>
    /// One serialized message waiting for delivery. Messages are serialized at the call so later changes to the
    /// caller's objects cannot alter what is sent.
    /// </summary>
    internal sealed class OutgoingMessage
    {
        public OutgoingMessage(RipeCall call, string messageId, byte[] body)
        {
            Call = call;
            MessageId = messageId;
            Body = body;
        }

        public RipeCall Call { get; }

        public string MessageId { get; }

        public byte[] Body { get; }

        /// <summary>The flush generation the message was accepted in; a flush waits for its generation and older ones.</summary>
        public FlushEpoch? Epoch { get; set; }

        /// <summary>The spool segment holding the message, or null when it lives in memory only.</summary>
        public SpoolSegment? Segment { get; set; }

        /// <summary>The record's byte offset in <see cref="Segment"/>, written to the acknowledgement file once delivered.</summary>
        public long SegmentOffset { get; set; }

        /// <summary>HTTP attempts so far (since the last fresh start of a spooled message).</summary>
        public int Attempts { get; set; }

        /// <summary>The last attempt's outcome, for the report when the message is given up on.</summary>
        public SendAttempt? LastAttempt { get; set; }
    }
}
