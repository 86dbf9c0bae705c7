using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using RipeTyped.Testing;

namespace RipeTyped.Tests.Delivery;

/// <summary>Bad options fail at construction naming the option; the API key never leaks into text.</summary>
public sealed class OptionsTests
{
    private const string SecretKey = "sk_live_very_secret_4242";

    public static IEnumerable<object[]> BadOptions()
    {
        yield return Case("ApiKey", o => o.ApiKey = " ");
        yield return Case("Endpoint", o => o.Endpoint = new Uri("ftp://example.com/event"));
        yield return Case("Endpoint", o => o.Endpoint = new Uri("http://api.example.com/event"));
        yield return Case("MaxConcurrentRequests", o => o.MaxConcurrentRequests = 0);
        yield return Case("MaxQueueLength", o => o.MaxQueueLength = 0);
        yield return Case("MaxRetries", o => o.MaxRetries = -1);
        yield return Case("MaxMessageBytes", o => o.MaxMessageBytes = 10);
        yield return Case("RequestTimeout", o => o.RequestTimeout = TimeSpan.Zero);
        yield return Case("RetryBaseDelay", o => o.RetryBaseDelay = TimeSpan.FromSeconds(-1));
        yield return Case("ShutdownTimeout", o => o.ShutdownTimeout = TimeSpan.FromSeconds(-1));
        yield return Case("SpoolDirectory", o => o.SpoolDirectory = "  ");
    }

    private static object[] Case(string option, Action<RipeClientOptions> breakIt) => new object[] { option, breakIt };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Invalid_options_fail_fast_naming_the_option(string option, Action<RipeClientOptions> breakIt)
    {
        var options = new RipeClientOptions { ApiKey = SecretKey, Endpoint = new Uri("https://api.example.com/event") };
        breakIt(options);

        var error = Assert.ThrowsAny<ArgumentException>(() => new RipeClient(options));

        Assert.Equal(option, error.ParamName);
        Assert.Contains("RipeClientOptions." + option, error.Message);
        Assert.DoesNotContain(SecretKey, error.Message);
    }

    [Fact]
    public async Task Plain_http_is_allowed_for_loopback_only()
    {
        await using var client = new RipeClient(new RipeClientOptions { ApiKey = SecretKey, Endpoint = new Uri("http://127.0.0.1:9/event") });
        await using var named = new RipeClient(new RipeClientOptions { ApiKey = SecretKey, Endpoint = new Uri("http://localhost:9/event") });
    }

    [Fact]
    public async Task An_oversized_message_is_refused_at_the_call_with_its_size_and_the_limit()
    {
        await using var client = new RipeClient(new RipeClientOptions { ApiKey = SecretKey, Endpoint = new Uri("http://127.0.0.1:9/event"), MaxMessageBytes = 1024 });

        var error = Assert.Throws<ArgumentException>(() => client.Track("Big Event", new RipeProperties { ["blob"] = new string('x', 2000) }));

        Assert.Contains("'Big Event'", error.Message);
        Assert.Contains("MaxMessageBytes (1,024)", error.Message);
        Assert.Equal(0, client.Statistics.Enqueued);
    }

    [Fact]
    public async Task The_api_key_appears_in_no_log_ToString_or_report()
    {
        await using var server = RipeTestServer.Start(SecretKey);
        server.Faults = request => request.Json.GetProperty("event").GetString() == "Rejected" ? RipeTestReply.WithStatus(401) : RipeTestReply.WithStatus(503);
        var logger = new RecordingLogger();
        var texts = new List<string>();
        var options = new RipeClientOptions
        {
            ApiKey = SecretKey,
            Endpoint = server.Endpoint,
            AnonymousId = "a",
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            Logger = logger,
            OnMessageFailed = r => { lock (texts) { texts.Add(r.ToString()); texts.Add(r.ResponseBody ?? ""); } },
        };
        var client = new RipeClient(options);
        client.Track("Rejected");
        client.Track("Retried");
        await client.FlushAsync();

        texts.Add(options.ToString());
        texts.Add(client.ToString());
        await client.DisposeAsync();
        texts.AddRange(logger.Lines);

        Assert.Contains(logger.Lines, l => l.Contains("HTTP 401", StringComparison.Ordinal));
        Assert.Contains(logger.Lines, l => l.Contains("Giving up", StringComparison.Ordinal));
        string base64Key = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(SecretKey));
        Assert.All(texts, t => Assert.DoesNotContain(SecretKey, t));
        Assert.All(texts, t => Assert.DoesNotContain(base64Key, t));
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add($"{logLevel}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
