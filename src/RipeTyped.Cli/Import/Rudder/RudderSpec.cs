using System;
using System.Text.Json;

namespace RipeTyped.Cli.Import.Rudder
{
    /// <summary>
    /// One <c>rudder-cli</c> project file: <c>version</c> (<c>rudder/v0.1</c>, <c>rudder/0.1</c> or <c>rudder/v1</c>),
    /// <c>kind</c>, <c>metadata.name</c> (the group legacy references name) and <c>spec</c>.
    /// </summary>
    internal sealed record RudderSpec(string File, string Version, string Kind, string Group, JsonElement Spec)
    {
        /// <summary>v1 writes references as <c>#property:id</c>, snake_case config keys and <c>property:</c> in rules.</summary>
        public bool IsV1 => Version == "rudder/v1";

        /// <summary>Where the spec is, for the report: <c>events.yaml: spec</c>.</summary>
        public string Path => File + ": spec";

        /// <summary>A rudder-cli spec file: a mapping with a <c>rudder/…</c> version and a kind.</summary>
        public static RudderSpec? TryRead(string file, JsonElement root) =>
            Json.String(root, "version") is { } version && version.StartsWith("rudder/", StringComparison.Ordinal) && Json.String(root, "kind") is { } kind
                ? new RudderSpec(file, version, kind, Json.Property(root, "metadata") is { } metadata ? Json.String(metadata, "name") ?? "" : "", Json.Property(root, "spec") ?? default)
                : null;
    }

    /// <summary>
    /// A cross-file reference: legacy <c>#/properties/group/id</c> (a path through kind, the file's group and the id) or
    /// v1 <c>#property:id</c> (kind and id).
    /// </summary>
    internal readonly record struct RudderRef(string Kind, string? Group, string Id)
    {
        public static RudderRef? Parse(string? text)
        {
            if (string.IsNullOrEmpty(text) || text![0] != '#')
            {
                return null;
            }

            if (text.StartsWith("#/", StringComparison.Ordinal))
            {
                string[] parts = text.Substring(2).Split('/');
                return parts.Length == 3 ? new RudderRef(Normal(parts[0]), parts[1], parts[2]) : null;
            }

            int colon = text.IndexOf(':');
            return colon > 1 && colon < text.Length - 1 ? new RudderRef(Normal(text.Substring(1, colon - 1)), null, text.Substring(colon + 1)) : null;
        }

        /// <summary>The kind as the legacy path spells it: <c>property</c> and <c>properties</c> both mean <c>properties</c>.</summary>
        private static string Normal(string kind) => kind switch
        {
            "property" => "properties",
            "event" => "events",
            "custom-type" => "custom-types",
            "category" => "categories",
            _ => kind,
        };
    }
}
