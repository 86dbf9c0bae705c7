using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using RipeTyped.Delivery;

namespace RipeTyped.Testing
{
    /// <summary>One HTTP request the <see cref="RipeTestServer"/> received.</summary>
    public sealed class ReceivedRequest
    {
        internal ReceivedRequest(string method, string path, IReadOnlyDictionary<string, string> headers, string body)
        {
            Method = method;
            Path = path;
            Headers = headers;
            Body = body;
            ReceivedAt = System.DateTimeOffset.UtcNow;
        }

        /// <summary>When the request had been read in full (UTC).</summary>
        public System.DateTimeOffset ReceivedAt { get; }

        /// <summary>The HTTP method, e.g. <c>POST</c>.</summary>
        public string Method { get; }

        /// <summary>The URL path, e.g. <c>/event/track</c>.</summary>
        public string Path { get; }

        /// <summary>Request headers (content headers included), by case-insensitive name.</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        /// <summary>The body as UTF-8 text.</summary>
        public string Body { get; }

        /// <summary>The body parsed as JSON.</summary>
        /// <exception cref="JsonException">The body is not JSON.</exception>
        public JsonElement Json
        {
            get
            {
                using var document = JsonDocument.Parse(Body);
                return document.RootElement.Clone();
            }
        }

        /// <summary>The last segment of the path: <c>identify</c>, <c>track</c>, <c>page</c> or <c>group</c>.</summary>
        public string Call => Path.Substring(Path.LastIndexOf('/') + 1);

        /// <summary>The API call <see cref="Call"/> names, or null when it names none.</summary>
        internal RipeCall? KnownCall => RipeCalls.All.Where(c => c.Path() == Call).Select(c => (RipeCall?)c).FirstOrDefault();
    }
}
