using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using RipeTyped.Generator.Tests.Infrastructure;

namespace RipeTyped.Generator.Tests;

/// <summary>docs/generated-api.md says exactly what the generator writes for its plan.</summary>
public class GeneratedApiDocTests
{
    private static readonly string Page = File.ReadAllText(RepositoryFiles.Path("docs/generated-api.md"));

    [Fact]
    public void The_interface_members_on_the_page_are_the_generated_ones_and_nothing_is_left_out()
    {
        var run = GeneratorHarness.Run(Block("```yaml"), "");
        string facade = run.Source("ShopAnalytics.g.cs");
        string generated = facade.Substring(facade.IndexOf("public partial interface IShopAnalytics", System.StringComparison.Ordinal));
        generated = generated.Substring(generated.IndexOf('{') + 1, generated.IndexOf('}') - generated.IndexOf('{') - 1);

        var expected = Lines(Block("```csharp"));
        var actual = Lines(Unalias(generated)).Where(l => !l.StartsWith("[", System.StringComparison.Ordinal)).ToArray();

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("PlacedOrderProperties.g.cs", "public enum CurrencyKind")]
    [InlineData("PlacedOrderProperties.g.cs", "public sealed partial class ShippingObject")]
    [InlineData("PlacedOrderProperties.g.cs", "public required string OrderId")]
    [InlineData("PlacedOrderProperties.g.cs", "public CurrencyKind? Currency")]
    [InlineData("PlacedOrderProperties.g.cs", "public ShippingObject? Shipping")]
    [InlineData("UserTraits.g.cs", "public required string Email")]
    [InlineData("UserTraits.g.cs", "PlanTier? Plan")]
    [InlineData("ProductPageProperties.g.cs", "public required string Sku")]
    [InlineData("PlanTier.g.cs", "public enum PlanTier")]
    [InlineData("PlacedOrderWithCouponProperties.g.cs", "public Shop.Analytics.PlacedOrderProperties.CurrencyKind? Currency")]
    [InlineData("PlacedOrderWithCouponProperties.g.cs", "public required string Coupon")]
    [InlineData("PlacedOrderInEuroProperties.g.cs", "public required string OrderId")]
    [InlineData("PlacedOrderInEuroProperties.g.cs", "public Shop.Analytics.PlacedOrderProperties.ShippingObject? Shipping")]
    [InlineData("PlacedOrderInEuroProperties.g.cs", "__.Str(w, \"currency\"u8, \"EUR\");")]
    [InlineData("ShopAnalytics.g.cs", "public const string PlacedOrder = \"Placed Order\";")]
    [InlineData("ShopAnalytics.g.cs", "/// <summary>The user &lt;signed out&gt; &amp; left.</summary>\n        public const string LoggedOut = \"Logged Out\";")]
    [InlineData("ShopAnalytics.g.cs", "public const string Product = \"Product\";")]
    [InlineData("ShopAnalytics.g.cs", "public static readonly System.Collections.Generic.IReadOnlyList<(string Name, System.Collections.Generic.IReadOnlyList<string> Sources)> All")]
    public void The_types_table_names_what_is_generated(string file, string declaration)
    {
        var run = GeneratorHarness.Run(Block("```yaml"), "");

        Assert.Contains(declaration, Unalias(run.Source(file)));
    }

    private static string Unalias(string code) =>
        Regex.Replace(code.Replace("__N.", "").Replace("__I", "RipeIdentity"), @"global::(RipeTyped|System\.Threading\.Tasks|System\.Threading)\.", "").Replace("global::", "");

    private static string[] Lines(string code) =>
        code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    private static string Block(string fence)
    {
        int start = Page.IndexOf(fence + "\n", System.StringComparison.Ordinal) + fence.Length + 1;
        return Page.Substring(start, Page.IndexOf("```", start, System.StringComparison.Ordinal) - start);
    }
}
