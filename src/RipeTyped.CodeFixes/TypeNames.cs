using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using RipeTyped.Generator.Analyzers;

namespace RipeTyped.CodeFixes
{
    /// <summary>
    /// The types a fix writes, bound in the document's compilation from the metadata names the analyzer passed (which
    /// name nested types too: <c>App.Shop.OrderProperties+ShippingKind</c>). Each is written fully qualified and marked
    /// for the simplifier, which the code-action pipeline runs: Roslyn shortens it as far as it still binds where it
    /// stands (<c>PlanTier</c> under <c>using App.Analytics;</c>), so no name search of our own can get it wrong.
    /// </summary>
    internal sealed class TypeNames
    {
        private readonly Dictionary<string, INamedTypeSymbol> _bound;

        private TypeNames(Dictionary<string, INamedTypeSymbol> bound) => _bound = bound;

        /// <summary>Binds every type the diagnostic names; null when one is missing (then no fix is offered: it could not compile).</summary>
        public static TypeNames? Bind(Compilation compilation, ImmutableDictionary<string, string?> properties, int entries)
        {
            var names = new List<string> { properties[RawTrackCallAnalyzer.FacadeKey]! };
            if (properties[RawTrackCallAnalyzer.PayloadKey] is { Length: > 0 } payload)
            {
                names.Add(payload);
            }

            for (int i = 0; i < entries; i++)
            {
                if (properties.TryGetValue(RawTrackCallAnalyzer.EnumKey(i), out var enumType) && enumType != null)
                {
                    names.Add(enumType);
                }
            }

            var bound = new Dictionary<string, INamedTypeSymbol>(System.StringComparer.Ordinal);
            foreach (string name in names)
            {
                if (compilation.GetTypeByMetadataName(name) is not { } symbol)
                {
                    return null;
                }

                bound[name] = symbol;
            }

            return new TypeNames(bound);
        }

        /// <summary>The type of a metadata name that <see cref="Bind"/> bound, as <c>global::</c> syntax for the simplifier to shorten.</summary>
        public TypeSyntax Type(string metadataName) =>
            SyntaxFactory.ParseTypeName(_bound[metadataName].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
                .WithAdditionalAnnotations(Simplifier.Annotation);

        /// <summary>
        /// A member of a bound type, e.g. an enum value: <c>global::Ns.PlanTier.Pro</c> before simplification. The type is
        /// parsed as an expression (member accesses, as the parser reads such code back), not as a qualified type name.
        /// </summary>
        public ExpressionSyntax Member(string metadataName, string member) =>
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.ParseExpression(_bound[metadataName].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).WithAdditionalAnnotations(Simplifier.Annotation),
                SyntaxFactory.IdentifierName(member));
    }
}
