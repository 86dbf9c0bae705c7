using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RipeTyped.Generator.Naming;
using RipeTyped.Generator.Diagnostics;
using RipeTyped.Generator.Lint;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Generator.Analyzers
{
    /// <summary>
    /// Flags string-typed <c>RipeClient.Track("…")</c> calls: events missing from the plan (RIPE2001), non-flattened
    /// names (RIPE2002), and events the plan has, which should use the generated method (RIPE2003, with a code fix).
    /// Optionally reports plan events tracked nowhere (RIPE2004).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RawTrackCallAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>
        /// Diagnostic property keys the code fix reads. Types travel as metadata names (<see cref="GeneratedTypeRef.MetadataName"/>),
        /// which the fix binds in its compilation. Entry i of the initializer is the diagnostic's additional location i;
        /// its member is <c>Member{i}</c> and, for an enum, the enum type is <c>Enum{i}</c> and its C# member <c>Value{i}</c>.
        /// </summary>
        internal const string FixableKey = "Fixable";
        internal const string FacadeKey = "Facade";
        internal const string MethodKey = "Method";
        internal const string PayloadKey = "Payload";

        internal static string MemberKey(int entry) => "Member" + entry.ToString(System.Globalization.CultureInfo.InvariantCulture);

        internal static string EnumKey(int entry) => "Enum" + entry.ToString(System.Globalization.CultureInfo.InvariantCulture);

        internal static string ValueKey(int entry) => "Value" + entry.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            RipeDiagnostics.EventNotInPlan, RipeDiagnostics.RawNonFlattenedEvent, RipeDiagnostics.UseTypedMethod, RipeDiagnostics.EventNeverTracked,
            RipeDiagnostics.EventOfAnotherSource);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var client = start.Compilation.GetTypeByMetadataName("RipeTyped.RipeClient");
                var properties = start.Compilation.GetTypeByMetadataName("RipeTyped.RipeProperties");
                if (client is null || properties is null)
                {
                    return;
                }

                AnalyzedPlan? plan = AnalyzedPlan.Get(start.Options, start.Compilation, start.CancellationToken);
                var facade = plan is null ? null : start.Compilation.GetTypeByMetadataName(plan.FacadeMetadataName);
                var tracked = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
                // A variant's method tracks its event too.
                var methodToEvent = plan?.Spec.Events.SelectMany(e => e.Variants.Items.Insert(0, e)).ToDictionary(e => e.MethodName, e => e.WireName, StringComparer.Ordinal)
                    ?? new Dictionary<string, string>();

                start.RegisterOperationAction(
                    operation =>
                    {
                        var invocation = (IInvocationOperation)operation.Operation;
                        var method = invocation.TargetMethod;
                        if (facade != null && SymbolEqualityComparer.Default.Equals(method.ContainingType, facade) && methodToEvent.TryGetValue(method.Name, out var wireName))
                        {
                            tracked[wireName] = true;
                            return;
                        }

                        if (method.Name == "Track" && SymbolEqualityComparer.Default.Equals(method.ContainingType, client))
                        {
                            AnalyzeRawTrack(operation, invocation, plan, properties, tracked);
                        }
                    },
                    OperationKind.Invocation);

                if (plan != null && facade != null && !plan.Spec.OtherSourceCalls.IsEmpty)
                {
                    var otherSources = plan.Spec.OtherSourceCalls.GroupBy(c => c.MethodName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                    var facadeInterface = plan.FacadeInterface is { } name ? start.Compilation.GetTypeByMetadataName(name.MetadataName) : null;
                    start.RegisterSyntaxNodeAction(
                        node => ReportOtherSourceCall(node, plan, otherSources, facade, facadeInterface),
                        Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression);
                }

                if (plan != null)
                {
                    // Per source: the events this project implements (the ones it got code for).
                    var ownEvents = new HashSet<string>(plan.Spec.Events.Select(e => e.WireName), StringComparer.Ordinal);
                    start.RegisterCompilationEndAction(end =>
                    {
                        foreach (var call in plan.Plan.Events.Where(e => ownEvents.Contains(e.Name) && !tracked.ContainsKey(e.Name)))
                        {
                            end.ReportDiagnostic(Diagnostic.Create(RipeDiagnostics.EventNeverTracked, plan.LocationOf(call.NameSpan), call.Name));
                        }
                    });
                }
            });
        }

        /// <summary>RIPE2005: a call of a facade method the plan gives to another source (so it is not generated here).</summary>
        private static void ReportOtherSourceCall(
            SyntaxNodeAnalysisContext context, AnalyzedPlan plan, Dictionary<string, OtherSourceCall> otherSources, INamedTypeSymbol facade, INamedTypeSymbol? facadeInterface)
        {
            var invocation = (Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax)context.Node;
            if (!(invocation.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access)
                || !otherSources.TryGetValue(access.Name.Identifier.ValueText, out var call)
                || context.SemanticModel.GetSymbolInfo(access, context.CancellationToken).Symbol != null)
            {
                return;
            }

            var receiver = context.SemanticModel.GetTypeInfo(access.Expression, context.CancellationToken).Type;
            if (SymbolEqualityComparer.Default.Equals(receiver, facade) || (facadeInterface != null && SymbolEqualityComparer.Default.Equals(receiver, facadeInterface)))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    RipeDiagnostics.EventOfAnotherSource, access.Name.GetLocation(), call.Kind, call.WireName, call.Sources, plan.Spec.Source ?? "", call.MethodName));
            }
        }

        private static void AnalyzeRawTrack(OperationAnalysisContext context, IInvocationOperation invocation, AnalyzedPlan? plan, INamedTypeSymbol ripeProperties, ConcurrentDictionary<string, bool> tracked)
        {
            var nameArgument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0);
            if (nameArgument?.Value.ConstantValue is not { HasValue: true, Value: string eventName })
            {
                return;
            }

            tracked[eventName] = true;
            var location = nameArgument.Value.Syntax.GetLocation();
            var propertiesArgument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1);
            bool readable = RipePropertiesInitializer.TryRead(propertiesArgument?.IsImplicit == true ? null : propertiesArgument, ripeProperties, out var entries);

            if (plan != null && plan.EventMethods.TryGetValue(eventName, out var call))
            {
                var diagnosticProperties = FixProperties(invocation, plan, call, readable ? entries : null);
                bool fixable = diagnosticProperties[FixableKey] == "true";
                var entryLocations = fixable ? entries.Select(e => e.Element.GetLocation()) : Enumerable.Empty<Location>();
                context.ReportDiagnostic(Diagnostic.Create(RipeDiagnostics.UseTypedMethod, location, entryLocations, diagnosticProperties, eventName, plan.Spec.ClassName + "." + call.MethodName));
                return;
            }

            if (plan != null && !plan.EventsByName.ContainsKey(eventName))
            {
                context.ReportDiagnostic(Diagnostic.Create(RipeDiagnostics.EventNotInPlan, location, eventName, System.IO.Path.GetFileName(plan.Path), DidYouMean(eventName, plan)));
            }

            var discriminators = entries.Select(e => (e.Key, (IReadOnlyList<string>)(e.Value.ConstantValue is { HasValue: true, Value: string s } ? new[] { s } : Array.Empty<string>())));
            var style = plan?.EventCase ?? Naming.CaseStyle.Title;
            if (EventNameShape.Check(eventName, discriminators, style) is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(RipeDiagnostics.RawNonFlattenedEvent, location, eventName, problem.Reason, problem.Proposals));
            }
        }

        /// <summary>
        /// What the code fix needs to rewrite the call, computed here where the plan and the semantic model are
        /// at hand. The fix is offered only when the rewritten call is sure to compile.
        /// </summary>
        private static ImmutableDictionary<string, string?> FixProperties(IInvocationOperation invocation, AnalyzedPlan plan, CallSpec call, List<RipePropertyEntry>? entries)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, string?>();
            builder[FacadeKey] = plan.Facade.MetadataName;
            builder[MethodKey] = call.MethodName;
            builder[PayloadKey] = call.PayloadType?.MetadataName ?? "";
            bool fixable = entries != null && invocation.Instance != null && MapEntries(invocation.SemanticModel!.Compilation, plan, call, entries, builder);
            builder[FixableKey] = fixable ? "true" : "false";
            return builder.ToImmutable();
        }

        private static bool MapEntries(Compilation compilation, AnalyzedPlan plan, CallSpec call, List<RipePropertyEntry> entries, ImmutableDictionary<string, string?>.Builder builder)
        {
            if (call.PayloadType is null)
            {
                return entries.Count == 0;
            }

            var payloadSpec = plan.Types.TryGetValue(call.PayloadType, out var spec) ? spec as ObjectTypeSpec : null;
            var payloadType = compilation.GetTypeByMetadataName(call.PayloadType.MetadataName);
            if (payloadSpec is null || payloadType is null || entries.Select(e => e.Key).Distinct(StringComparer.Ordinal).Count() != entries.Count)
            {
                return false;
            }

            for (int i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                var member = payloadSpec.Members.FirstOrDefault(m => m.JsonName == entry.Key);
                var property = member is null ? null : payloadType.GetMembers(member.Name).OfType<IPropertySymbol>().FirstOrDefault();
                if (member is null || property is null)
                {
                    return false;
                }

                builder[MemberKey(i)] = member.Name;
                if (member.Value.Kind == ValueKind.Enum)
                {
                    // Bound here as the fix will bind it: an enum nested in the payload class is found by its metadata name too.
                    var enumType = member.Value.Type!;
                    var enumMember = entry.Value.ConstantValue is { HasValue: true, Value: string wire } && plan.Types.TryGetValue(enumType, out var enumSpec)
                        ? (enumSpec as EnumTypeSpec)?.Members.FirstOrDefault(m => m.WireValue == wire)
                        : null;
                    if (enumMember is null || compilation.GetTypeByMetadataName(enumType.MetadataName) is not { TypeKind: TypeKind.Enum })
                    {
                        return false;
                    }

                    builder[EnumKey(i)] = enumType.MetadataName;
                    builder[ValueKey(i)] = enumMember.Name;
                }
                else if (!SendsTheSameJson(entry.Value, member.Value.Kind) || entry.Value.Type is null || !compilation.ClassifyCommonConversion(entry.Value.Type, property.Type).IsImplicit)
                {
                    return false;
                }
            }

            // Every required member must be set, or the rewritten initializer would not compile (CS9035).
            return payloadSpec.Members.Where(m => m.Required).All(m => entries.Any(e => e.Key == m.JsonName));
        }

        /// <summary>
        /// True when the value, written by the typed member, gives the JSON the untyped <c>RipeProperties</c> gave:
        /// the same number for integer sources and doubles, the same text, and never null (an optional typed member
        /// that is null is left out, where the untyped one sent <c>null</c>). Objects and arrays are not rewritten.
        /// </summary>
        private static bool SendsTheSameJson(IOperation value, ValueKind target)
        {
            var type = value.Type;
            if (type is null || value.ConstantValue is { HasValue: true, Value: null })
            {
                return false;
            }

            var special = type.SpecialType;
            bool integral = special is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte or SpecialType.System_UInt32;
            bool exactInDouble = special is SpecialType.System_Int32 or SpecialType.System_Int16 or SpecialType.System_Byte or SpecialType.System_UInt32
                or SpecialType.System_Double or SpecialType.System_Single;
            bool sameKind = target switch
            {
                ValueKind.String => special == SpecialType.System_String,
                ValueKind.Integer => integral,
                ValueKind.Number => exactInDouble,
                ValueKind.Boolean => special == SpecialType.System_Boolean,
                ValueKind.DateTime => type.ToDisplayString() == "System.DateTimeOffset",
                ValueKind.Any => true,
                _ => false,
            };
            return sameKind && IsNeverNull(value);
        }

        private static bool IsNeverNull(IOperation value)
        {
            if (value.Type is { IsValueType: true } valueType)
            {
                return valueType.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;
            }

            if (value.ConstantValue.HasValue)
            {
                return value.ConstantValue.Value != null;
            }

            if (value is IObjectCreationOperation or IArrayCreationOperation or IInterpolatedStringOperation)
            {
                return true;
            }

            // Nullable analysis knows (a non-null local, a non-nullable parameter); outside a nullable context it does not.
            return value.SemanticModel?.GetTypeInfo(value.Syntax).Nullability.FlowState == NullableFlowState.NotNull;
        }

        private static string DidYouMean(string eventName, AnalyzedPlan plan)
        {
            string normalized = EventNameShape.Normalize(eventName);
            var best = plan.EventsByName.Keys
                .Select(name => (Name: name, Distance: EditDistance(normalized, EventNameShape.Normalize(name))))
                .OrderBy(p => p.Distance).ThenBy(p => p.Name, StringComparer.Ordinal)
                .FirstOrDefault();
            return best.Name != null && best.Distance <= Math.Max(2, normalized.Length / 4) ? $"; did you mean '{best.Name}'?" : "";
        }

        private static int EditDistance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }
}
