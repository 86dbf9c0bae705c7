using RipeTyped.Generator.Naming;

namespace RipeTyped.Generator.Tests;

public class IdentifierNamingTests
{
    [Theory]
    [InlineData("Clicked Book a Demo Button", "ClickedBookADemoButton")]
    [InlineData("source_page", "SourcePage")]
    [InlineData("sourcePage", "SourcePage")]
    [InlineData("signed-up", "SignedUp")]
    [InlineData("URL path", "URLPath")]
    [InlineData("2FA Enabled", "_2FAEnabled")]
    [InlineData("1-10", "_1_10")]
    [InlineData("größe", "Größe")]
    [InlineData("çok güzel", "ÇokGüzel")]
    [InlineData("注文 完了", "注文完了")]
    [InlineData("class", "Class")]
    [InlineData("  spaced   out  ", "SpacedOut")]
    [InlineData("!!!", "U0021_0021_0021")]
    [InlineData("🚀", "U1F680")]
    [InlineData("Viewed \"Pricing\" Page", "ViewedPricingPage")]
    public void Flattens_names_to_pascal_case_identifiers(string name, string expected)
    {
        string identifier = IdentifierNaming.ToPascalCase(name);

        Assert.Equal(expected, identifier);
        Assert.True(Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(identifier.TrimStart('@')), identifier);
    }

    [Fact]
    public void Keywords_are_escaped()
    {
        // Only names whose first character has no upper case can stay keywords after flattening.
        Assert.False(IdentifierNaming.IsValidIdentifier("class"));
        Assert.True(IdentifierNaming.IsValidIdentifier("Class"));
    }

    [Theory]
    [InlineData("Clicked Book a Demo Button", "title", true)]
    [InlineData("clicked book a demo button", "title", false)]
    [InlineData("Logged In", "title", true)]
    [InlineData("Viewed Ada's Profile", "title", true)]
    [InlineData("Viewed  Profile", "title", false)]
    [InlineData("Clicked book a demo button", "sentence", true)]
    [InlineData("source_page", "snake", true)]
    [InlineData("sourcePage", "snake", false)]
    [InlineData("sourcePage", "camel", true)]
    [InlineData("SourcePage", "pascal", true)]
    [InlineData("source-page", "kebab", true)]
    public void Checks_naming_conventions(string name, string convention, bool conforms)
    {
        Assert.True(NamingConvention.TryParse(convention, out var style));
        Assert.Equal(conforms, NamingConvention.Conforms(name, style));
    }

    [Theory]
    [InlineData("clicked book a demo button", "title", "Clicked Book a Demo Button")]
    [InlineData("sourcePage", "snake", "source_page")]
    [InlineData("source_page", "camel", "sourcePage")]
    public void Proposes_the_conventional_name(string name, string convention, string expected)
    {
        Assert.True(NamingConvention.TryParse(convention, out var style));
        Assert.Equal(expected, NamingConvention.Apply(name, style));
    }
}
