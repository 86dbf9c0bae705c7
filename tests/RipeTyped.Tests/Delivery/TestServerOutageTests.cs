using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using RipeTyped.Testing;

namespace RipeTyped.Tests.Delivery;

/// <summary>
/// RipeTestServer's outage: answered 503 and not recorded while down, answered again after BringUp, however often and
/// while a client keeps retrying (stopping and restarting .NET's HttpListener under a retrying client could fail to
/// start and leave the port dead, which this server no longer does).
/// </summary>
public sealed class TestServerOutageTests
{
    [Fact]
    public async Task While_down_requests_get_503_and_are_not_recorded()
    {
        await using var server = RipeTestServer.Start();
        using var http = new HttpClient();

        server.TakeDown();
        using (var down = await http.PostAsync(server.Endpoint + "/track", Body("during")))
        {
            Assert.Equal(503, (int)down.StatusCode);
        }

        Assert.Empty(server.Requests);

        server.BringUp();
        using (var up = await http.PostAsync(server.Endpoint + "/track", Body("after")))
        {
            Assert.Equal(200, (int)up.StatusCode);
        }

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Outages_come_and_go_under_a_retrying_client_and_every_event_arrives()
    {
        await using var server = RipeTestServer.Start("k");
        await using var client = new RipeClient(new RipeClientOptions
        {
            ApiKey = "k",
            Endpoint = server.Endpoint,
            AnonymousId = "a",
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(5),
        });

        for (int i = 0; i < 50; i++)
        {
            server.TakeDown();
            client.Track("Cycled", new RipeProperties { ["i"] = i });
            server.BringUp();
        }

        await server.WaitForAcceptedAsync(50, TimeSpan.FromSeconds(60));
        Assert.Equal(50, server.AcceptedMessageIds.Count);
    }

    private static StringContent Body(string name) => new(
        "{\"type\":\"track\",\"event\":\"" + name + "\",\"anonymousId\":\"a\",\"messageId\":\"" + Guid.NewGuid() + "\",\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"properties\":{}}",
        Encoding.UTF8,
        "application/json");
}
