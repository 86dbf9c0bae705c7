using System.Linq;
using Microsoft.CodeAnalysis;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>The facade's generated interface: code depends on it, tests substitute it; a plan option turns it off.</summary>
public class FacadeInterfaceTests
{
    private const string Plan = """
        options: { namespace: Shop.Tracking, className: ShopAnalytics }
        identify:
          traits: { email: { type: string, required: true } }
        events:
          - name: Order Completed
            properties: { total: { type: number, required: true } }
          - name: Logged Out
            deprecated: Use Signed Out
        pages:
          - name: Pricing
        """;

    [Fact]
    public void Code_written_against_the_interface_compiles_and_a_substitute_implements_it()
    {
        const string code = """
            using Shop.Tracking;

            public sealed class Checkout(IShopAnalytics analytics)
            {
                public void Pay() => analytics.TrackOrderCompleted(new OrderCompletedProperties { Total = 42 });
            }

            public sealed class Fake : IShopAnalytics
            {
                public int Orders;
                public void Identify(string userId, UserTraits traits) { }
                public void Identify(RipeTyped.RipeIdentity identity, UserTraits traits) { }
                public void Group(string groupId, RipeTyped.RipeIdentity? identity = null) { }
                public void TrackOrderCompleted(OrderCompletedProperties properties, RipeTyped.RipeIdentity? identity = null) => Orders++;
            #pragma warning disable CS0618
                public void TrackLoggedOut(RipeTyped.RipeIdentity? identity = null) { }
            #pragma warning restore CS0618
                public void PagePricing(RipeTyped.RipePageContext? page = null, RipeTyped.RipeIdentity? identity = null) { }
                public void Reset() { }
                public System.Threading.Tasks.Task FlushAsync(System.Threading.CancellationToken cancellationToken = default) => System.Threading.Tasks.Task.CompletedTask;
            }

            public static class Use
            {
                public static IShopAnalytics Real(RipeTyped.RipeClient client) => new ShopAnalytics(client);
            }
            """;
        var run = GeneratorHarness.Run(Plan, code);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Contains("public sealed partial class ShopAnalytics : IShopAnalytics", run.Source("ShopAnalytics.g.cs"));
    }

    [Fact]
    public void The_plan_can_turn_the_interface_off()
    {
        var run = GeneratorHarness.Run(Plan.Replace("className: ShopAnalytics }", "className: ShopAnalytics, facadeInterface: false }"));
        Assert.Empty(run.GeneratorDiagnostics);
        string facade = run.Source("ShopAnalytics.g.cs");
        Assert.DoesNotContain("interface", facade);
        Assert.Contains("public sealed partial class ShopAnalytics\n", facade);
    }

    [Fact]
    public void A_value_other_than_true_or_false_is_RIPE0014()
    {
        var run = GeneratorHarness.Run("options: { facadeInterface: maybe }\nevents:\n  - name: A\n");
        Assert.Equal("RIPE0014", Assert.Single(run.GeneratorDiagnostics).Id);
    }
}
