using System.Collections.Generic;
using System.Linq;

namespace RipeTyped.Generator.Naming
{
    /// <summary>
    /// The aliases the generated files declare, each with the type it stands for: the one place either is written. Short
    /// aliases keep the generated code small (a name repeated on every member is compile time in every build); no plan or
    /// generated name can take one (<see cref="GeneratedNames"/> reserves them), so nothing in a file can hide one.
    /// </summary>
    internal static class GeneratedAliases
    {
        /// <summary>The runtime's helpers: <c>__.Str(w, "name"u8, Name)</c>.</summary>
        public const string Helpers = "__";

        /// <summary>The interface every properties class implements.</summary>
        public const string Properties = "__P";

        /// <summary>The JSON writer of <c>WriteTo</c>.</summary>
        public const string Writer = "__W";

        /// <summary>The error list of <c>Validate</c>.</summary>
        public const string Errors = "__E";

        /// <summary>The identity parameter of the facade's methods.</summary>
        public const string Identity = "__I";

        /// <summary>
        /// The generated namespace (<c>__N.OrderCompletedProperties</c>): as safe as a <c>global::</c> name, and a plan's
        /// types are named in every facade, interface and wire-value method, so a long namespace is not paid for a thousand times.
        /// </summary>
        public const string Namespace = "__N";

        /// <summary>Every alias, in the order the files declare them.</summary>
        public static readonly string[] All = Table("").Select(alias => alias.Name).ToArray();

        /// <summary>The <c>using</c> lines of the given aliases, in table order; <see cref="Namespace"/> stands for <paramref name="generatedNamespace"/>.</summary>
        public static IEnumerable<string> Usings(string generatedNamespace, IReadOnlyCollection<string> aliases) =>
            Table(generatedNamespace).Where(alias => aliases.Contains(alias.Name)).Select(alias => "using " + alias.Name + " = " + alias.Target + ";");

        private static (string Name, string Target)[] Table(string generatedNamespace) => new[]
        {
            (Helpers, "global::RipeTyped.Serialization.RipeGenerated"),
            (Properties, "global::RipeTyped.IRipeProperties"),
            (Writer, "global::System.Text.Json.Utf8JsonWriter"),
            (Errors, "global::System.Collections.Generic.ICollection<global::RipeTyped.RipeValidationError>"),
            (Identity, "global::RipeTyped.RipeIdentity"),
            (Namespace, "global::" + generatedNamespace),
        };
    }
}
