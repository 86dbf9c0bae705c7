using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using RipeTyped.Testing;
using Shop.Analytics;
using Xunit.Abstractions;

namespace RipeTyped.AspNetCore.Tests;

/// <summary>Every call made while handling a request carries that request's identity, on a real Kestrel server.</summary>
public sealed class RequestIdentityTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly ITestOutputHelper _output;

    public RequestIdentityTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Two_thousand_concurrent_requests_of_50_users_and_10_visitors_each_carry_their_own_identity()
    {
        const int Users = 50, OrdersPerUser = 30, Visitors = 10, VisitsPerVisitor = 50, Concurrency = 64;
        await using var receiver = RipeTestServer.Start("shop-key");
        await using var shop = await ShopApp.StartAsync(receiver);

        // One HttpClient (with its cookie jar) per user and per visitor, as each would have a browser.
        var clients = new Dictionary<string, HttpClient>();
        var requests = new List<(string Who, HttpRequestMessage Request)>();
        for (int u = 0; u < Users; u++)
        {
            string user = $"user-{u:00}";
            clients[user] = NewBrowser(shop.Address);
            for (int n = 0; n < OrdersPerUser; n++)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, $"/orders/{user}.{n}");
                request.Headers.Add("X-User", user);
                requests.Add((user, request));
            }
        }

        for (int v = 0; v < Visitors; v++)
        {
            string visitor = $"visitor-{v:00}";
            clients[visitor] = NewBrowser(shop.Address);
            for (int n = 0; n < VisitsPerVisitor; n++)
            {
                requests.Add((visitor, new HttpRequestMessage(HttpMethod.Post, $"/visits/{visitor}")));
            }
        }

        // Each browser's first request goes alone (it gets the cookie); the rest are shuffled and run 64 at a time.
        var first = requests.GroupBy(r => r.Who).Select(g => g.First()).ToList();
        var rest = requests.Except(first).OrderBy(_ => Random.Shared.Next()).ToList();
        foreach (var (who, request) in first)
        {
            (await clients[who].SendAsync(request)).EnsureSuccessStatusCode();
        }

        using var slots = new SemaphoreSlim(Concurrency);
        int peak = 0, inFlight = 0;
        await Task.WhenAll(rest.Select(async r =>
        {
            await slots.WaitAsync();
            try
            {
                int now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref peak, now);
                (await clients[r.Who].SendAsync(r.Request)).EnsureSuccessStatusCode();
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
                slots.Release();
            }
        }));

        int expected = Users * OrdersPerUser * 2 + Visitors * VisitsPerVisitor; // identify + track per order
        var received = (await receiver.WaitForRequestsAsync(expected, Patience)).Select(r => r.Json).ToList();

        int mismatches = 0;
        var anonymousIdsOf = new Dictionary<string, HashSet<string>>();
        foreach (var json in received)
        {
            string call = json.TryGetProperty("event", out var name) ? name.GetString()! : "identify";
            string? userId = json.TryGetProperty("userId", out var u) ? u.GetString() : null;
            string anonymousId = json.GetProperty("anonymousId").GetString()!;
            string owner;
            if (call == "Placed Order")
            {
                owner = json.GetProperty("properties").GetProperty("order_id").GetString()!.Split('.')[0];
                mismatches += userId == owner ? 0 : 1;
            }
            else if (call == "Viewed Product")
            {
                owner = json.GetProperty("properties").GetProperty("visitor").GetString()!;
                mismatches += userId is null ? 0 : 1;
            }
            else
            {
                owner = userId!;
            }

            if (!anonymousIdsOf.TryGetValue(owner, out var ids))
            {
                anonymousIdsOf[owner] = ids = new HashSet<string>();
            }

            ids.Add(anonymousId);
        }

        int splitVisitors = anonymousIdsOf.Count(p => p.Value.Count != 1);
        int sharedIds = anonymousIdsOf.Values.SelectMany(ids => ids).GroupBy(id => id).Count(g => g.Count() > 1);
        _output.WriteLine(
            $"{requests.Count} requests ({first.Count} first alone, {rest.Count} at up to {Concurrency} at once, peak {peak}); " +
            $"{received.Count} messages received; userId mismatches {mismatches}; browsers with more than one anonymousId {splitVisitors}; " +
            $"anonymousIds shared between browsers {sharedIds}; browsers {anonymousIdsOf.Count}.");
        Assert.Equal(expected, received.Count);
        Assert.Equal(Users + Visitors, anonymousIdsOf.Count);
        Assert.Equal(0, mismatches);
        Assert.Equal(0, splitVisitors);
        Assert.Equal(0, sharedIds);
    }

    [Fact]
    public async Task An_Identify_in_one_request_never_reaches_another_visitors_events()
    {
        await using var receiver = RipeTestServer.Start("shop-key");
        await using var shop = await ShopApp.StartAsync(receiver);
        using var alice = NewBrowser(shop.Address);
        using var bob = NewBrowser(shop.Address);

        (await alice.PostAsync("/login/alice", null)).EnsureSuccessStatusCode();
        (await bob.PostAsync("/orders/bob-order", null)).EnsureSuccessStatusCode();
        (await alice.PostAsync("/orders/alice-order", null)).EnsureSuccessStatusCode();

        var received = await receiver.WaitForRequestsAsync(3, Patience);
        var identify = Single(received, "identify");
        var bobsOrder = Single(received, "Placed Order", "bob-order");
        var alicesOrder = Single(received, "Placed Order", "alice-order");
        Assert.Equal("alice", identify.GetProperty("userId").GetString());
        Assert.False(bobsOrder.TryGetProperty("userId", out _), "bob's order carries a userId: " + bobsOrder);
        Assert.NotEqual(identify.GetProperty("anonymousId").GetString(), bobsOrder.GetProperty("anonymousId").GetString());

        // Alice's next request is not authenticated in this app, so it is her anonymous id that links it to her Identify.
        Assert.Equal(identify.GetProperty("anonymousId").GetString(), alicesOrder.GetProperty("anonymousId").GetString());
        Assert.False(alicesOrder.TryGetProperty("userId", out _));
    }

    [Fact]
    public async Task Without_the_request_integration_a_server_refuses_the_process_wide_identity_and_says_what_to_do()
    {
        await using var receiver = RipeTestServer.Start("shop-key");
        await using var shop = await ShopApp.StartAsync(receiver, requestIdentity: false);
        var analytics = shop.Services.GetRequiredService<IShopAnalytics>();

        var error = Assert.Throws<InvalidOperationException>(() => analytics.Identify("alice"));
        Assert.Contains("AddAspNetCore()", error.Message);
        Assert.Throws<InvalidOperationException>(() => analytics.TrackPlacedOrder(new PlacedOrderProperties { OrderId = "o" }));

        // An explicit identity still works: background work is unaffected.
        analytics.TrackPlacedOrder(new PlacedOrderProperties { OrderId = "o" }, RipeIdentity.ForUser("carol"));
        var received = await receiver.WaitForRequestsAsync(1, Patience);
        Assert.Equal("carol", received.Single().Json.GetProperty("userId").GetString());
    }

    [Fact]
    public async Task Outside_a_request_an_ambient_call_throws_naming_the_way_out_and_an_explicit_identity_is_sent()
    {
        await using var receiver = RipeTestServer.Start("shop-key");
        await using var shop = await ShopApp.StartAsync(receiver);
        var analytics = shop.Services.GetRequiredService<IShopAnalytics>();

        var error = Assert.Throws<InvalidOperationException>(() => analytics.TrackPlacedOrder(new PlacedOrderProperties { OrderId = "late" }));
        Assert.Contains("outside an HTTP request", error.Message);
        Assert.Contains("GetRipeIdentity", error.Message);
        Assert.Throws<InvalidOperationException>(() => analytics.Identify("dave"));

        analytics.TrackPlacedOrder(new PlacedOrderProperties { OrderId = "late" }, RipeIdentity.ForUser("dave"));
        var received = await receiver.WaitForRequestsAsync(1, Patience);
        Assert.Equal("dave", received.Single().Json.GetProperty("userId").GetString());
    }

    [Fact]
    public async Task An_endpoints_page_call_carries_the_requests_page_and_the_visitors_cookie_id()
    {
        await using var receiver = RipeTestServer.Start("shop-key");
        await using var shop = await ShopApp.StartAsync(receiver);
        using var browser = NewBrowser(shop.Address, out var cookies);
        var request = new HttpRequestMessage(HttpMethod.Get, "/products/p1?ref=mail");
        request.Headers.Referrer = new Uri("https://news.example/article");

        (await browser.SendAsync(request)).EnsureSuccessStatusCode();

        var page = (await receiver.WaitForRequestsAsync(1, Patience)).Single().Json;
        var context = page.GetProperty("context").GetProperty("page");
        Assert.Equal("Product", page.GetProperty("name").GetString());
        Assert.Equal("from-route", page.GetProperty("properties").GetProperty("sku").GetString());
        Assert.Equal("/products/p1", context.GetProperty("path").GetString());
        Assert.Equal("?ref=mail", context.GetProperty("search").GetString());
        Assert.Equal(new Uri(shop.Address, "/products/p1?ref=mail").ToString(), context.GetProperty("url").GetString());
        Assert.Equal("https://news.example/article", context.GetProperty("referrer").GetString());
        Assert.Equal("Product p1", context.GetProperty("title").GetString());
        Assert.Equal(cookies.GetCookies(shop.Address)["ripe_anonymous_id"]?.Value, page.GetProperty("anonymousId").GetString());
    }

    [Fact]
    public async Task Without_consent_no_cookie_is_set_and_each_request_is_its_own_anonymous_visitor()
    {
        await using var receiver = RipeTestServer.Start("shop-key");
        await using var shop = await ShopApp.StartAsync(receiver, aspNetCore: o => o.CanSetCookie = _ => false);
        using var browser = NewBrowser(shop.Address, out var cookies);

        (await browser.PostAsync("/visits/v", null)).EnsureSuccessStatusCode();
        (await browser.PostAsync("/visits/v", null)).EnsureSuccessStatusCode();

        var ids = (await receiver.WaitForRequestsAsync(2, Patience)).Select(r => r.Json.GetProperty("anonymousId").GetString()).ToList();
        Assert.Empty(cookies.GetCookies(shop.Address));
        Assert.Equal(2, ids.Distinct().Count());
    }

    [Fact]
    public async Task Reset_in_a_request_gives_the_visitor_a_new_anonymous_id_for_its_next_requests()
    {
        await using var receiver = RipeTestServer.Start("shop-key");
        await using var shop = await ShopApp.StartAsync(receiver);
        using var browser = NewBrowser(shop.Address, out var cookies);

        (await browser.PostAsync("/visits/before", null)).EnsureSuccessStatusCode();
        string? before = cookies.GetCookies(shop.Address)["ripe_anonymous_id"]?.Value;
        (await browser.PostAsync("/logout", null)).EnsureSuccessStatusCode();
        string? after = cookies.GetCookies(shop.Address)["ripe_anonymous_id"]?.Value;
        (await browser.PostAsync("/visits/after", null)).EnsureSuccessStatusCode();

        var received = await receiver.WaitForRequestsAsync(2, Patience);
        Assert.NotNull(before);
        Assert.NotEqual(before, after);
        Assert.Equal(before, Single(received, "Viewed Product", "before").GetProperty("anonymousId").GetString());
        Assert.Equal(after, Single(received, "Viewed Product", "after").GetProperty("anonymousId").GetString());
    }

    [Fact]
    public async Task The_group_the_app_names_for_a_request_goes_with_that_requests_calls()
    {
        await using var receiver = RipeTestServer.Start("shop-key");
        await using var shop = await ShopApp.StartAsync(receiver, aspNetCore: o => o.GroupId = context => context.Request.Headers["X-Workspace"].FirstOrDefault());
        using var browser = NewBrowser(shop.Address);
        var request = new HttpRequestMessage(HttpMethod.Post, "/visits/w");
        request.Headers.Add("X-Workspace", "acme");

        (await browser.SendAsync(request)).EnsureSuccessStatusCode();
        (await browser.PostAsync("/visits/none", null)).EnsureSuccessStatusCode();

        var received = await receiver.WaitForRequestsAsync(2, Patience);
        Assert.Equal("acme", Single(received, "Viewed Product", "w").GetProperty("context").GetProperty("groupId").GetString());
        Assert.False(Single(received, "Viewed Product", "none").TryGetProperty("context", out _));
    }

    [Fact]
    public async Task Without_consent_a_signed_in_users_calls_carry_no_throw_away_anonymous_id()
    {
        await using var receiver = RipeTestServer.Start("shop-key");
        await using var shop = await ShopApp.StartAsync(receiver, aspNetCore: o => o.CanSetCookie = _ => false);
        using var browser = NewBrowser(shop.Address);
        var request = new HttpRequestMessage(HttpMethod.Post, "/orders/erin.1");
        request.Headers.Add("X-User", "erin");

        (await browser.SendAsync(request)).EnsureSuccessStatusCode();

        var received = await receiver.WaitForRequestsAsync(2, Patience);
        Assert.All(received, r =>
        {
            Assert.Equal("erin", r.Json.GetProperty("userId").GetString());
            Assert.False(r.Json.TryGetProperty("anonymousId", out _), "an anonymous id no cookie keeps was sent: " + r.Body);
        });
    }

    [Fact]
    public async Task A_call_after_the_response_started_warns_once_that_the_visitor_cannot_be_kept()
    {
        await using var receiver = RipeTestServer.Start("shop-key");
        var logs = new LogCollector();
        await using var shop = await ShopApp.StartAsync(receiver, logs: logs);
        using var browser = NewBrowser(shop.Address, out var cookies);

        (await browser.PostAsync("/late/v", null)).EnsureSuccessStatusCode();
        (await browser.PostAsync("/late/v", null)).EnsureSuccessStatusCode();

        var ids = (await receiver.WaitForRequestsAsync(2, Patience)).Select(r => r.Json.GetProperty("anonymousId").GetString()).ToList();
        Assert.Equal(2, ids.Distinct().Count());
        Assert.Empty(cookies.GetCookies(shop.Address));
        var warning = Assert.Single(logs.Messages, m => m.Contains("after the response had started", StringComparison.Ordinal));
        Assert.Contains("/late/v", warning);
    }

    [Fact]
    public void GetRipeIdentity_without_AddAspNetCore_says_what_is_missing()
    {
        var services = new ServiceCollection();
        services.AddOptions();
        using var provider = services.BuildServiceProvider();
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = provider };

        var error = Assert.Throws<InvalidOperationException>(() => context.GetRipeIdentity());
        Assert.Contains("AddAspNetCore()", error.Message);
    }

    private static HttpClient NewBrowser(Uri address) => NewBrowser(address, out _);

    private static HttpClient NewBrowser(Uri address, out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true }) { BaseAddress = address };
    }

    private static JsonElement Single(IReadOnlyList<ReceivedRequest> received, string call, string? key = null) =>
        received.Select(r => r.Json).Single(json =>
            (call == "identify" ? !json.TryGetProperty("event", out _) && json.TryGetProperty("traits", out _) : json.TryGetProperty("event", out var e) && e.GetString() == call) &&
            (key is null || json.GetProperty("properties").EnumerateObject().First().Value.GetString() == key));

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
