using System.Linq;

namespace RipeTyped.Generator.Naming
{
    /// <summary>
    /// Names the generated files use themselves, which nothing from the plan or the project may take (with
    /// <see cref="GeneratedAliases"/> and <see cref="FacadeMembers"/>).
    /// </summary>
    internal static class GeneratedNames
    {
        /// <summary>The writer parameter of the generated <c>WriteTo(w)</c>.</summary>
        public const string WriterParameter = "w";

        /// <summary>The error-list parameter of the generated <c>Validate(e, p)</c>.</summary>
        public const string ErrorsParameter = "e";

        /// <summary>The path parameter of the generated <c>Validate(e, p)</c>.</summary>
        public const string PathParameter = "p";

        /// <summary>
        /// The parameters of the generated <c>WriteTo</c> and <c>Validate</c>, whose bodies name members without
        /// <c>this.</c>: reserved among a type's members, so no member can be shadowed by them.
        /// </summary>
        public static readonly string[] BodyParameters = { WriterParameter, ErrorsParameter, PathParameter };

        /// <summary>The private field holding a type's i-th distinct pattern: as many are reserved among its members as it has patterns.</summary>
        public static string PatternField(int index) => "s_pattern" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The private field of a names class (<see cref="FacadeMembers.EventNames"/>) holding its i-th distinct list of sources.</summary>
        public static string SourcesField(int index) => "s_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The private field of the wire-values class holding its i-th distinct list of enum strings (no plan name lives there).</summary>
        public static string WireValuesField(int index) => "s_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>
        /// A namespace the generated code can live in: valid C#, and no segment named like an alias (inside
        /// <c>namespace Acme.__;</c> the name <c>__</c> would mean the namespace, not the helpers).
        /// </summary>
        public static bool IsUsableNamespace(string name) =>
            IdentifierNaming.IsValidNamespace(name) && ReservedSegment(name) is null;

        /// <summary>A facade class name the generated code can use: valid C# and not an alias.</summary>
        public static bool IsUsableClassName(string name) => IdentifierNaming.IsValidIdentifier(name) && !GeneratedAliases.All.Contains(name);

        /// <summary>The namespace's first segment named like an alias, or null.</summary>
        public static string? ReservedSegment(string name) => name.Split('.').FirstOrDefault(part => GeneratedAliases.All.Contains(part));
    }
}
