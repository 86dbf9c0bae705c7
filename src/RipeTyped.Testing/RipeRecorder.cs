using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using RipeTyped.Delivery;

namespace RipeTyped.Testing
{
    /// <summary>
    /// A <see cref="RipeClient"/> for unit tests that records instead of sending. Each call runs what a real call runs —
    /// identity, the plan's validation (as <see cref="RipeClientOptions.ValidationMode"/> says; <c>Throw</c> by default),
    /// serialization to the exact JSON body — then is recorded synchronously: no background thread, no socket, no
    /// flush needed. Give <see cref="Client"/> (or the generated facade over it) to the code under test and assert on
    /// <see cref="Calls"/>, or with <see cref="AssertTracked(string)"/> and friends, which work with any test framework.
    /// </summary>
    /// <example>
    /// <code>
    /// var recorder = new RipeRecorder();
    /// new Checkout(new AcmeAnalytics(recorder.Client)).Pay(order);
    /// var call = recorder.AssertTracked("Order Completed");
    /// Assert.Equal(42, call.Properties.GetProperty("total").GetDouble());
    /// </code>
    /// </example>
    public sealed class RipeRecorder
    {
        private readonly List<RecordedCall> _calls = new List<RecordedCall>();

        /// <summary>Creates a recorder; <paramref name="configure"/> may set options such as AnonymousId or ValidationMode.</summary>
        public RipeRecorder(Action<RipeClientOptions>? configure = null)
        {
            const string DefaultAnonymousId = "recorder-anonymous-id";
            var options = new RipeClientOptions { ApiKey = "recorder", Endpoint = new Uri("http://127.0.0.1/recorder"), AnonymousId = DefaultAnonymousId };
            configure?.Invoke(options);
            if ((options.AmbientContext != null || options.IdentityStore != null) && options.AnonymousId == DefaultAnonymousId)
            {
                // The fixed default id is for the process-wide identity without a store; the test chose another source.
                options.AnonymousId = null;
            }

            Client = new RipeClient(options, Record);
        }

        /// <summary>The recording client: pass it where the code under test takes a <see cref="RipeClient"/>.</summary>
        public RipeClient Client { get; }

        /// <summary>Every call so far, in order.</summary>
        public IReadOnlyList<RecordedCall> Calls
        {
            get
            {
                lock (_calls)
                {
                    return _calls.ToList();
                }
            }
        }

        /// <summary>The track calls so far, in order.</summary>
        public IReadOnlyList<RecordedCall> Tracks => Calls.Where(c => c.Kind == RipeCall.Track).ToList();

        /// <summary>Forgets the calls recorded so far.</summary>
        public void Clear()
        {
            lock (_calls)
            {
                _calls.Clear();
            }
        }

        /// <summary>The one track call of <paramref name="eventName"/>; fails, listing what was recorded, if there is none or several.</summary>
        /// <exception cref="RipeAssertionException">Not exactly one such call.</exception>
        public RecordedCall AssertTracked(string eventName) => AssertTracked(eventName, _ => true, "");

        /// <summary>The one track call of <paramref name="eventName"/> whose call matches <paramref name="matches"/>.</summary>
        /// <exception cref="RipeAssertionException">Not exactly one such call.</exception>
        public RecordedCall AssertTracked(string eventName, Func<RecordedCall, bool> matches) => AssertTracked(eventName, matches, " matching the condition");

        /// <summary>Fails, listing what was recorded, if <paramref name="eventName"/> was tracked.</summary>
        /// <exception cref="RipeAssertionException">The event was tracked.</exception>
        public void AssertNotTracked(string eventName)
        {
            var found = Tracks.Where(c => c.EventName == eventName).ToList();
            if (found.Count > 0)
            {
                throw new RipeAssertionException($"Expected no track call of '{eventName}', but {Recorded(found.Count, "was", "were")}.\n{Describe()}");
            }
        }

        private static string Recorded(int count, string one, string many) => $"{count} {(count == 1 ? one : many)} recorded";

        /// <summary>Fails, listing what was recorded, unless exactly <paramref name="count"/> calls were recorded.</summary>
        /// <exception cref="RipeAssertionException">Another number of calls was recorded.</exception>
        public void AssertCallCount(int count)
        {
            int actual = Calls.Count;
            if (actual != count)
            {
                throw new RipeAssertionException($"Expected {count} call(s), but {Recorded(actual, "was", "were")}.\n{Describe()}");
            }
        }

        /// <summary>Every recorded call, one a line: what a failure message shows.</summary>
        public string Describe()
        {
            var calls = Calls;
            if (calls.Count == 0)
            {
                return "Recorded: nothing.";
            }

            var text = new StringBuilder("Recorded:");
            for (int i = 0; i < calls.Count; i++)
            {
                text.Append('\n').Append("  ").Append(i + 1).Append(". ").Append(calls[i]);
            }

            return text.ToString();
        }

        private RecordedCall AssertTracked(string eventName, Func<RecordedCall, bool> matches, string condition)
        {
            var found = Tracks.Where(c => c.EventName == eventName && matches(c)).ToList();
            if (found.Count == 1)
            {
                return found[0];
            }

            throw new RipeAssertionException(found.Count == 0
                ? $"Expected a track call of '{eventName}'{condition}, but there was none.\n{Describe()}"
                : $"Expected one track call of '{eventName}'{condition}, but {Recorded(found.Count, "was", "were")}.\n{Describe()}");
        }

        private void Record(RecordedMessage message)
        {
            var content = message.Content;
            var call = new RecordedCall(content.Call, content.EventName, content.PageName, content.GroupId, content.Payload, message.Body);
            lock (_calls)
            {
                _calls.Add(call);
            }

            RipeCoverage.Add(call);
        }
    }

    /// <summary>One call a <see cref="RipeRecorder"/> recorded: what would have been sent, typed and as JSON.</summary>
    public sealed class RecordedCall
    {
        internal RecordedCall(RipeCall call, string? eventName, string? pageName, string? groupId, IRipeProperties? payload, byte[] body)
        {
            Kind = call;
            Call = call.Path();
            EventName = eventName;
            PageName = pageName;
            GroupId = groupId;
            Payload = payload;
            Json = Encoding.UTF8.GetString(body);
            Body = JsonDocument.Parse(body).RootElement.Clone();
        }

        /// <summary><c>track</c>, <c>page</c>, <c>identify</c> or <c>group</c>.</summary>
        public string Call { get; }

        /// <summary>The call, typed: <see cref="Call"/> is its path.</summary>
        internal RipeCall Kind { get; }

        /// <summary>The event name of a track call.</summary>
        public string? EventName { get; }

        /// <summary>The page name of a page call.</summary>
        public string? PageName { get; }

        /// <summary>The group id of a group call.</summary>
        public string? GroupId { get; }

        /// <summary>The properties or traits object the code passed (the generated type, or <see cref="RipeProperties"/>).</summary>
        public IRipeProperties? Payload { get; }

        /// <summary>The exact JSON body that would have been sent.</summary>
        public string Json { get; }

        /// <summary>The JSON body, parsed.</summary>
        public JsonElement Body { get; }

        /// <summary>The body's <c>properties</c> (track, page) or <c>traits</c> (identify, group); an empty object when there are none.</summary>
        public JsonElement Properties =>
            Body.TryGetProperty(Kind.PayloadName(), out var value) ? value : JsonDocument.Parse("{}").RootElement;

        /// <summary>The <c>userId</c> sent, or null.</summary>
        public string? UserId => Body.TryGetProperty("userId", out var value) ? value.GetString() : null;

        /// <summary>The <c>anonymousId</c> sent, or null.</summary>
        public string? AnonymousId => Body.TryGetProperty("anonymousId", out var value) ? value.GetString() : null;

        /// <summary>The typed payload as <typeparamref name="T"/> (the generated properties class).</summary>
        /// <exception cref="RipeAssertionException">The payload is not a <typeparamref name="T"/>.</exception>
        public T PayloadAs<T>()
            where T : class, IRipeProperties =>
            Payload as T ?? throw new RipeAssertionException($"The {Call} call's payload is {(Payload is null ? "null" : Payload.GetType().Name)}, not {typeof(T).Name}.");

        /// <summary>One line: the call, its name and its JSON payload.</summary>
        public override string ToString() =>
            Call + (EventName != null ? $" '{EventName}'" : PageName != null ? $" '{PageName}'" : GroupId != null ? $" '{GroupId}'" : "") + " " + Properties.GetRawText();
    }

    /// <summary>A failed <see cref="RipeRecorder"/> assertion: the message lists what was recorded instead.</summary>
    public sealed class RipeAssertionException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public RipeAssertionException(string message)
            : base(message)
        {
        }
    }
}
