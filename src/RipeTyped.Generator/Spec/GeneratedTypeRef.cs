using System.Linq;
using RipeTyped.Generator.Common;

namespace RipeTyped.Generator.Spec
{
    /// <summary>
    /// A type's identity as a value: its namespace, the types it is nested in (outer to inner) and its name. It travels
    /// in pipeline models and diagnostics, so it holds strings only (never a symbol); each consumer asks it for the
    /// form it needs instead of cutting a <c>global::</c> string apart.
    /// </summary>
    /// <param name="ContainingTypes">The types it is nested in, outermost first; empty for a top-level type.</param>
    internal sealed record GeneratedTypeRef(string Namespace, EquatableArray<string> ContainingTypes, string Name)
    {
        public static GeneratedTypeRef TopLevel(string @namespace, string name) => new GeneratedTypeRef(@namespace, EquatableArray<string>.Empty, name);

        /// <summary>A type declared inside this one.</summary>
        public GeneratedTypeRef Nested(string name) => new GeneratedTypeRef(Namespace, ContainingTypes.Items.Add(Name).ToEquatableArray(), name);

        /// <summary>The name inside its namespace, nesting by dots: <c>Outer.Inner</c>.</summary>
        public string NameInNamespace => string.Join(".", ContainingTypes.Concat(new[] { Name }));

        /// <summary>As C# names it from anywhere: <c>global::A.B.Outer.Inner</c>.</summary>
        public string FullyQualifiedName => "global::" + Namespace + "." + NameInNamespace;

        /// <summary>As <c>Compilation.GetTypeByMetadataName</c> takes it, nesting by <c>+</c>: <c>A.B.Outer+Inner</c>.</summary>
        public string MetadataName => Namespace + "." + string.Join("+", ContainingTypes.Concat(new[] { Name }));

        /// <summary>True when declared directly inside <paramref name="scope"/>.</summary>
        public bool IsNestedIn(GeneratedTypeRef scope) =>
            scope.Namespace == Namespace && ContainingTypes.Count == scope.ContainingTypes.Count + 1 &&
            ContainingTypes.Items.Take(scope.ContainingTypes.Count).SequenceEqual(scope.ContainingTypes) &&
            ContainingTypes[ContainingTypes.Count - 1] == scope.Name;

        /// <summary>
        /// The name written inside <paramref name="scope"/>: the short name for a type nested directly in it (there it can
        /// only mean that type: nested type names are chosen apart from member names), else the fully qualified one.
        /// </summary>
        public string NameIn(GeneratedTypeRef? scope) => scope != null && IsNestedIn(scope) ? Name : FullyQualifiedName;

        public override string ToString() => FullyQualifiedName;
    }
}
