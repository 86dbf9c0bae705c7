using System;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Linq;

namespace RipeTyped.Benchmarks;

/// <summary>
/// What a workload allocates, by type: the runtime's allocation ticks (one per ~100 KB allocated, naming the type that
/// crossed the mark), summed. A sample, not an exact count; enough to see which records dominate. Used by pipeline-loop.
/// </summary>
internal sealed class AllocationByType : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new();

    public void Print(int runs)
    {
        foreach (var (type, bytes) in _bytes.ToList().OrderByDescending(k => k.Value).Take(30))
        {
            Console.WriteLine($"{bytes / runs / 1048576.0,8:F2} MB per run  {type}");
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true && e.PayloadNames is { } names)
        {
            string type = e.Payload![names.IndexOf("TypeName")]?.ToString() ?? "?";
            long amount = Convert.ToInt64(e.Payload[names.IndexOf("AllocationAmount64")]);
            _bytes.AddOrUpdate(type, amount, (_, total) => total + amount);
        }
    }
}
