using RipeTyped.Delivery;

namespace RipeTyped.Serialization
{
    /// <summary>
    /// Everything one call sends, apart from the messageId and timestamp the client adds: who, the call's own top-level
    /// field (track's <c>event</c>, page's <c>name</c>, group's <c>groupId</c>), the payload and the context.
    /// </summary>
    internal readonly struct CallContent
    {
        public CallContent(RipeCall call, string? userId, string? anonymousId, IRipeProperties? payload)
        {
            Call = call;
            UserId = userId;
            AnonymousId = anonymousId;
            Payload = payload;
            EventName = null;
            PageName = null;
            GroupId = null;
            ContextGroupId = null;
            ContextPage = null;
        }

        public RipeCall Call { get; }

        public string? UserId { get; }

        public string? AnonymousId { get; }

        public IRipeProperties? Payload { get; }

        public string? EventName { get; init; }

        public string? PageName { get; init; }

        /// <summary>Group's own <c>groupId</c> (the group joined).</summary>
        public string? GroupId { get; init; }

        /// <summary>The ambient group, sent as <c>context.groupId</c> on the other calls.</summary>
        public string? ContextGroupId { get; init; }

        public RipePageContext? ContextPage { get; init; }

        /// <summary>How the call is named in messages: <c>The track call 'Signed Up'</c>.</summary>
        public string Describe() => EventName is null ? $"The {Call.Path()} call" : $"The {Call.Path()} call '{EventName}'";
    }
}
