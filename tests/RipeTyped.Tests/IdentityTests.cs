using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RipeTyped.Testing;

namespace RipeTyped.Tests;

/// <summary>The process-wide ambient identity, its store across runs, and a client with no ambient identity.</summary>
public sealed class IdentityTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ripe-identity-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void A_file_store_keeps_the_anonymous_id_across_clients_and_Reset_replaces_it()
    {
        string path = Path.Combine(_folder, "app", "anonymous-id");
        string first;
        first = new RipeRecorder(o => o.IdentityStore = new RipeFileIdentityStore(path)).Client.AnonymousId!;

        var again = new RipeRecorder(o => o.IdentityStore = new RipeFileIdentityStore(path));
        Assert.Equal(first, again.Client.AnonymousId);
        Assert.Equal(first, File.ReadAllText(path));

        again.Client.Reset();
        Assert.NotEqual(first, again.Client.AnonymousId);
        Assert.Equal(again.Client.AnonymousId, File.ReadAllText(path));
    }

    [Fact]
    public void A_store_file_that_is_not_an_id_is_ignored_and_replaced()
    {
        string path = Path.Combine(_folder, "anonymous-id");
        Directory.CreateDirectory(_folder);
        File.WriteAllText(path, new string('x', 5000));

        var recorder = new RipeRecorder(o => o.IdentityStore = new RipeFileIdentityStore(path));

        Assert.True(Guid.TryParse(recorder.Client.AnonymousId, out _));
        Assert.Equal(recorder.Client.AnonymousId, File.ReadAllText(path));
    }

    [Fact]
    public void Identify_and_Group_change_the_process_identity_that_later_calls_carry()
    {
        var recorder = new RipeRecorder(o => o.AnonymousId = "anon-1");
        var client = recorder.Client;

        client.Track("Before");
        client.Identify("user-1");
        client.Group("group-1");
        client.Track("After");

        var before = recorder.AssertTracked("Before").Body;
        var after = recorder.AssertTracked("After").Body;
        Assert.False(before.TryGetProperty("userId", out _));
        Assert.Equal("anon-1", before.GetProperty("anonymousId").GetString());
        Assert.Equal("user-1", after.GetProperty("userId").GetString());
        Assert.Equal("anon-1", after.GetProperty("anonymousId").GetString());
        Assert.Equal("group-1", after.GetProperty("context").GetProperty("groupId").GetString());
    }

    [Fact]
    public void A_client_without_ambient_identity_refuses_calls_without_one_saying_why()
    {
        var recorder = new RipeRecorder(o => o.AmbientContext = RipeAmbientContext.None("this is a multi-tenant worker."));

        var error = Assert.Throws<InvalidOperationException>(() => recorder.Client.Track("Anything"));
        Assert.Contains("multi-tenant worker", error.Message);
        Assert.Throws<InvalidOperationException>(() => recorder.Client.Identify("u"));
        Assert.Null(recorder.Client.AnonymousId);

        recorder.Client.Track("Anything", identity: RipeIdentity.ForUser("u"));
        recorder.AssertCallCount(1);
    }

    [Fact]
    public void AnonymousId_next_to_an_AmbientContext_is_refused_naming_both()
    {
        var options = new RipeClientOptions { ApiKey = "k", AnonymousId = "a", AmbientContext = RipeAmbientContext.ForProcess() };

        var error = Assert.Throws<ArgumentException>(() => options.Validate());
        Assert.Contains("AmbientContext", error.Message);
        Assert.Contains("AnonymousId", error.Message);
    }

    [Fact]
    public async Task Disposing_after_ShutdownAsync_does_not_wait_again()
    {
        await using var server = RipeTestServer.Start();
        server.Faults = _ => RipeTestReply.WithStatus(503);
        var client = new RipeClient(new RipeClientOptions { ApiKey = "k", Endpoint = server.Endpoint, ShutdownTimeout = TimeSpan.FromMinutes(10) });
        client.Track("Never Accepted");

        using (var hostStopping = new System.Threading.CancellationTokenSource())
        {
            hostStopping.Cancel(); // the host's budget is already spent
            await client.ShutdownAsync(hostStopping.Token);
        }

        // Had either waited for ShutdownTimeout, the test would hang for ten minutes.
        await client.DisposeAsync();
        client.Dispose();
        Assert.Equal(1, client.Statistics.Failed);
    }
}
