using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace RipeTyped.Generator.Loading
{
    /// <summary>
    /// One parse per plan edit per process: the generator and both analyzers ask here, and whoever asks first loads.
    /// Two levels, both bounded: per <see cref="SourceText"/> instance (the host hands the generator and the analyzers
    /// of one compilation the same instance, so a hit reads no text at all; entries go with the text), then by content
    /// for the last few plans (a host that re-reads an unchanged file gets a new instance with the same text).
    /// </summary>
    internal static class PlanAnalysisCache
    {
        /// <summary>Plans kept by content: a few projects' plans, each in its last version.</summary>
        public const int ContentCapacity = 8;

        private static readonly ConditionalWeakTable<SourceText, ConcurrentDictionary<(string Path, string Namespace), Lazy<PlanAnalysis>>> ByInstance =
            new ConditionalWeakTable<SourceText, ConcurrentDictionary<(string Path, string Namespace), Lazy<PlanAnalysis>>>();

        private static readonly object ContentLock = new object();

        // Most recently used first; a plan is a handful of entries, so a list scan beats any index.
        private static readonly LinkedList<ContentEntry> ByContent = new LinkedList<ContentEntry>();

        public static PlanAnalysis Get(SourceText? text, string path, string defaultNamespace, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (text is null)
            {
                return Get("", path, defaultNamespace);
            }

            var byProject = ByInstance.GetValue(text, _ => new ConcurrentDictionary<(string, string), Lazy<PlanAnalysis>>());
            return byProject.GetOrAdd((path, defaultNamespace), key => new Lazy<PlanAnalysis>(
                () => Get(text.ToString(), key.Path, key.Namespace), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        }

        public static PlanAnalysis Get(string text, string path, string defaultNamespace)
        {
            Lazy<PlanAnalysis> entry;
            lock (ContentLock)
            {
                entry = FindOrAdd(text, path, defaultNamespace);
            }

            // Loaded outside the lock: other plans need not wait for this one; Lazy makes concurrent askers of this one wait.
            return entry.Value;
        }

        private static Lazy<PlanAnalysis> FindOrAdd(string text, string path, string defaultNamespace)
        {
            for (var node = ByContent.First; node != null; node = node.Next)
            {
                var candidate = node.Value;
                if (candidate.Path == path && candidate.Namespace == defaultNamespace && string.Equals(candidate.Text, text, StringComparison.Ordinal))
                {
                    ByContent.Remove(node);
                    ByContent.AddFirst(node);
                    return candidate.Analysis;
                }
            }

            var added = new ContentEntry(path, defaultNamespace, text, new Lazy<PlanAnalysis>(
                () => PlanAnalysis.Load(text, path, defaultNamespace), LazyThreadSafetyMode.ExecutionAndPublication));
            ByContent.AddFirst(added);
            while (ByContent.Count > ContentCapacity)
            {
                ByContent.RemoveLast();
            }

            return added.Analysis;
        }

        private sealed class ContentEntry
        {
            public ContentEntry(string path, string @namespace, string text, Lazy<PlanAnalysis> analysis)
            {
                Path = path;
                Namespace = @namespace;
                Text = text;
                Analysis = analysis;
            }

            public string Path { get; }

            public string Namespace { get; }

            public string Text { get; }

            public Lazy<PlanAnalysis> Analysis { get; }
        }
    }
}
