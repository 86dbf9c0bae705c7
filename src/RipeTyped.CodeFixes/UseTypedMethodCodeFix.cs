using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using RipeTyped.Generator.Analyzers;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace RipeTyped.CodeFixes
{
    /// <summary>
    /// Rewrites <c>client.Track("Event", new RipeProperties { ["key"] = value })</c> into the generated typed call
    /// <c>new Facade(client).TrackEvent(new EventProperties { Key = value })</c>. The analyzer read the initializer,
    /// decided the mapping, and that the result compiles and sends the same JSON; it passes each entry's location and
    /// member. This only edits syntax.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseTypedMethodCodeFix))]
    [Shared]
    public sealed class UseTypedMethodCodeFix : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RIPE2003");

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(RawTrackCallAnalyzer.FixableKey, out var fixable) || fixable != "true")
                {
                    continue;
                }

                var invocation = root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<InvocationExpressionSyntax>();
                var names = model is null ? null : TypeNames.Bind(model.Compilation, diagnostic.Properties, diagnostic.AdditionalLocations.Count);
                if (invocation?.Expression is MemberAccessExpressionSyntax && names != null)
                {
                    string method = diagnostic.Properties[RawTrackCallAnalyzer.MethodKey]!;
                    context.RegisterCodeFix(
                        CodeAction.Create("Use " + method, ct => RewriteAsync(context.Document, invocation, diagnostic.AdditionalLocations, diagnostic.Properties, names, ct), nameof(UseTypedMethodCodeFix)),
                        diagnostic);
                }
            }
        }

        /// <summary>
        /// The typed call, its types written <c>global::</c> and annotated: the code action's pipeline then simplifies and
        /// formats the annotated nodes (its default post-processing), so the result reads as the user would write it.
        /// </summary>
        private static async Task<Document> RewriteAsync(
            Document document, InvocationExpressionSyntax invocation, IReadOnlyList<Location> entries, ImmutableDictionary<string, string?> properties, TypeNames names, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var access = (MemberAccessExpressionSyntax)invocation.Expression;
            var facade = ObjectCreationExpression(names.Type(properties[RawTrackCallAnalyzer.FacadeKey]!))
                .WithArgumentList(ArgumentList(SingletonSeparatedList(Argument(access.Expression.WithoutTrivia()))));
            var arguments = new List<ArgumentSyntax>();
            string payload = properties[RawTrackCallAnalyzer.PayloadKey] ?? "";
            if (payload.Length > 0)
            {
                arguments.Add(Argument(Payload(payload, root!, entries, properties, names)));
            }

            // Keep an explicit identity (third argument of Track) as the typed method's identity argument.
            var identity = invocation.ArgumentList.Arguments.Skip(2).FirstOrDefault()
                ?? invocation.ArgumentList.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.Text == "identity");
            if (identity != null)
            {
                arguments.Add(identity.NameColon != null ? identity : identity.WithNameColon(NameColon("identity")));
            }

            var replacement = InvocationExpression(
                    MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, facade, IdentifierName(properties[RawTrackCallAnalyzer.MethodKey]!)),
                    ArgumentList(SeparatedList(arguments)))
                .WithTriviaFrom(invocation)
                .WithAdditionalAnnotations(Formatter.Annotation);

            return document.WithSyntaxRoot(root!.ReplaceNode(invocation, replacement));
        }

        /// <summary>
        /// The typed properties object: entry i of the untyped initializer (the analyzer's additional location i) becomes
        /// <c>Member{i} = value</c>, in the same order, so values are evaluated as before. The key is never read here.
        /// </summary>
        private static ExpressionSyntax Payload(string payloadType, SyntaxNode root, IReadOnlyList<Location> entries, ImmutableDictionary<string, string?> properties, TypeNames names)
        {
            var assignments = new List<ExpressionSyntax>();
            for (int i = 0; i < entries.Count; i++)
            {
                var element = root.FindNode(entries[i].SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf()
                    .First(n => n.Span == entries[i].SourceSpan && (n is AssignmentExpressionSyntax || n is InitializerExpressionSyntax));
                ExpressionSyntax source = element is AssignmentExpressionSyntax assignment ? assignment.Right : ((InitializerExpressionSyntax)element).Expressions[1];
                ExpressionSyntax value = properties.TryGetValue(RawTrackCallAnalyzer.EnumKey(i), out var enumType) && enumType != null
                    ? names.Member(enumType, properties[RawTrackCallAnalyzer.ValueKey(i)]!)
                    : source.WithoutTrivia();
                assignments.Add(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName(properties[RawTrackCallAnalyzer.MemberKey(i)]!), value));
            }

            return ObjectCreationExpression(names.Type(payloadType))
                .WithArgumentList(null)
                .WithInitializer(InitializerExpression(SyntaxKind.ObjectInitializerExpression, SeparatedList(assignments)));
        }
    }
}
