using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RipeTyped.Testing;

namespace RipeTyped.Tests.Delivery;

/// <summary>A process with a spool killed (SIGKILL) in the middle of delivery loses nothing: the next start delivers the rest.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly string _spool = Path.Combine(Path.GetTempPath(), "ripetyped-crash-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_spool))
        {
            Directory.Delete(_spool, recursive: true);
        }
    }

    [Fact]
    public async Task Killed_mid_flight_then_restarted_every_event_arrives()
    {
        const int count = 2000;
        await using var slow = RipeTestServer.Start("crash-test-key");
        slow.Faults = _ => RipeTestReply.Ok.After(TimeSpan.FromMilliseconds(20));

        using (var sender = StartChild("send", slow.Endpoint, count))
        {
            string? line = await sender.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal("accepted " + count, line);
            await slow.WaitForAcceptedAsync(50, TimeSpan.FromSeconds(30));
            sender.Kill(entireProcessTree: true); // SIGKILL: no flush, no dispose, requests in flight cut off
            await sender.WaitForExitAsync();
        }

        int beforeCrash = slow.AcceptedMessageIds.Count;
        Assert.InRange(beforeCrash, 50, count - 1); // the kill really came mid-delivery

        await using var fast = RipeTestServer.Start("crash-test-key");
        using (var drainer = StartChild("drain", fast.Endpoint, 0))
        {
            string output = await drainer.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(90));
            await drainer.WaitForExitAsync();
            Assert.True(drainer.ExitCode == 0, $"drain exited {drainer.ExitCode}: {output} {await drainer.StandardError.ReadToEndAsync()}");
        }

        var all = slow.Requests.Concat(fast.Requests).Where(r => r.Method == "POST").ToList();
        var seqs = all.Select(r => r.Json.GetProperty("properties").GetProperty("seq").GetInt32()).Distinct().OrderBy(x => x);
        Assert.Equal(Enumerable.Range(0, count), seqs);

        // At least once: a message in flight at the kill may arrive twice, always under the same messageId.
        var accepted = slow.AcceptedMessageIds.Union(fast.AcceptedMessageIds).ToList();
        Assert.Equal(count, accepted.Count);
        Assert.Empty(Directory.GetFiles(_spool, "*.ripe"));
    }

    private Process StartChild(string mode, Uri endpoint, int count)
    {
        string child = Path.Combine(AppContext.BaseDirectory, "RipeTyped.SpoolChild.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(child);
        start.ArgumentList.Add(mode);
        start.ArgumentList.Add(_spool);
        start.ArgumentList.Add(endpoint.ToString());
        start.ArgumentList.Add(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Process.Start(start) ?? throw new InvalidOperationException("could not start " + child);
    }
}
