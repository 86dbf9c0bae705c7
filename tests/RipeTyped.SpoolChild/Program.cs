using System;
using System.Threading;
using System.Threading.Tasks;
using RipeTyped;

// send <spool> <endpoint> <count>: accepts <count> events, prints "accepted", then waits to be killed.
// drain <spool> <endpoint>: delivers what the spool holds, prints the statistics, exits.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: send <spool> <endpoint> <count> | drain <spool> <endpoint>");
    return 2;
}

var options = new RipeClientOptions
{
    ApiKey = "crash-test-key",
    Endpoint = new Uri(args[2]),
    SpoolDirectory = args[1],
    MaxRetries = 1000,
    RetryBaseDelay = TimeSpan.FromMilliseconds(20),
    RetryMaxDelay = TimeSpan.FromMilliseconds(200),
    RequestTimeout = TimeSpan.FromSeconds(2),
    AnonymousId = "crash-test",
};

await using var client = new RipeClient(options);
if (args[0] == "send")
{
    int count = int.Parse(args[3]);
    for (int i = 0; i < count; i++)
    {
        client.Track("Crash Test", new RipeProperties { ["seq"] = i });
    }

    Console.WriteLine("accepted " + count);
    Console.Out.Flush();
    await Task.Delay(Timeout.Infinite);
}

bool delivered = await client.FlushAsync(TimeSpan.FromSeconds(60));
Console.WriteLine($"drained delivered={client.Statistics.Delivered} flushed={delivered} pending={client.Statistics.SpoolPending}");
return delivered ? 0 : 1;
