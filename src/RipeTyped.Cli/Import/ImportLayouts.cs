using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using RipeTyped.Cli.Import.Rudder;
using RipeTyped.Cli.Import.Snowplow;
using RipeTyped.Cli.Infrastructure;

namespace RipeTyped.Cli.Import
{
    /// <summary>
    /// Which layout the given files are in, told by their shape (or named with <c>--from</c>), and the reader for it:
    /// a rudder-cli project (YAML specs with <c>version: rudder/…</c> and <c>kind</c>), Snowplow Iglu schemas (a <c>self</c>
    /// block), RudderStack's API tracking plan (<c>events</c> with <c>eventType</c>), or one of Segment's layouts.
    /// </summary>
    internal static class ImportLayouts
    {
        public static readonly string[] Names = { "segment", "rudderstack", "rudderstack-api", "snowplow" };

        public static ImportedPlan Read(List<ImportFile> files, string? from)
        {
            var documents = files.Select(f => (File: f, Root: Parse(f))).ToList();
            string layout = from ?? Detect(documents);
            switch (layout)
            {
                case "rudderstack":
                    return RudderProjectReader.Read(documents);
                case "snowplow":
                    return IgluSchemaReader.Read(documents);
                case "rudderstack-api":
                    return RudderApiPlanReader.Read(Single(files, layout).Text, files[0].Name);
                default:
                    var single = Single(files, layout);
                    return SegmentPlanReader.Read(single.Text, single.Path);
            }
        }

        private static string Detect(List<(ImportFile File, JsonElement Root)> documents)
        {
            if (documents.Any(d => RudderSpec.TryRead(d.File.Name, d.Root) != null))
            {
                return "rudderstack";
            }

            if (documents.Any(d => IgluSchemaReader.IsSelfDescribing(d.Root)))
            {
                return "snowplow";
            }

            if (documents.Count == 1 && RudderApiPlanReader.IsApiPlan(documents[0].Root))
            {
                return "rudderstack-api";
            }

            if (documents.Count > 1)
            {
                throw CliException.Input(
                    $"{string.Join(", ", documents.Take(3).Select(d => d.File.Name))}{(documents.Count > 3 ? ", …" : "")}: no layout RipeTyped knows among these {documents.Count} files. " +
                    "Expected rudder-cli specs ('version: rudder/v1', 'kind: events'…), Snowplow Iglu schemas (a \"self\" block), or one Segment or RudderStack plan file.");
            }

            return "segment"; // which tells an unknown file apart, naming what it found
        }

        private static ImportFile Single(List<ImportFile> files, string layout) => files.Count == 1
            ? files[0]
            : throw CliException.Input($"{layout} plans are one file; {files.Count} were given ({string.Join(", ", files.Take(3).Select(f => f.Name))}…).");

        /// <summary>A file's document: YAML through the plan's YAML reader, anything else as JSON (position named when malformed).</summary>
        private static JsonElement Parse(ImportFile file)
        {
            if (file.IsYaml)
            {
                return YamlJson.Read(file.Text, file.Path);
            }

            try
            {
                using var document = JsonDocument.Parse(file.Text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
                return document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw CliException.Input($"{file.Path}({(ex.LineNumber ?? 0) + 1},{(ex.BytePositionInLine ?? 0) + 1}): not valid JSON: {SegmentPlanReader.FirstSentence(ex.Message)}");
            }
        }
    }
}
