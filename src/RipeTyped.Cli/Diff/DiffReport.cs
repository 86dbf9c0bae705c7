using RipeTyped.Cli.Infrastructure;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace RipeTyped.Cli.Diff
{
    /// <summary>Writes a plan diff as a Markdown pull-request comment or as JSON.</summary>
    internal static class DiffReport
    {
        /// <summary>A hidden marker so a CI job can find and update its earlier comment instead of adding another.</summary>
        public const string CommentMarker = "<!-- ripe-typed-diff -->";

        public static void WriteMarkdown(TextWriter output, IReadOnlyList<PlanChange> changes, string baseName, string headName)
        {
            output.WriteLine(CommentMarker);
            output.WriteLine("### Tracking plan changes");
            output.WriteLine();
            output.WriteLine($"{Markdown.Code(baseName)} → {Markdown.Code(headName)}");
            output.WriteLine();
            if (changes.Count == 0)
            {
                output.WriteLine("No changes to events, pages or traits.");
                return;
            }

            var breaking = changes.Where(c => c.Breaking).ToList();
            var other = changes.Where(c => !c.Breaking).ToList();
            output.WriteLine(breaking.Count > 0
                ? $"**{breaking.Count} breaking change(s)**, {other.Count} other change(s)."
                : $"No breaking changes; {other.Count} change(s).");
            WriteSection(output, "Breaking", breaking);
            WriteSection(output, "Not breaking", other);
        }

        public static void WriteJson(TextWriter output, IReadOnlyList<PlanChange> changes)
        {
            var document = new
            {
                breaking = changes.Count(c => c.Breaking),
                changes = changes.Select(c => new { section = c.Section, subject = c.Subject, description = c.Description, breaking = c.Breaking }),
            };
            output.WriteLine(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
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
            foreach (var group in changes.GroupBy(c => c.Section))
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
