using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using RipeTyped.Generator.Common;

namespace RipeTyped.Generator.Diagnostics
{
    /// <summary>
    /// A diagnostic as plain data (no Location, no symbols) so it can travel through the incremental pipeline
    /// and be compared for caching. Turned into a Roslyn <see cref="Diagnostic"/> only when reported.
    /// </summary>
    internal sealed record PlanDiagnostic(string Id, string FilePath, SourceSpan Span, EquatableArray<string> MessageArgs)
    {
        /// <param name="filePath">The file to name when <paramref name="span"/> carries none (<see cref="SourceSpan.None"/>).</param>
        public static PlanDiagnostic Create(DiagnosticDescriptor descriptor, string filePath, SourceSpan span, params string[] args) =>
            new PlanDiagnostic(descriptor.Id, span.File ?? filePath, span, args.ToEquatableArray());

        public DiagnosticDescriptor Descriptor => RipeDiagnostics.ById(Id);

        public Location ToLocation() => Location.Create(FilePath, Span.TextSpan, Span.LineSpan);

        public Diagnostic ToDiagnostic() =>
            Diagnostic.Create(Descriptor, ToLocation(), MessageArgs.Select(a => (object)a).ToArray());

        /// <summary>The message with its arguments filled in, for the CLI and tests.</summary>
        public string Message => string.Format(System.Globalization.CultureInfo.InvariantCulture, Descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), MessageArgs.Select(a => (object)a).ToArray());

        public override string ToString() => $"{FilePath}({Span.DisplayLine},{Span.DisplayColumn}): {Id}: {Message}";
    }
}
