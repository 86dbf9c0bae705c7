using RipeTyped.Serialization;

namespace RipeTyped.Delivery
{
    /// <summary>A message a recording client would have sent: what the call carried and the exact JSON body.</summary>
    internal sealed class RecordedMessage
    {
        public RecordedMessage(in CallContent content, byte[] body)
        {
            Content = content;
            Body = body;
        }

        public CallContent Content { get; }

        public byte[] Body { get; }
    }
}
