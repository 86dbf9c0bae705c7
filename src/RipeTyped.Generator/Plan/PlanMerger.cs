using System;
using System.Collections.Generic;
using System.Globalization;
using RipeTyped.Generator.Diagnostics;

namespace RipeTyped.Generator.Plan
{
    /// <summary>
    /// A plan split across files (one per team or domain) read as one: events, pages, definitions and traits are pooled in
    /// file order; a name defined in two files, or an option (or <c>planVersion</c>) set differently, is RIPE0017 at both
    /// places and the later one is left out. Duplicates within one file stay the validator's (RIPE0007).
    /// </summary>
    internal sealed class PlanMerger
    {
        private readonly List<PlanDiagnostic> _diagnostics;
        private readonly TrackingPlan _merged;

        private PlanMerger(TrackingPlan first, List<PlanDiagnostic> diagnostics)
        {
            _diagnostics = diagnostics;
            _merged = new TrackingPlan(first.FilePath);
        }

        /// <param name="files">The files as read, in path order; the first one names the plan.</param>
        public static TrackingPlan Merge(IReadOnlyList<TrackingPlan> files, List<PlanDiagnostic> diagnostics)
        {
            if (files.Count == 1)
            {
                return files[0];
            }

            var merger = new PlanMerger(files[0], diagnostics);
            foreach (var file in files)
            {
                merger.Add(file);
            }

            return merger._merged;
        }

        private void Add(TrackingPlan file)
        {
            var options = _merged.Options;
            var theirs = file.Options;
            options.Namespace = Pick(options.Namespace, theirs.Namespace, "Option", "namespace");
            options.ClassName = Pick(options.ClassName, theirs.ClassName, "Option", "className");
            options.EventCase = Pick(options.EventCase, theirs.EventCase, "Option", "eventCase");
            options.EventWordOrder = Pick(options.EventWordOrder, theirs.EventWordOrder, "Option", "eventWordOrder");
            options.PropertyCase = Pick(options.PropertyCase, theirs.PropertyCase, "Option", "propertyCase");
            options.FacadeInterface = Pick(options.FacadeInterface, theirs.FacadeInterface, "Option", "facadeInterface");
            _merged.PlanVersion = Pick(_merged.PlanVersion, file.PlanVersion, "The plan's", "planVersion");
            foreach (var source in file.Sources)
            {
                if (!_merged.Sources.Exists(s => s.Value == source.Value))
                {
                    _merged.Sources.Add(source);
                }
            }

            AddNamed(_merged.Definitions, file.Definitions, d => d.Name, d => d.NameSpan, "Definition");
            AddNamed(_merged.Events, file.Events, c => c.Name, c => c.NameSpan, "Event");
            AddNamed(_merged.Pages, file.Pages, c => c.Name, c => c.NameSpan, "Page");
            _merged.Identify = MergeTraits(_merged.Identify, file.Identify, "identify");
            _merged.Group = MergeTraits(_merged.Group, file.Group, "group");
        }

        private Named? Pick(Named? kept, Named? other, string what, string name)
        {
            if (other is null)
            {
                return kept;
            }

            if (kept is null)
            {
                return other;
            }

            if (kept.Value != other.Value)
            {
                ReportBoth(what, name, kept.Span, other.Span);
            }

            return kept;
        }

        private void AddNamed<T>(List<T> into, List<T> from, Func<T, string> name, Func<T, SourceSpan> span, string what)
        {
            // Names from earlier files only: a duplicate inside this file is the validator's to report (RIPE0007).
            var earlier = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var item in into)
            {
                earlier[name(item)] = item;
            }

            foreach (var item in from)
            {
                if (earlier.TryGetValue(name(item), out var first))
                {
                    ReportBoth(what, name(item), span(first), span(item));
                    continue;
                }

                into.Add(item);
            }
        }

        private CallDefinition? MergeTraits(CallDefinition? kept, CallDefinition? other, string section)
        {
            if (other is null)
            {
                return kept;
            }

            if (kept is null)
            {
                return other;
            }

            var merged = new CallDefinition(kept.Name, kept.NameSpan)
            {
                Description = kept.Description ?? other.Description,
                AdditionalProperties = kept.AdditionalProperties || other.AdditionalProperties,
                Owner = kept.Owner ?? other.Owner,
            };
            merged.Sources.AddRange(kept.Sources);
            merged.Sources.AddRange(other.Sources.FindAll(s => !kept.Sources.Exists(k => k.Value == s.Value)));
            merged.Properties.AddRange(kept.Properties);
            AddNamed(merged.Properties, other.Properties, p => p.Name, p => p.NameSpan, $"Trait of '{section}'");
            return merged;
        }

        private void ReportBoth(string what, string name, SourceSpan first, SourceSpan second)
        {
            _diagnostics.Add(PlanDiagnostic.Create(RipeDiagnostics.ConflictAcrossFiles, _merged.FilePath, first, what, name, FileName(second), Line(second)));
            _diagnostics.Add(PlanDiagnostic.Create(RipeDiagnostics.ConflictAcrossFiles, _merged.FilePath, second, what, name, FileName(first), Line(first)));
        }

        private static string FileName(SourceSpan span) => System.IO.Path.GetFileName(span.File ?? "");

        private static string Line(SourceSpan span) => span.DisplayLine.ToString(CultureInfo.InvariantCulture);
    }
}
