using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

// One format, one implementation: RipeTyped.Testing writes coverage files with this type and `ripe-typed coverage`
// (RipeTyped.Cli, which references neither the runtime nor this package) compiles this same file to read them.
namespace RipeTyped.Testing
{
    /// <summary>What a coverage file records: the plan events and pages exercised, and whether identify and group were.</summary>
    internal sealed class CoverageData
    {
        public SortedSet<string> Events { get; } = new SortedSet<string>(StringComparer.Ordinal);

        public SortedSet<string> Pages { get; } = new SortedSet<string>(StringComparer.Ordinal);

        public bool Identify { get; set; }

        public bool Group { get; set; }

        /// <summary>Adds what <paramref name="other"/> exercised (several test processes' files merge).</summary>
        public void Add(CoverageData other)
        {
            Events.UnionWith(other.Events);
            Pages.UnionWith(other.Pages);
            Identify |= other.Identify;
            Group |= other.Group;
        }

        public CoverageData Copy()
        {
            var copy = new CoverageData();
            copy.Add(this);
            return copy;
        }
    }

    /// <summary>
    /// The coverage file format: its member names, its marker, its version, its file names, and how it is written and
    /// read. A JSON object:
    /// <c>{ "format": "ripe-typed-coverage", "formatVersion": 1, "events": [...], "pages": [...], "identify": bool, "group": bool }</c>.
    /// Files of earlier releases have no <c>formatVersion</c> (they carry a <c>"version": 1</c> nothing reads) and are
    /// version 1. A change a reader of this version would misread raises <see cref="FormatVersion"/>; a reader refuses a
    /// file of a newer version than its own rather than report wrong coverage.
    /// </summary>
    internal static class CoverageFile
    {
        /// <summary>The value of <c>"format"</c> in every coverage file: how a coverage file is told from other JSON.</summary>
        public const string FormatMarker = "ripe-typed-coverage";

        /// <summary>The version of the format this code writes, and the newest it reads.</summary>
        public const int FormatVersion = 1;

        /// <summary>The version of a file with no <c>formatVersion</c>: one written by an earlier release.</summary>
        public const int UnversionedFormatVersion = 1;

        /// <summary>The name pattern of the files <see cref="FileName"/> names.</summary>
        public const string FileNamePattern = FileNamePrefix + "*" + FileNameExtension;

        private const string FileNamePrefix = "ripe-coverage-";
        private const string FileNameExtension = ".json";

        private const string FormatMember = "format";
        private const string VersionMember = "formatVersion";
        private const string EventsMember = "events";
        private const string PagesMember = "pages";
        private const string IdentifyMember = "identify";
        private const string GroupMember = "group";

        /// <summary>The file a test process writes: <c>ripe-coverage-{process id}.json</c>.</summary>
        public static string FileName(int processId) => FileNamePrefix + processId.ToString(System.Globalization.CultureInfo.InvariantCulture) + FileNameExtension;

        /// <summary>Whether <paramref name="path"/> is named as <see cref="FileName"/> names coverage files.</summary>
        public static bool IsNamedAsCoverage(string path)
        {
            string name = Path.GetFileName(path);
            return name.StartsWith(FileNamePrefix, StringComparison.OrdinalIgnoreCase) && name.EndsWith(FileNameExtension, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Whether <paramref name="root"/> is an object marked <c>"format": "ripe-typed-coverage"</c>.</summary>
        public static bool IsMarked(JsonElement root) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(FormatMember, out var format)
            && format.ValueKind == JsonValueKind.String && format.GetString() == FormatMarker;

        /// <summary><paramref name="coverage"/> as a coverage file's text (indented JSON, current <see cref="FormatVersion"/>).</summary>
        public static string ToJson(CoverageData coverage)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteString(FormatMember, FormatMarker);
                json.WriteNumber(VersionMember, FormatVersion);
                WriteNames(json, EventsMember, coverage.Events);
                WriteNames(json, PagesMember, coverage.Pages);
                json.WriteBoolean(IdentifyMember, coverage.Identify);
                json.WriteBoolean(GroupMember, coverage.Group);
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        /// <summary>Writes <paramref name="coverage"/> to <paramref name="path"/>, whole, replacing the file.</summary>
        public static void Write(string path, CoverageData coverage)
        {
            string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory != null)
            {
                Directory.CreateDirectory(directory);
            }

            string temporary = path + ".tmp";
            File.WriteAllText(temporary, ToJson(coverage));
            File.Copy(temporary, path, overwrite: true);
            File.Delete(temporary);
        }

        /// <summary>Reads the coverage file <paramref name="path"/>.</summary>
        /// <exception cref="CoverageFileException">It is not a coverage file, or one of a newer format version.</exception>
        /// <exception cref="IOException">It cannot be read.</exception>
        /// <exception cref="UnauthorizedAccessException">It may not be read.</exception>
        public static CoverageData Read(string path)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(File.ReadAllText(path));
            }
            catch (JsonException ex)
            {
                throw CoverageFileException.NotCoverage(path, ex.Message);
            }

            using (document)
            {
                return Read(document.RootElement, path);
            }
        }

        /// <summary>Reads a coverage file already parsed; <paramref name="path"/> names it in errors.</summary>
        /// <exception cref="CoverageFileException">It is not a coverage file, or one of a newer format version.</exception>
        public static CoverageData Read(JsonElement root, string path)
        {
            // A file named as ours may lack the marker (earlier tools, hand-written); one marked as something else is not ours.
            if (root.ValueKind != JsonValueKind.Object
                || (root.TryGetProperty(FormatMember, out var format) && format.ValueKind == JsonValueKind.String && format.GetString() != FormatMarker))
            {
                throw CoverageFileException.NotCoverage(path, $"expected a JSON object with \"{FormatMember}\": \"{FormatMarker}\"");
            }

            int version = UnversionedFormatVersion;
            if (root.TryGetProperty(VersionMember, out var versionValue))
            {
                if (versionValue.ValueKind != JsonValueKind.Number || !versionValue.TryGetInt32(out version) || version < 1)
                {
                    throw CoverageFileException.NotCoverage(path, $"\"{VersionMember}\" must be a whole number from 1, not {versionValue.GetRawText()}");
                }

                if (version > FormatVersion)
                {
                    throw new CoverageFileException(
                        $"{path}: coverage format version {version} is newer than this ripe-typed reads (format version {FormatVersion}); " +
                        "the file was written by a newer RipeTyped.Testing: update the tool (dotnet tool update RipeTyped.Cli).");
                }
            }

            var coverage = new CoverageData();
            ReadNames(root, EventsMember, coverage.Events);
            ReadNames(root, PagesMember, coverage.Pages);
            coverage.Identify = root.TryGetProperty(IdentifyMember, out var identify) && identify.ValueKind == JsonValueKind.True;
            coverage.Group = root.TryGetProperty(GroupMember, out var group) && group.ValueKind == JsonValueKind.True;
            return coverage;
        }

        private static void WriteNames(Utf8JsonWriter json, string member, IEnumerable<string> names)
        {
            json.WriteStartArray(member);
            foreach (string name in names)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
        }

        private static void ReadNames(JsonElement root, string member, ISet<string> into)
        {
            if (root.TryGetProperty(member, out var names) && names.ValueKind == JsonValueKind.Array)
            {
                foreach (var name in names.EnumerateArray())
                {
                    if (name.ValueKind == JsonValueKind.String)
                    {
                        into.Add(name.GetString()!);
                    }
                }
            }
        }
    }

    /// <summary>A file that is not a coverage file, or one of a format version newer than <see cref="CoverageFile.FormatVersion"/>; the message names the file.</summary>
    internal sealed class CoverageFileException : Exception
    {
        public CoverageFileException(string message)
            : base(message)
        {
        }

        public static CoverageFileException NotCoverage(string path, string reason) =>
            new CoverageFileException($"{path}: not a RipeTyped coverage file: {reason}");
    }
}
