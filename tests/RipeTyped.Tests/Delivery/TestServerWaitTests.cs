using System;
using System.Linq;
using System.Threading.Tasks;
using RipeTyped.Testing;

namespace RipeTyped.Tests.Delivery;

/// <summary>RipeTestServer's waits wake on each request (no polling) and give up at their deadline.</summary>
public sealed class TestServerWaitTests
{
    [Fact]
    public async Task A_wait_ends_when_the_request_that_satisfies_it_arrives()
    {
        await using var server = RipeTestServer.Start("k");
        var wait = server.WaitUntilAsync(requests => requests.Any(r => r.Body.Contains("Second", StringComparison.Ordinal)), TimeSpan.FromSeconds(30));
        await using var client = new RipeClient(new RipeClientOptions { ApiKey = "k", Endpoint = server.Endpoint, AnonymousId = "a" });

        client.Track("First");
        client.Track("Second");

        var seen = await wait;
        Assert.Contains(seen, r => r.Body.Contains("Second", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wait_that_never_holds_times_out_saying_what_arrived()
    {
        await using var server = RipeTestServer.Start("k");

        var error = await Assert.ThrowsAsync<TimeoutException>(() => server.WaitForRequestsAsync(1, TimeSpan.FromMilliseconds(200)));

        Assert.Contains("got 0", error.Message);
    }
}
