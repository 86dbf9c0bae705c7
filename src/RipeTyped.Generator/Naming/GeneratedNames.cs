using System.Linq;

namespace RipeTyped.Generator.Naming
{
    /// <summary>Names the generated files use themselves, which nothing from the plan or the project may take.</summary>
    internal static class GeneratedNames
    {
        /// <summary>
        /// The aliases every generated file declares (<c>__</c> the helpers, <c>__P</c> the interface, <c>__W</c> the
        /// writer, <c>__E</c> the error list, <c>__I</c> the identity, <c>__N</c> the generated namespace).
        /// </summary>
        public static readonly string[] Aliases = { "__", "__P", "__W", "__E", "__I", "__N" };

        /// <summary>
        /// The parameters of the generated <c>WriteTo(w)</c> and <c>Validate(e, p)</c>, whose bodies name members without
        /// <c>this.</c>: reserved among a type's members, so no member can be shadowed by them.
        /// </summary>
        public static readonly string[] BodyParameters = { "w", "e", "p" };

        /// <summary>The private field holding a type's i-th distinct pattern: as many are reserved among its members as it has patterns.</summary>
        public static string PatternField(int index) => "s_pattern" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>
        /// A namespace the generated code can live in: valid C#, and no segment named like an alias (inside
        /// <c>namespace Acme.__;</c> the name <c>__</c> would mean the namespace, not the helpers).
        /// </summary>
        public static bool IsUsableNamespace(string name) =>
            IdentifierNaming.IsValidNamespace(name) && ReservedSegment(name) is null;

        /// <summary>A facade class name the generated code can use: valid C# and not an alias.</summary>
        public static bool IsUsableClassName(string name) => IdentifierNaming.IsValidIdentifier(name) && !Aliases.Contains(name);

        /// <summary>The namespace's first segment named like an alias, or null.</summary>
        public static string? ReservedSegment(string name) => name.Split('.').FirstOrDefault(part => Aliases.Contains(part));
    }
}
