using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RipeTyped.Generator.Analyzers
{
    /// <summary>One <c>["key"] = value</c> (or <c>{ "key", value }</c>) entry of a <c>new RipeProperties { … }</c> argument.</summary>
    /// <param name="Key">The key's constant value (a literal, a <c>const</c>, a constant interpolated string...).</param>
    /// <param name="Value">The value, implicit conversions stripped.</param>
    /// <param name="Element">The whole initializer element: the analyzer hands its location to the code fix, which then
    /// takes the value from it without reading the key again (one reading of the initializer, here).</param>
    internal sealed record RipePropertyEntry(string Key, IOperation Value, SyntaxNode Element);

    internal static class RipePropertiesInitializer
    {
        /// <summary>
        /// Reads the entries of a properties argument: null/absent gives no entries; <c>new RipeProperties { … }</c>
        /// with constant keys gives them; anything else (a variable, a computed key) returns false.
        /// </summary>
        public static bool TryRead(IOperation? argument, INamedTypeSymbol ripeProperties, out List<RipePropertyEntry> entries)
        {
            entries = new List<RipePropertyEntry>();
            IOperation? value = Unwrap(argument);
            if (value is null || (value is ILiteralOperation literal && literal.ConstantValue.HasValue && literal.ConstantValue.Value is null))
            {
                return true;
            }

            if (!(value is IObjectCreationOperation creation) || !SymbolEqualityComparer.Default.Equals(creation.Type, ripeProperties))
            {
                return false;
            }

            if (creation.Arguments.Length > 0)
            {
                return false;
            }

            foreach (var initializer in creation.Initializer?.Initializers ?? default)
            {
                switch (initializer)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation indexer } assignment
                        when indexer.Arguments.Length == 1 && indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key }:
                        entries.Add(new RipePropertyEntry(key, Unwrap(assignment.Value)!, assignment.Syntax));
                        break;
                    case IInvocationOperation { TargetMethod.Name: "Add" } add
                        when add.Arguments.Length == 2 && add.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string addKey }:
                        entries.Add(new RipePropertyEntry(addKey, Unwrap(add.Arguments[1].Value)!, add.Syntax));
                        break;
                    default:
                        return false;
                }
            }

            return true;
        }

        /// <summary>Strips implicit conversions (to IRipeProperties, to object) and argument wrappers.</summary>
        public static IOperation? Unwrap(IOperation? operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IArgumentOperation argument:
                        operation = argument.Value;
                        break;
                    case IConversionOperation conversion when conversion.IsImplicit:
                        operation = conversion.Operand;
                        break;
                    default:
                        return operation;
                }
            }
        }
    }
}
