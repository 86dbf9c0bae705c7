using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Acme.Analytics;
using RipeTyped.Testing;

namespace RipeTyped.Tests;

/// <summary>The generated facade over the real sender, against a Ripe-compatible receiver on loopback.</summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private const string ApiKey = "test-key-123";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly Regex IsoTimestamp = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$");

    private RipeTestServer _server = null!;
    private RipeClient _client = null!;
    private AcmeAnalytics _analytics = null!;
    private readonly List<RipeDeliveryReport> _failures = new();

    public Task InitializeAsync()
    {
        _server = RipeTestServer.Start(ApiKey);
        _client = new RipeClient(new RipeClientOptions
        {
            ApiKey = ApiKey,
            Endpoint = _server.Endpoint,
            AnonymousId = "anon-1",
            MaxConcurrentRequests = 1, // these tests read requests in call order, which one request at a time keeps
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            OnMessageFailed = r => { lock (_failures) { _failures.Add(r); } },
        });
        _analytics = new AcmeAnalytics(_client);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    private async Task<ReceivedRequest> SingleRequestAsync()
    {
        await _analytics.FlushAsync();
        Assert.Empty(_failures);
        return Assert.Single(_server.Requests);
    }

    private static void AssertEnvelope(ReceivedRequest request, string path)
    {
        Assert.Equal("POST", request.Method);
        Assert.Equal("/event/" + path, request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(ApiKey)), request.Headers["Authorization"]);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        var json = request.Json;
        Assert.True(Guid.TryParse(json.GetProperty("messageId").GetString(), out _));
        Assert.Matches(IsoTimestamp, json.GetProperty("timestamp").GetString()!);
    }

    private static void AssertJson(string expected, JsonElement actual) =>
        Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(expected).RootElement), JsonSerializer.Serialize(actual));

    private static JsonElement Without(JsonElement json, params string[] names)
    {
        var copy = json.EnumerateObject().Where(p => !names.Contains(p.Name)).ToDictionary(p => p.Name, p => p.Value);
        return JsonSerializer.SerializeToElement(copy);
    }

    [Fact]
    public async Task Identify_posts_traits_and_sets_the_ambient_user()
    {
        _analytics.Identify("user-42", new UserTraits { Email = "ada@example.com", Plan = PlanTier.Pro, MarketingOptIn = null });

        var request = await SingleRequestAsync();
        AssertEnvelope(request, "identify");
        AssertJson("""
            {"userId":"user-42","anonymousId":"anon-1","traits":{"email":"ada@example.com","plan":"pro","marketing_opt_in":null}}
            """, Without(request.Json, "messageId", "timestamp"));
        Assert.Equal("user-42", _client.UserId);
    }

    [Fact]
    public async Task Track_posts_the_event_name_from_the_plan_and_typed_properties()
    {
        _analytics.TrackClickedBookADemoButton(new ClickedBookADemoButtonProperties { SourcePage = "/pricing", Seats = 5 });

        var request = await SingleRequestAsync();
        AssertEnvelope(request, "track");
        AssertJson("""
            {"anonymousId":"anon-1","event":"Clicked Book a Demo Button","properties":{"source_page":"/pricing","seats":5}}
            """, Without(request.Json, "messageId", "timestamp"));
    }

    [Fact]
    public async Task Page_posts_name_properties_and_context_page()
    {
        _analytics.Group("acme-1", new GroupTraits { Name = "Acme", Plan = PlanTier.Enterprise });
        await _analytics.FlushAsync();
        _analytics.PagePricing(
            new PricingPageProperties { BillingPeriod = PricingPageProperties.BillingPeriodKind.Yearly },
            new RipePageContext { Path = "/pricing", Referrer = "https://ref.example/", Search = "?a=1", Title = "Pricing", Url = "https://app.example/pricing?a=1" });
        await _analytics.FlushAsync();

        var request = _server.Requests[1];
        AssertEnvelope(request, "page");
        AssertJson("""
            {"anonymousId":"anon-1","name":"Pricing","properties":{"billing_period":"yearly"},
             "context":{"groupId":"acme-1","page":{"path":"/pricing","referrer":"https://ref.example/","search":"?a=1","title":"Pricing","url":"https://app.example/pricing?a=1"}}}
            """, Without(request.Json, "messageId", "timestamp"));
    }

    [Fact]
    public async Task Group_posts_group_id_and_traits_and_sets_the_ambient_group()
    {
        _analytics.Group("acme-1", new GroupTraits
        {
            Name = "Acme",
            Plan = PlanTier.Enterprise,
            Seats = 25,
            BillingAddress = new BillingAddress { Country = "DE" },
        });
        _analytics.TrackLoggedOut();

        await _analytics.FlushAsync();
        var group = _server.Requests[0];
        AssertEnvelope(group, "group");
        AssertJson("""
            {"anonymousId":"anon-1","groupId":"acme-1","traits":{"name":"Acme","plan":"enterprise","seats":25,"billing_address":{"country":"DE"}}}
            """, Without(group.Json, "messageId", "timestamp"));
        Assert.Equal("acme-1", _server.Requests[1].Json.GetProperty("context").GetProperty("groupId").GetString());
    }

    [Fact]
    public async Task Explicit_identity_overrides_and_leaves_the_ambient_identity_alone()
    {
        _analytics.Identify("ambient-user", new UserTraits { Email = "a@b.c", MarketingOptIn = true });
        _analytics.TrackInvitedTeammate(
            new InvitedTeammateProperties { Role = InvitedTeammateProperties.RoleKind.Admin },
            new RipeIdentity("user-7", anonymousId: null, groupId: "acme-9"));
        _analytics.TrackLoggedOut();
        await _analytics.FlushAsync();

        var explicitCall = _server.Requests[1].Json;
        Assert.Equal("user-7", explicitCall.GetProperty("userId").GetString());
        Assert.False(explicitCall.TryGetProperty("anonymousId", out _));
        Assert.Equal("acme-9", explicitCall.GetProperty("context").GetProperty("groupId").GetString());
        Assert.Equal("ambient-user", _server.Requests[2].Json.GetProperty("userId").GetString());
        Assert.Equal("ambient-user", _client.UserId);
    }

    [Fact]
    public void An_identity_without_user_or_anonymous_id_is_rejected_at_the_call()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RipeIdentity(null, " "));
        Assert.Contains("userId or an anonymousId", ex.Message);
    }

    [Fact]
    public async Task Every_message_gets_its_own_message_id()
    {
        for (int i = 0; i < 20; i++)
        {
            _analytics.TrackLoggedOut();
        }

        await _analytics.FlushAsync();
        Assert.Equal(20, _server.Requests.Select(r => r.Json.GetProperty("messageId").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Transient_failures_are_retried_with_the_same_message_id()
    {
        int calls = 0;
        _server.Responder = _ => ++calls <= 2 ? 503 : 200;

        _analytics.TrackLoggedOut();
        await _analytics.FlushAsync();

        Assert.Equal(3, _server.Requests.Count);
        Assert.Single(_server.Requests.Select(r => r.Json.GetProperty("messageId").GetString()).Distinct());
        Assert.Equal(1, _client.Statistics.Delivered);
        Assert.Equal(2, _client.Statistics.Retries);
        Assert.Empty(_failures);
    }

    [Fact]
    public async Task Rejected_messages_are_reported_not_retried()
    {
        _server.Responder = _ => 400;

        _analytics.TrackLoggedOut();
        await _analytics.FlushAsync();

        Assert.Single(_server.Requests);
        var failure = Assert.Single(_failures);
        Assert.Equal(400, failure.StatusCode);
        Assert.Equal(1, _client.Statistics.Failed);
    }

    [Fact]
    public async Task Dispose_delivers_everything_queued()
    {
        for (int i = 0; i < 50; i++)
        {
            _analytics.TrackStartedTrial(new StartedTrialProperties { Plan = PlanTier.Free, TrialDays = 14, EndsAt = DateTimeOffset.UnixEpoch });
        }

        await _client.DisposeAsync();

        Assert.Equal(50, _server.Requests.Count);
        Assert.Throws<ObjectDisposedException>(() => _analytics.TrackLoggedOut());
    }

    [Fact]
    public async Task Values_breaking_plan_constraints_throw_at_the_call_and_send_nothing()
    {
        var ex = Assert.Throws<RipeValidationException>(() =>
            _analytics.TrackClickedBookADemoButton(new ClickedBookADemoButtonProperties { SourcePage = "pricing", Seats = 0 }));

        Assert.Contains(ex.Errors, e => e.Path == "properties.source_page");
        Assert.Contains(ex.Errors, e => e.Path == "properties.seats" && e.Message.Contains("minimum 1", StringComparison.Ordinal));
        await _analytics.FlushAsync();
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Date_times_are_sent_as_utc_iso_8601_with_milliseconds()
    {
        _analytics.TrackStartedTrial(new StartedTrialProperties
        {
            Plan = PlanTier.Pro,
            TrialDays = 14,
            EndsAt = new DateTimeOffset(2026, 12, 8, 10, 0, 0, 250, TimeSpan.FromHours(2)),
        });

        var request = await SingleRequestAsync();
        Assert.Equal("2026-12-08T08:00:00.250Z", request.Json.GetProperty("properties").GetProperty("ends_at").GetString());
    }

    [Fact]
    public async Task Reset_forgets_user_and_group_and_starts_a_new_anonymous_id()
    {
        _analytics.Identify("user-1", new UserTraits { Email = "a@b.c", MarketingOptIn = false });
        _analytics.Group("g-1", new GroupTraits { Name = "G", Plan = PlanTier.Free });
        _client.Reset();
        _analytics.TrackLoggedOut();
        await _analytics.FlushAsync();

        var json = _server.Requests[2].Json;
        Assert.False(json.TryGetProperty("userId", out _));
        Assert.False(json.TryGetProperty("context", out _));
        Assert.NotEqual("anon-1", json.GetProperty("anonymousId").GetString());
    }

    [Fact]
    public async Task Api_key_check_uses_the_auth_endpoint()
    {
        Assert.True(await _client.CheckApiKeyAsync());
        await using var wrongKey = new RipeClient(new RipeClientOptions { ApiKey = "wrong", Endpoint = _server.Endpoint });
        Assert.False(await wrongKey.CheckApiKeyAsync());
    }

    [Fact]
    public async Task Identify_with_an_explicit_identity_does_not_change_the_ambient_user()
    {
        _analytics.Identify(RipeIdentity.ForUser("other-user"), new UserTraits { Email = "o@b.c", MarketingOptIn = true });
        await _analytics.FlushAsync();

        Assert.Equal("other-user", _server.Requests[0].Json.GetProperty("userId").GetString());
        Assert.Null(_client.UserId);
    }

    [Fact]
    public async Task Shutdown_timeout_stops_retries_and_reports_every_undelivered_message()
    {
        _server.Responder = _ => 503;
        var failed = new List<RipeDeliveryReport>();
        var client = new RipeClient(new RipeClientOptions
        {
            ApiKey = ApiKey,
            Endpoint = _server.Endpoint,
            MaxRetries = 1000,
            RetryBaseDelay = TimeSpan.FromSeconds(1),
            ShutdownTimeout = TimeSpan.FromMilliseconds(100),
            OnMessageFailed = r => { lock (failed) { failed.Add(r); } },
        });
        for (int i = 0; i < 5; i++)
        {
            client.Track("Logged Out");
        }

        await client.DisposeAsync();

        Assert.Equal(5, failed.Count);
        Assert.Contains(failed, f => f.Exception?.Message.Contains("ShutdownTimeout", StringComparison.Ordinal) == true);
        Assert.Equal(5, client.Statistics.Failed);
        Assert.Equal(0, client.Statistics.Delivered);
    }
}
