using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RipeTyped.Cli.Diff;
using RipeTyped.Cli.Infrastructure;
using RipeTyped.Generator.Diagnostics;

namespace RipeTyped.Cli.Docs
{
    /// <summary>What the docs show for one call: its shape, the generated C# method and a unique anchor.</summary>
    /// <param name="Problems">Plan errors between this call's name and the next call's, to show next to it.</param>
    /// <param name="VariantMethods">The generated method of each of the call's variants that got one, by <c>csharpName</c>.</param>
    internal sealed record CatalogEntry(CallShape Call, string? Method, string Anchor, IReadOnlyList<PlanDiagnostic> Problems, IReadOnlyDictionary<string, string>? VariantMethods = null);

    /// <summary>The plan as documentation: sections of entries, shared by the Markdown and HTML writers.</summary>
    internal sealed class Catalog
    {
        private Catalog(string title, string source, IReadOnlyList<(string Section, IReadOnlyList<CatalogEntry> Entries)> sections, IReadOnlyList<PlanDiagnostic> errors)
        {
            Title = title;
            Source = source;
            Sections = sections;
            Errors = errors;
        }

        /// <summary>Every plan error, so a catalog of an imperfect plan says what it could not document.</summary>
        public IReadOnlyList<PlanDiagnostic> Errors { get; }

        public string Title { get; }

        /// <summary>The plan's <c>sources</c>, for the event × source matrix; empty when the plan names none.</summary>
        public IReadOnlyList<string> PlanSources { get; init; } = Array.Empty<string>();

        public string? PlanVersion { get; init; }

        public string Source { get; }

        public IReadOnlyList<(string Section, IReadOnlyList<CatalogEntry> Entries)> Sections { get; }

        /// <summary>What the Description column shows: the property's description, then its examples from the plan.</summary>
        public static string Notes(PropertyShape property)
        {
            string description = property.Description ?? "";
            if (property.Examples is not { Count: > 0 } examples)
            {
                return description;
            }

            string listed = "Examples: " + string.Join(", ", examples) + ".";
            return description.Length == 0 ? listed : description.TrimEnd() + " " + listed;
        }

        public static Catalog Of(LoadedPlan plan, string? title)
        {
            var methods = new Dictionary<(string, string), string>();
            var variantMethods = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
            if (plan.Spec is { } spec)
            {
                foreach (var e in spec.Events)
                {
                    methods[(PlanShape.Events, e.WireName)] = e.MethodName;
                    variantMethods[e.WireName] = e.Variants.Items.ToDictionary(v => v.Variant!, v => v.MethodName, StringComparer.Ordinal);
                }

                foreach (var p in spec.Pages)
                {
                    methods[(PlanShape.Pages, p.WireName)] = p.MethodName;
                }

                methods[(PlanShape.Identify, "identify")] = spec.Identify.MethodName;
                methods[(PlanShape.Group, "group")] = spec.Group.MethodName;
            }

            var anchors = new HashSet<string>(StringComparer.Ordinal);
            var calls = PlanShape.Of(plan.Plan);
            var errors = plan.Errors.ToList();

            // An error belongs to the call whose name comes last before it in the same file (errors above every call are the plan's own).
            IReadOnlyList<PlanDiagnostic> ProblemsOf(CallShape call)
            {
                if (call.Line == 0)
                {
                    return Array.Empty<PlanDiagnostic>();
                }

                int next = calls.Where(c => c.File == call.File && c.Line > call.Line).Select(c => c.Line).DefaultIfEmpty(0).Min();
                return errors.Where(e => e.FilePath == (call.File ?? e.FilePath) && e.Span.DisplayLine >= call.Line && (next == 0 || e.Span.DisplayLine < next)).ToList();
            }

            var sections = calls
                .GroupBy(c => c.Section)
                .Select(g => (g.Key, (IReadOnlyList<CatalogEntry>)g
                    .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
                    .Select(c => new CatalogEntry(c, methods.TryGetValue((c.Section, c.Name), out var m) ? m : null, Anchor(c.Section, c.Name, anchors), ProblemsOf(c),
                        c.Section == PlanShape.Events && variantMethods.TryGetValue(c.Name, out var vm) ? vm : null))
                    .ToList()))
                .ToList();
            string className = plan.Spec?.ClassName ?? "analytics";
            return new Catalog(title ?? $"{className} tracking plan", plan.DisplayPath, sections, errors)
            {
                PlanSources = plan.Plan.Sources.Select(x => x.Value).ToList(),
                PlanVersion = plan.Plan.PlanVersion?.Value,
            };
        }

        /// <summary>"1 event", "3 pages", "1 identify traits": a section's size as the summary line says it.</summary>
        public static string CountOf(string section, int count) => section switch
        {
            PlanShape.Events => Infrastructure.Counted.Of(count, "event"),
            PlanShape.Pages => Infrastructure.Counted.Of(count, "page"),
            _ => $"{count} {section.ToLowerInvariant()}",
        };

        public static string Rules(PropertyShape p)
        {
            var rules = new List<string>();
            if (p.EnumValues.Count > 0)
            {
                rules.Add("one of " + string.Join(", ", p.EnumValues));
            }

            if (p.Pattern != null)
            {
                rules.Add("matches " + p.Pattern);
            }

            if (p.Minimum != null)
            {
                rules.Add("≥ " + PlanShape.Describe(p.Minimum));
            }

            if (p.Maximum != null)
            {
                rules.Add("≤ " + PlanShape.Describe(p.Maximum));
            }

            if (p.MinLength != null)
            {
                rules.Add("length ≥ " + p.MinLength.Value.ToString(CultureInfo.InvariantCulture));
            }

            if (p.MaxLength != null)
            {
                rules.Add("length ≤ " + p.MaxLength.Value.ToString(CultureInfo.InvariantCulture));
            }

            if (p.Nullable)
            {
                rules.Add("may be null");
            }

            return string.Join("; ", rules);
        }

        private static string Anchor(string section, string name, HashSet<string> taken)
        {
            var slug = new string((section + "-" + name).ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
            while (slug.Contains("--"))
            {
                slug = slug.Replace("--", "-");
            }

            slug = slug.Trim('-');
            string unique = slug;
            for (int i = 2; !taken.Add(unique); i++)
            {
                unique = slug + "-" + i.ToString(CultureInfo.InvariantCulture);
            }

            return unique;
        }
    }
}
