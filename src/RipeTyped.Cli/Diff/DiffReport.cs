using RipeTyped.Cli.Infrastructure;
using RipeTyped.Generator.Diagnostics;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace RipeTyped.Cli.Diff
{
    /// <summary>The plan errors of both sides of a diff, reported apart from the changes.</summary>
    internal sealed record PlanErrors(string BaseName, IReadOnlyList<PlanDiagnostic> Base, string HeadName, IReadOnlyList<PlanDiagnostic> Head)
    {
        public int Count => Base.Count + Head.Count;
    }

    /// <summary>Writes a plan diff as a Markdown pull-request comment or as JSON.</summary>
    internal static class DiffReport
    {
        /// <summary>A hidden marker so a CI job can find and update its earlier comment instead of adding another.</summary>
        public const string CommentMarker = "<!-- ripe-typed-diff -->";

        public static void WriteMarkdown(TextWriter output, IReadOnlyList<PlanChange> changes, PlanErrors errors, VersionBump version)
        {
            output.WriteLine(CommentMarker);
            output.WriteLine("### Tracking plan changes");
            output.WriteLine();
            output.WriteLine($"{Markdown.Code(errors.BaseName)} → {Markdown.Code(errors.HeadName)}");
            output.WriteLine();
            WriteErrors(output, errors);
            if (version.Enforced)
            {
                output.WriteLine((version.Ok ? "✅ **Plan version:** " : "❌ **Plan version:** ") + version.Verdict);
                output.WriteLine();
            }

            if (changes.Count == 0)
            {
                output.WriteLine("No changes to events, pages or traits.");
                return;
            }

            var owners = changes.Where(c => c.Owner != null).Select(c => c.Owner!).Distinct().OrderBy(o => o, System.StringComparer.Ordinal).ToList();
            if (owners.Count > 0)
            {
                output.WriteLine("**Review needed from:** " + string.Join(", ", owners.Select(Markdown.Code))
                    + (changes.Any(c => c.Owner is null) ? " (and a maintainer, for changes with no owner)" : ""));
                output.WriteLine();
            }

            var breaking = changes.Where(c => c.Breaking).ToList();
            var other = changes.Where(c => !c.Breaking).ToList();
            output.WriteLine(breaking.Count > 0
                ? $"**{Counted.Of(breaking.Count, "breaking change")}**, {Counted.Of(other.Count, "other change")}."
                : $"No breaking changes; {Counted.Of(other.Count, "change")}.");
            WriteSection(output, "Breaking", breaking);
            WriteSection(output, "Not breaking", other);
        }

        public static void WriteJson(TextWriter output, IReadOnlyList<PlanChange> changes, PlanErrors errors, VersionBump version)
        {
            var document = new
            {
                breaking = changes.Count(c => c.Breaking),
                version = new
                {
                    @base = version.BaseVersion,
                    head = version.HeadVersion,
                    required = version.Required.ToString().ToLowerInvariant(),
                    made = version.Made.ToString().ToLowerInvariant(),
                    enforced = version.Enforced,
                    ok = version.Ok,
                    verdict = version.Verdict,
                },
                owners = changes.Where(c => c.Owner != null).Select(c => c.Owner).Distinct().OrderBy(o => o, System.StringComparer.Ordinal),
                changes = changes.Select(c => new { section = c.Section, subject = c.Subject, description = c.Description, breaking = c.Breaking, owner = c.Owner }),
                errors = new
                {
                    @base = errors.Base.Select(e => new { line = e.Span.DisplayLine, column = e.Span.DisplayColumn, id = e.Id, message = e.Message }),
                    head = errors.Head.Select(e => new { line = e.Span.DisplayLine, column = e.Span.DisplayColumn, id = e.Id, message = e.Message }),
                },
            };
            output.WriteLine(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
        }

        private static void WriteErrors(TextWriter output, PlanErrors errors)
        {
            foreach (var (name, list) in new[] { (errors.BaseName, errors.Base), (errors.HeadName, errors.Head) })
            {
                if (list.Count == 0)
                {
                    continue;
                }

                output.WriteLine($"> [!WARNING]");
                output.WriteLine($"> {Markdown.Code(name)} has {Counted.Of(list.Count, "plan error")}; what {(list.Count == 1 ? "it touches" : "they touch")} is not compared:");
                foreach (var e in list.Take(20))
                {
                    output.WriteLine($"> - line {e.Span.DisplayLine}: {Markdown.Text(e.Id + ": " + e.Message)}");
                }

                if (list.Count > 20)
                {
                    output.WriteLine($"> - … and {list.Count - 20} more (ripe-typed lint lists them all)");
                }

                output.WriteLine();
            }
        }

        private static void WriteSection(TextWriter output, string title, List<PlanChange> changes)
        {
            if (changes.Count == 0)
            {
                return;
            }

            output.WriteLine();
            output.WriteLine($"#### {title}");
            output.WriteLine();
            bool byOwner = changes.Any(c => c.Owner != null);
            foreach (var owned in changes.GroupBy(c => c.Owner).OrderBy(g => g.Key is null ? 1 : 0).ThenBy(g => g.Key, System.StringComparer.Ordinal))
            {
                if (byOwner)
                {
                    output.WriteLine(owned.Key is null ? "##### No owner" : $"##### Owner: {Markdown.Code(owned.Key)}");
                    output.WriteLine();
                }

                foreach (var group in owned.GroupBy(c => c.Section))
                {
                    output.WriteLine($"**{group.Key}**");
                    output.WriteLine();
                    foreach (var change in group)
                    {
                        output.WriteLine($"- {Markdown.Code(change.Subject)}: {change.Description}");
                    }

                    output.WriteLine();
                }
            }
        }
    }
}
