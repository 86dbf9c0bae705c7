using System;
using System.Threading;
using RipeTyped.Testing;

namespace RipeTyped.Tests.Delivery;

/// <summary>
/// A receiver fault that holds every request until <c>count</c> are in flight at once (or 3 s pass), so a client that
/// allows <c>count</c> concurrent requests reaches exactly that many, whatever the machine's speed, and one that allows
/// fewer shows it (the gate times out and the maximum stays below <c>count</c>).
/// </summary>
internal sealed class ConcurrencyGate
{
    private readonly ManualResetEventSlim _open = new(false);
    private readonly int _count;
    private int _arrived;

    public ConcurrencyGate(int count)
    {
        _count = count;

        // Each held request blocks a thread-pool thread of the in-process receiver, and the client's workers need
        // threads too: on a 2-core machine the pool starts with 2 and adds about one every half second, so without
        // this the sixth request could miss the gate's 3 s (seen once in CI: 5 of 6). Process-wide, only ever raised.
        ThreadPool.GetMinThreads(out int workers, out int io);
        if (workers < (count * 2) + 8)
        {
            ThreadPool.SetMinThreads((count * 2) + 8, io);
        }
    }

    public RipeTestReply Hold(ReceivedRequest request)
    {
        if (Interlocked.Increment(ref _arrived) >= _count)
        {
            _open.Set();
        }

        _open.Wait(TimeSpan.FromSeconds(3));
        return RipeTestReply.Ok;
    }
}
