using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using RipeTyped.Delivery;
using RipeTyped.Delivery.Queue;
using RipeTyped.Delivery.Spool;

namespace RipeTyped.Tests.Delivery;

/// <summary>
/// The caller's side of the queue with a spool: a message written cold (disk only) must wake the spool loader, which
/// may have looked at the disk before that record landed; otherwise, with nothing else in flight, the record waits for
/// ever and a flush never ends.
/// </summary>
public sealed class MessageIntakeTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ripe-intake-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Every_cold_write_and_only_a_cold_write_wakes_the_loader()
    {
        var options = new RipeClientOptions { ApiKey = "k", MaxQueueLength = 2, SpoolDirectory = _directory };
        var backlog = new DeliveryBacklog();
        backlog.Attach(diskHoldsMore: () => false, ended: () => { });
        using var spool = DiskSpool.Open(_directory, 1, options.MaxMessageBytes, null, backlog.CurrentGeneration, out _);
        int wakeUps = 0;
        var intake = new MessageIntake(backlog, spool, options, new RipeClientStatistics(), spilled: () => wakeUps++);

        var results = new List<EnqueueResult>();
        for (int i = 0; i < 5; i++)
        {
            results.Add(intake.Enqueue(new OutgoingMessage(RipeCall.Track, "m-" + i, Encoding.UTF8.GetBytes("{}"))));
        }

        // Two fit in memory (written hot, no wake-up needed: the workers have them); the other three go to disk only.
        Assert.Equal(new[] { EnqueueResult.Queued, EnqueueResult.Queued, EnqueueResult.SpilledToDisk, EnqueueResult.SpilledToDisk, EnqueueResult.SpilledToDisk }, results);
        Assert.Equal(3, wakeUps);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
