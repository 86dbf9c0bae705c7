using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RipeTyped.CodeFixes
{
    /// <summary>
    /// Writes a fully qualified type name the way the user would: the shortest suffix that still binds to the
    /// same type at the edited position (so <c>global::App.Analytics.PlanTier</c> becomes <c>PlanTier</c> under
    /// <c>using App.Analytics;</c>, and stays qualified where it must).
    /// </summary>
    internal sealed class TypeNames
    {
        private readonly SemanticModel _model;
        private readonly int _position;

        public TypeNames(SemanticModel model, int position)
        {
            _model = model;
            _position = position;
        }

        public TypeSyntax Shortest(string globalName)
        {
            TypeSyntax full = SyntaxFactory.ParseTypeName(globalName);
            var target = Bind(full);
            if (target is null)
            {
                return full;
            }

            string[] parts = globalName.Substring("global::".Length).Split('.');
            for (int start = parts.Length - 1; start >= 0; start--)
            {
                TypeSyntax candidate = SyntaxFactory.ParseTypeName(string.Join(".", parts, start, parts.Length - start));
                if (SymbolEqualityComparer.Default.Equals(Bind(candidate), target))
                {
                    return candidate;
                }
            }

            return full;
        }

        /// <summary>A member of a type, e.g. an enum value <c>global::Ns.PlanTier.Pro</c>.</summary>
        public ExpressionSyntax ShortestMember(string globalMemberName)
        {
            int dot = globalMemberName.LastIndexOf('.');
            return SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                Shortest(globalMemberName.Substring(0, dot)),
                SyntaxFactory.IdentifierName(globalMemberName.Substring(dot + 1)));
        }

        private ISymbol? Bind(TypeSyntax type) =>
            _model.GetSpeculativeSymbolInfo(_position, type, SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol;
    }
}
