using System;
using System.Collections.Generic;
using System.Globalization;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Naming;
using RipeTyped.Generator.Plan;

namespace RipeTyped.Generator.Spec
{
    /// <summary>One plan item that needs a C# name: its wire name, the name the plan chose (if any) and where it is.</summary>
    internal readonly struct NameRequest
    {
        public NameRequest(string wireName, Named? csharpName, SourceSpan span)
        {
            WireName = wireName;
            CSharpName = csharpName;
            Span = span;
        }

        public string WireName { get; }

        public Named? CSharpName { get; }

        public SourceSpan Span { get; }
    }

    /// <summary>How a kind of plan item turns into C# names (events: <c>Track</c> + name; members: the name itself).</summary>
    internal sealed class NameForm
    {
        public static readonly NameForm Member = new NameForm("", IdentifierNaming.ToPascalCase, IdentifierNaming.Verbatim);

        private NameForm(string prefix, Func<string, string> derive, Func<string, string> verbatim)
        {
            Prefix = prefix;
            Derive = derive;
            VerbatimOf = verbatim;
        }

        /// <summary>Put before the base name to make the identifier taken in the scope (e.g. <c>Track</c>).</summary>
        public string Prefix { get; }

        public Func<string, string> Derive { get; }

        public Func<string, string> VerbatimOf { get; }

        /// <summary>Events and pages: the base name carries no '@' (a prefix follows), and a verbatim base starts with '_'.</summary>
        public static NameForm Call(string prefix) => new NameForm(
            prefix,
            wire => IdentifierNaming.ToPascalCase(wire).TrimStart('@'),
            wire => "_" + IdentifierNaming.Verbatim(wire).TrimStart('@'));
    }

    /// <summary>
    /// Gives every item of one C# scope a distinct name, by the rule of docs/naming.md ("Collisions"):
    /// names chosen in the plan (<c>csharpName</c>) first; then, in plan order, each other item's flattened name;
    /// an item whose flattened name is taken gets its verbatim form, else its flattened name with a number, and a
    /// RIPE1010 warning names both sides. No item is ever left without a name, so names never block a build.
    /// </summary>
    internal sealed class NameChooser
    {
        private readonly string _filePath;
        private readonly List<PlanDiagnostic> _diagnostics;

        public NameChooser(string filePath, List<PlanDiagnostic> diagnostics)
        {
            _filePath = filePath;
            _diagnostics = diagnostics;
        }

        /// <summary>Base names (without the form's prefix), one per item, in the items' order.</summary>
        /// <param name="reservedSuffix">
        /// When a flattened name is taken by a generated name (the type's own name, <c>ToString</c>...), the item gets
        /// this suffix instead (no warning: nothing in the plan collides); null to treat it as any other collision.
        /// </param>
        public string[] Choose(NameScope scope, IReadOnlyList<NameRequest> items, string what, NameForm form, string? reservedSuffix = null)
        {
            var names = new string?[items.Count];

            // 1. Names the plan chose win over every derived name, so pinning a name keeps it whatever is added later.
            for (int i = 0; i < items.Count; i++)
            {
                if (items[i].CSharpName is { } chosen && IsUsable(chosen, items[i].WireName) &&
                    scope.TryTake(form.Prefix + chosen.Value, items[i].WireName, items[i].Span.DisplayLine, out _))
                {
                    names[i] = chosen.Value;
                }
            }

            // 2. Everything else in plan order: flattened, else verbatim, else numbered.
            for (int i = 0; i < items.Count; i++)
            {
                if (names[i] != null)
                {
                    continue;
                }

                var item = items[i];
                string wanted = item.CSharpName is { } chosen && IdentifierNaming.IsValidIdentifier(chosen.Value) ? chosen.Value : form.Derive(item.WireName);
                if (scope.TryTake(form.Prefix + wanted, item.WireName, item.Span.DisplayLine, out var owner))
                {
                    names[i] = wanted;
                    continue;
                }

                if (reservedSuffix != null && owner.IsGenerated)
                {
                    names[i] = scope.TakeUnique(form.Prefix + wanted + reservedSuffix).Substring(form.Prefix.Length);
                    continue;
                }

                string fallback = form.VerbatimOf(item.WireName);
                if (!scope.TryTake(form.Prefix + fallback, item.WireName, item.Span.DisplayLine, out _))
                {
                    fallback = Numbered(scope, form, wanted, item);
                }

                names[i] = fallback;
                Report(item, what, form.Prefix + wanted, owner, form.Prefix + fallback);
            }

            return names!;
        }

        /// <summary>A generated type name (e.g. <c>{Event}Properties</c>) in a scope shared with other kinds; numbered if taken.</summary>
        public string TakeTypeName(NameScope scope, string wanted, string what, string wireName, SourceSpan span)
        {
            if (scope.TryTake(wanted, wireName, span.DisplayLine, out var owner))
            {
                return wanted;
            }

            string taken = scope.TakeUnique(wanted);
            Report(new NameRequest(wireName, null, span), what, wanted, owner, taken);
            return taken;
        }

        private static string Numbered(NameScope scope, NameForm form, string wanted, NameRequest item)
        {
            for (int n = 2; ; n++)
            {
                string candidate = wanted + "_" + n.ToString(CultureInfo.InvariantCulture);
                if (scope.TryTake(form.Prefix + candidate, item.WireName, item.Span.DisplayLine, out _))
                {
                    return candidate;
                }
            }
        }

        private bool IsUsable(Named chosen, string wireName)
        {
            if (IdentifierNaming.IsValidIdentifier(chosen.Value))
            {
                return true;
            }

            string reason = Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(chosen.Value) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? " (it is a C# keyword)" : "";
            _diagnostics.Add(PlanDiagnostic.Create(RipeDiagnostics.InvalidCSharpName, _filePath, chosen.Span, chosen.Value, wireName, reason));
            return false;
        }

        private void Report(NameRequest item, string what, string wanted, NameScope.Owner owner, string chosen) =>
            _diagnostics.Add(PlanDiagnostic.Create(RipeDiagnostics.NameCollision, _filePath, item.CSharpName?.Span ?? item.Span,
                what, item.WireName, wanted, owner.PlanName, owner.Line.ToString(CultureInfo.InvariantCulture), chosen));
    }
}
