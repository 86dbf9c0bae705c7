using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests.Analyzers;

/// <summary>
/// RIPE2003 with an enum declared inside the properties class (<c>OrderCompletedProperties.ShippingKind</c>): the analyzer
/// binds the nested type by its metadata name (<c>+</c>, not <c>.</c>), and the fix writes a name that compiles, as
/// short as the position allows.
/// </summary>
public class NestedTypeCodeFixTests
{
    private const string PlanFile = "/0/tracking-plan.yaml";

    private const string Plan = """
        version: 1
        options: { namespace: App.Shop, className: ShopAnalytics }
        events:
          - name: Order Completed
            description: x
            properties:
              order_id: { type: string, required: true }
              shipping: { type: enum, values: [standard, express] }
        """;

    private const string RawCall = """client.Track({|#0:"Order Completed"|}, new RipeProperties { {|#1:["order_id"] = "o-1"|}, {|#2:["shipping"] = "express"|} });""";

    private static DiagnosticResult UseTypedMethod() =>
        new DiagnosticResult("RIPE2003", DiagnosticSeverity.Info).WithLocation(0).WithLocation(1).WithLocation(2)
            .WithArguments("Order Completed", "ShopAnalytics.TrackOrderCompleted");

    [Fact]
    public async Task A_nested_enum_is_written_by_its_short_name_under_a_using_of_the_namespace()
    {
        var test = CodeFixTestSetup.Create(Plan, PlanFile, Code("using App.Shop;", RawCall), Code("using App.Shop;",
            """new ShopAnalytics(client).TrackOrderCompleted(new OrderCompletedProperties { OrderId = "o-1", Shipping = OrderCompletedProperties.ShippingKind.Express });"""));
        test.ExpectedDiagnostics.Add(UseTypedMethod());
        await test.RunAsync();
    }

    [Fact]
    public async Task A_nested_enum_stays_qualified_where_its_namespace_is_not_imported()
    {
        var test = CodeFixTestSetup.Create(Plan, PlanFile, Code("", RawCall), Code("",
            """new App.Shop.ShopAnalytics(client).TrackOrderCompleted(new App.Shop.OrderCompletedProperties { OrderId = "o-1", Shipping = App.Shop.OrderCompletedProperties.ShippingKind.Express });"""));
        test.ExpectedDiagnostics.Add(UseTypedMethod());
        await test.RunAsync();
    }

    private static string Code(string usings, string body) => $$"""
        using RipeTyped;
        {{usings}}

        class UserCode
        {
            void Run(RipeClient client)
            {
                {{body}}
            }
        }
        """;
}
