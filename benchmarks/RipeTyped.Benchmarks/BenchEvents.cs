using System;
using RipeTyped.Benchmarks.Tracking;

namespace RipeTyped.Benchmarks;

/// <summary>The event every delivery benchmark sends: a typed Completed Order with six properties.</summary>
public static class BenchEvents
{
    public static void TrackCompletedOrders(RipeClient client, int count)
    {
        var analytics = new BenchTracking(client);
        for (int i = 0; i < count; i++)
        {
            analytics.TrackCompletedOrder(new CompletedOrderProperties
            {
                OrderId = "ord_123456",
                Total = 99.5,
                ItemCount = 3,
                Currency = CompletedOrderProperties.CurrencyKind.EUR,
                Gift = false,
                PlacedAt = DateTimeOffset.UtcNow,
            });
        }
    }
}
