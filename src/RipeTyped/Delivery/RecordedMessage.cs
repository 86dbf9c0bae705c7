namespace RipeTyped.Delivery
{
    /// <summary>A message a recording client would have sent: the call, its fields, the typed payload and the exact JSON body.</summary>
    internal sealed class RecordedMessage
    {
        public RecordedMessage(string call, CallFields fields, IRipeProperties? payload, byte[] body)
        {
            Call = call;
            Fields = fields;
            Payload = payload;
            Body = body;
        }

        public string Call { get; }

        public CallFields Fields { get; }

        public IRipeProperties? Payload { get; }

        public byte[] Body { get; }
    }
}
