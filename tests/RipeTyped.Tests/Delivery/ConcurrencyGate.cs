using System;
using System.Threading;
using RipeTyped.Testing;

namespace RipeTyped.Tests.Delivery;

/// <summary>
/// A receiver fault that holds every request until <c>count</c> are in flight at once (or 3 s pass), so a client that
/// allows <c>count</c> concurrent requests reaches exactly that many, whatever the machine's speed, and one that allows
/// fewer shows it (the gate times out and the maximum stays below <c>count</c>).
/// </summary>
internal sealed class ConcurrencyGate(int count)
{
    private readonly ManualResetEventSlim _open = new(false);
    private int _arrived;

    public RipeTestReply Hold(ReceivedRequest request)
    {
        if (Interlocked.Increment(ref _arrived) >= count)
        {
            _open.Set();
        }

        _open.Wait(TimeSpan.FromSeconds(3));
        return RipeTestReply.Ok;
    }
}
