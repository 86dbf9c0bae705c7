using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using RipeTyped.Generator.Diagnostics;

namespace RipeTyped.Cli.Lint
{
    /// <summary>A plan diagnostic with the severity it is reported at (the rule's default, or as configured).</summary>
    internal sealed record ReportedDiagnostic(PlanDiagnostic Diagnostic, DiagnosticSeverity Severity)
    {
        public static ReportedDiagnostic AtDefault(PlanDiagnostic diagnostic) => new ReportedDiagnostic(diagnostic, diagnostic.Descriptor.DefaultSeverity);

        public string FilePath => Diagnostic.FilePath;

        public string Id => Diagnostic.Id;
    }

    /// <summary>Writes plan diagnostics as compiler-style text, GitHub Actions annotations, or SARIF 2.1.0.</summary>
    internal static class DiagnosticFormats
    {
        public static string Severity(ReportedDiagnostic reported, bool warningsAsErrors) => reported.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => warningsAsErrors ? "error" : "warning",
            _ => "info",
        };

        /// <summary>Diagnostics at their rules' default severities (where no configuration applies, as in import).</summary>
        public static IEnumerable<ReportedDiagnostic> AtDefault(IEnumerable<PlanDiagnostic> diagnostics) => diagnostics.Select(ReportedDiagnostic.AtDefault);

        /// <summary><c>path(line,col): warning RIPE1001: message</c>, as MSBuild prints diagnostics.</summary>
        public static void WriteText(TextWriter output, IEnumerable<ReportedDiagnostic> diagnostics, bool warningsAsErrors)
        {
            foreach (var r in diagnostics)
            {
                var d = r.Diagnostic;
                output.WriteLine($"{d.FilePath}({d.Span.DisplayLine},{d.Span.DisplayColumn}): {Severity(r, warningsAsErrors)} {d.Id}: {d.Message}");
            }
        }

        /// <summary>Workflow commands GitHub turns into annotations on the pull request's changed lines.</summary>
        public static void WriteGitHub(TextWriter output, IEnumerable<ReportedDiagnostic> diagnostics, bool warningsAsErrors)
        {
            foreach (var r in diagnostics)
            {
                var d = r.Diagnostic;
                string level = Severity(r, warningsAsErrors) switch { "error" => "error", "warning" => "warning", _ => "notice" };
                output.WriteLine(
                    $"::{level} file={Property(d.FilePath)},line={d.Span.DisplayLine},col={d.Span.DisplayColumn},endLine={d.Span.EndLine + 1},endColumn={d.Span.EndColumn + 1},title={Property(d.Id + ": " + d.Descriptor.Title)}::{Data(d.Message)}");
            }
        }

        public static void WriteSarif(TextWriter output, IReadOnlyList<ReportedDiagnostic> diagnostics, bool warningsAsErrors, string toolVersion)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
                json.WriteString("version", "2.1.0");
                json.WriteStartArray("runs");
                json.WriteStartObject();
                json.WriteStartObject("tool");
                json.WriteStartObject("driver");
                json.WriteString("name", "ripe-typed");
                json.WriteString("version", toolVersion);
                json.WriteString("informationUri", "https://github.com/ripetyped/ripetyped");
                json.WriteStartArray("rules");
                foreach (var descriptor in diagnostics.Select(d => d.Diagnostic.Descriptor).Distinct().OrderBy(d => d.Id, System.StringComparer.Ordinal))
                {
                    json.WriteStartObject();
                    json.WriteString("id", descriptor.Id);
                    json.WriteStartObject("shortDescription");
                    json.WriteString("text", descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    json.WriteEndObject();
                    json.WriteString("helpUri", descriptor.HelpLinkUri);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteStartArray("results");
                foreach (var r in diagnostics)
                {
                    var d = r.Diagnostic;
                    json.WriteStartObject();
                    json.WriteString("ruleId", d.Id);
                    json.WriteString("level", Severity(r, warningsAsErrors) switch { "error" => "error", "warning" => "warning", _ => "note" });
                    json.WriteStartObject("message");
                    json.WriteString("text", d.Message);
                    json.WriteEndObject();
                    json.WriteStartArray("locations");
                    json.WriteStartObject();
                    json.WriteStartObject("physicalLocation");
                    json.WriteStartObject("artifactLocation");
                    json.WriteString("uri", d.FilePath.Replace('\\', '/'));
                    json.WriteEndObject();
                    json.WriteStartObject("region");
                    json.WriteNumber("startLine", d.Span.DisplayLine);
                    json.WriteNumber("startColumn", d.Span.DisplayColumn);
                    json.WriteNumber("endLine", d.Span.EndLine + 1);
                    json.WriteNumber("endColumn", d.Span.EndColumn + 1);
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        }

        // GitHub workflow command escaping: data escapes %, CR, LF; properties also ':' and ','.
        internal static string Data(string value) => value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

        internal static string Property(string value) => Data(value).Replace(":", "%3A").Replace(",", "%2C");
    }
}
