using System;
using System.Collections.Generic;
using System.Text.Json;

namespace RipeTyped.Cli.Import.Rudder
{
    /// <summary>An entry of a catalog list (a property, event, custom type or category), where it is and which file it is in.</summary>
    internal sealed record RudderEntry(string Id, JsonElement Value, string Path, RudderSpec Spec);

    /// <summary>
    /// The data catalog of a rudder-cli project: properties, events, custom types and categories by id, across files,
    /// so rules can resolve their references whatever file they point into.
    /// </summary>
    internal sealed class RudderCatalog
    {
        private readonly Dictionary<string, Dictionary<string, RudderEntry>> _byKind = new Dictionary<string, Dictionary<string, RudderEntry>>(StringComparer.Ordinal);

        /// <summary>Adds an entry; returns the entry already there when the id is taken (the first one is kept).</summary>
        public RudderEntry? Add(string kind, RudderEntry entry)
        {
            if (!_byKind.TryGetValue(kind, out var entries))
            {
                _byKind[kind] = entries = new Dictionary<string, RudderEntry>(StringComparer.Ordinal);
            }

            if (entries.TryGetValue(entry.Id, out var existing))
            {
                return existing;
            }

            entries[entry.Id] = entry;
            return null;
        }

        public IEnumerable<RudderEntry> All(string kind) => _byKind.TryGetValue(kind, out var entries) ? entries.Values : Array.Empty<RudderEntry>();

        /// <summary>The entry a reference names, if it is of <paramref name="kind"/> and exists (a legacy group must match too).</summary>
        public RudderEntry? Resolve(string? reference, string kind) =>
            RudderRef.Parse(reference) is { } r && r.Kind == kind && _byKind.TryGetValue(kind, out var entries) && entries.TryGetValue(r.Id, out var entry)
                && (r.Group is null || r.Group == entry.Spec.Group)
                ? entry
                : null;
    }
}
