using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using RipeTyped.Generator.Plan;

namespace RipeTyped.Generator.Loading
{
    /// <summary>
    /// One parse per plan edit per process: the generator and both analyzers ask here, and whoever asks first loads.
    /// Two levels, both bounded: per <see cref="SourceText"/> instance of the plan's first file (the host hands the generator
    /// and the analyzers of one compilation the same instances, so a hit reads no text at all; entries go with the text),
    /// then by content for the last few plans (a host that re-reads an unchanged file gets a new instance, same text).
    /// </summary>
    internal static class PlanAnalysisCache
    {
        /// <summary>Plans kept by content: a few projects' plans, each in its last version only.</summary>
        public const int ContentCapacity = 8;

        private static readonly ConditionalWeakTable<SourceText, InstanceEntries> ByInstance = new ConditionalWeakTable<SourceText, InstanceEntries>();

        private static readonly object ContentLock = new object();

        // Most recently used first; a handful of entries, so a list scan beats any index.
        private static readonly LinkedList<ContentEntry> ByContent = new LinkedList<ContentEntry>();

        public static PlanAnalysis Get(SourceText? text, string path, string defaultNamespace, CancellationToken cancellationToken) =>
            Get(new[] { (path, text) }, defaultNamespace, null, cancellationToken);

        /// <param name="files">The plan's files in path order, with their texts as the host gave them.</param>
        public static PlanAnalysis Get(IReadOnlyList<(string Path, SourceText? Text)> files, string defaultNamespace, string? source, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SourceText? first = files[0].Text;
            if (first is null)
            {
                return Get(files.Select(ToPlanText).ToList(), defaultNamespace, source);
            }

            var entries = ByInstance.GetValue(first, _ => new InstanceEntries());
            Lazy<PlanAnalysis> entry;
            lock (entries)
            {
                entry = entries.Find(files, defaultNamespace, source) ?? entries.Add(files, defaultNamespace, source, new Lazy<PlanAnalysis>(
                    () => Get(files.Select(ToPlanText).ToList(), defaultNamespace, source),
                    LazyThreadSafetyMode.ExecutionAndPublication));
            }

            return entry.Value;
        }

        /// <summary>The host's decoded text, checked for bytes that were not UTF-8 (<see cref="PlanTextDecoding.FromSourceText"/>).</summary>
        private static PlanText ToPlanText((string Path, SourceText? Text) file) =>
            file.Text is null ? new PlanText(file.Path, "") : PlanTextDecoding.FromSourceText(file.Path, file.Text);

        public static PlanAnalysis Get(IReadOnlyList<PlanText> files, string defaultNamespace, string? source)
        {
            Lazy<PlanAnalysis> entry;
            lock (ContentLock)
            {
                entry = FindOrAdd(files, defaultNamespace, source);
            }

            // Loaded outside the lock: other plans need not wait for this one; Lazy makes concurrent askers of this one wait.
            return entry.Value;
        }

        private static Lazy<PlanAnalysis> FindOrAdd(IReadOnlyList<PlanText> files, string defaultNamespace, string? source)
        {
            for (var node = ByContent.First; node != null; node = node.Next)
            {
                var candidate = node.Value;
                if (candidate.Namespace == defaultNamespace && candidate.Source == source && candidate.Files.SequenceEqual(files))
                {
                    ByContent.Remove(node);
                    ByContent.AddFirst(node);
                    return candidate.Analysis;
                }
            }

            // An edit replaces the project's previous version of its plan (same files, namespace and source): editing a
            // large plan must not keep its last eight versions alive. The per-instance level still serves a snapshot
            // that holds the old text.
            for (var node = ByContent.First; node != null;)
            {
                var next = node.Next;
                var old = node.Value;
                if (old.Namespace == defaultNamespace && old.Source == source && old.Files.Select(f => f.Path).SequenceEqual(files.Select(f => f.Path)))
                {
                    ByContent.Remove(node);
                }

                node = next;
            }

            var added = new ContentEntry(files.ToArray(), defaultNamespace, source, new Lazy<PlanAnalysis>(
                () => PlanAnalysis.Load(files, defaultNamespace, source), LazyThreadSafetyMode.ExecutionAndPublication));
            ByContent.AddFirst(added);
            while (ByContent.Count > ContentCapacity)
            {
                ByContent.RemoveLast();
            }

            return added.Analysis;
        }

        /// <summary>The loads made from one first-file text: per project (namespace, source) and the other files' instances.</summary>
        private sealed class InstanceEntries
        {
            private readonly List<(string Namespace, string? Source, (string Path, SourceText? Text)[] Files, Lazy<PlanAnalysis> Analysis)> _entries =
                new List<(string, string?, (string, SourceText?)[], Lazy<PlanAnalysis>)>();

            public Lazy<PlanAnalysis>? Find(IReadOnlyList<(string Path, SourceText? Text)> files, string defaultNamespace, string? source)
            {
                foreach (var entry in _entries)
                {
                    if (entry.Namespace == defaultNamespace && entry.Source == source && entry.Files.Length == files.Count
                        && entry.Files.Zip(files, (a, b) => a.Path == b.Path && ReferenceEquals(a.Text, b.Text)).All(same => same))
                    {
                        return entry.Analysis;
                    }
                }

                return null;
            }

            public Lazy<PlanAnalysis> Add(IReadOnlyList<(string Path, SourceText? Text)> files, string defaultNamespace, string? source, Lazy<PlanAnalysis> analysis)
            {
                // Bounded: a first file's text seen with many different other files keeps only the latest few.
                if (_entries.Count >= ContentCapacity)
                {
                    _entries.RemoveAt(0);
                }

                _entries.Add((defaultNamespace, source, files.ToArray(), analysis));
                return analysis;
            }
        }

        private sealed class ContentEntry
        {
            public ContentEntry(PlanText[] files, string @namespace, string? source, Lazy<PlanAnalysis> analysis)
            {
                Files = files;
                Namespace = @namespace;
                Source = source;
                Analysis = analysis;
            }

            public PlanText[] Files { get; }

            public string Namespace { get; }

            public string? Source { get; }

            public Lazy<PlanAnalysis> Analysis { get; }
        }
    }
}
