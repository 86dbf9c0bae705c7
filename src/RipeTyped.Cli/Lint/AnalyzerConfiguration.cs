using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using RipeTyped.Cli.Infrastructure;
using RipeTyped.Generator.Diagnostics;

namespace RipeTyped.Cli.Lint
{
    /// <summary>
    /// The rule severities a build would apply to the plan's diagnostics, read from the same global analyzer config files:
    /// every <c>.globalconfig</c> in the plan's folder and the folders above it (as the .NET SDK discovers them for the
    /// project's files) and any file passed with <c>--config</c>. Diagnostics located in a non-C# file get global options
    /// only, so only the global section (before any <c>[section]</c>) counts. Files merge as Roslyn merges them: the
    /// higher <c>global_level</c> wins (a file named <c>.globalconfig</c> is 100, another 0 unless it sets one), and two
    /// files of one level that disagree on a key drop it, with a warning.
    /// </summary>
    internal sealed class AnalyzerConfiguration
    {
        public const string FileName = ".globalconfig";

        private readonly Dictionary<string, string> _values;

        private AnalyzerConfiguration(Dictionary<string, string> values, IReadOnlyList<string> files, IReadOnlyList<string> warnings)
        {
            _values = values;
            Files = files;
            Warnings = warnings;
        }

        public static AnalyzerConfiguration None { get; } = new AnalyzerConfiguration(new Dictionary<string, string>(), Array.Empty<string>(), Array.Empty<string>());

        /// <summary>The files read, nearest first, then the explicit ones.</summary>
        public IReadOnlyList<string> Files { get; }

        /// <summary>Conflicts and values that mean nothing, as the build would warn about them.</summary>
        public IReadOnlyList<string> Warnings { get; }

        /// <summary>The <c>.globalconfig</c> files a build of a project in <paramref name="directory"/> picks up: there and in every folder above.</summary>
        public static IReadOnlyList<string> Discover(string directory)
        {
            var found = new List<string>();
            for (string? current = Path.GetFullPath(directory); current != null; current = Path.GetDirectoryName(current))
            {
                string candidate = Path.Combine(current, FileName);
                if (File.Exists(candidate))
                {
                    found.Add(candidate);
                }
            }

            return found;
        }

        public static AnalyzerConfiguration Load(IReadOnlyList<string> discovered, IReadOnlyList<string> explicitFiles)
        {
            var warnings = new List<string>();
            var byKey = new Dictionary<string, List<(int Level, string Value, string File)>>(StringComparer.OrdinalIgnoreCase);
            var files = discovered.Concat(explicitFiles).Distinct(StringComparer.Ordinal).ToList();
            foreach (string file in files)
            {
                string text;
                try
                {
                    text = File.ReadAllText(file);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    throw CliException.Input($"{file}: cannot be read: {ex.Message}");
                }

                var global = GlobalSection(text);
                bool namedGlobal = string.Equals(Path.GetFileName(file), FileName, StringComparison.OrdinalIgnoreCase);
                if (!namedGlobal && !(global.TryGetValue("is_global", out string? isGlobal) && isGlobal.Equals("true", StringComparison.OrdinalIgnoreCase)))
                {
                    // The compiler takes a file under another name as global only with is_global = true.
                    warnings.Add($"{PlanSource.DisplayName(file)} is not a global config (no 'is_global = true'), so the compiler does not apply it to the plan; nor does lint.");
                    continue;
                }

                int level = namedGlobal ? 100 : 0;
                if (global.TryGetValue("global_level", out string? levelText) && int.TryParse(levelText, NumberStyles.Integer, CultureInfo.InvariantCulture, out int declared))
                {
                    level = declared;
                }

                foreach (var (key, value) in global)
                {
                    if (!byKey.TryGetValue(key, out var list))
                    {
                        byKey[key] = list = new List<(int, string, string)>();
                    }

                    list.Add((level, value, file));
                }
            }

            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, settings) in byKey)
            {
                int top = settings.Max(s => s.Level);
                var winners = settings.Where(s => s.Level == top).ToList();
                bool metadata = key.Equals("is_global", StringComparison.OrdinalIgnoreCase) || key.Equals("global_level", StringComparison.OrdinalIgnoreCase);
                if (winners.Count > 1 && !metadata)
                {
                    // Like Roslyn: a key set by two global configs of the same level is unset, even with the same value.
                    warnings.Add($"'{key}' is set in {string.Join(" and ", winners.Select(w => PlanSource.DisplayName(w.File)))} at global_level {top}; the build unsets it, and so does lint.");
                    continue;
                }

                values[key] = winners[0].Value;
            }

            foreach (var (key, value) in values)
            {
                if (key.EndsWith(".severity", StringComparison.OrdinalIgnoreCase) && Parse(value) is null && !value.Equals("default", StringComparison.OrdinalIgnoreCase))
                {
                    warnings.Add($"'{key} = {value}' is not a severity (none, silent, refactoring, suggestion, warning, error or default); ignored.");
                }
            }

            return new AnalyzerConfiguration(values, files, warnings);
        }

        /// <summary>
        /// The severity the build gives <paramref name="diagnostic"/>: <c>dotnet_diagnostic.ID.severity</c>, else (for the
        /// plan analyzer's findings, enabled by default) <c>dotnet_analyzer_diagnostic.category-C.severity</c> and
        /// <c>dotnet_analyzer_diagnostic.severity</c>, else the rule's default. Null: not reported (<c>none</c>);
        /// <see cref="DiagnosticSeverity.Hidden"/>: <c>silent</c>, which a build does not print either.
        /// </summary>
        /// <param name="fromAnalyzer">Reported by the plan analyzer (bulk options apply) rather than the generator (they do not).</param>
        public DiagnosticSeverity? SeverityOf(PlanDiagnostic diagnostic, bool fromAnalyzer)
        {
            var descriptor = diagnostic.Descriptor;
            string specificKey = $"dotnet_diagnostic.{diagnostic.Id}.severity";
            if (TryGet(specificKey, out var specific))
            {
                return specific;
            }

            // 'default' configures the rule explicitly (so the bulk options do not apply to it) with its own severity.
            if (_values.TryGetValue(specificKey, out string? configured) && configured.Trim().Equals("default", StringComparison.OrdinalIgnoreCase))
            {
                return descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity : null;
            }

            if (fromAnalyzer && descriptor.IsEnabledByDefault
                && (TryGet($"dotnet_analyzer_diagnostic.category-{descriptor.Category}.severity", out var bulk) || TryGet("dotnet_analyzer_diagnostic.severity", out bulk)))
            {
                return bulk;
            }

            return descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity : null;
        }

        /// <summary>A configured severity (null: none); false when the key is not set, or set to default or nonsense.</summary>
        private bool TryGet(string key, out DiagnosticSeverity? severity)
        {
            severity = null;
            if (_values.TryGetValue(key, out string? value) && Parse(value) is { } parsed)
            {
                severity = parsed.Severity;
                return true;
            }

            return false;
        }

        private static (DiagnosticSeverity? Severity, bool Known)? Parse(string value) => value.Trim().ToLowerInvariant() switch
        {
            // Roslyn's words exactly: not 'hidden' or 'info', which the compiler ignores.
            "none" => (null, true),
            "silent" or "refactoring" => (DiagnosticSeverity.Hidden, true),
            "suggestion" => (DiagnosticSeverity.Info, true),
            "warning" => (DiagnosticSeverity.Warning, true),
            "error" => (DiagnosticSeverity.Error, true),
            _ => null,
        };

        /// <summary>The keys before the first section header: the options that apply to every file, the plan included.</summary>
        private static List<(string Key, string Value)> GlobalSectionList(string text)
        {
            var result = new List<(string, string)>();
            foreach (string raw in text.Replace("\r\n", "\n").Split('\n'))
            {
                string line = raw.Trim();
                if (line.Length == 0 || line[0] == '#' || line[0] == ';')
                {
                    continue;
                }

                if (line[0] == '[')
                {
                    break;
                }

                int equals = line.IndexOfAny(new[] { '=', ':' }); // editorconfig takes 'key = value' and 'key : value'
                if (equals > 0)
                {
                    result.Add((line.Substring(0, equals).Trim(), StripComment(line.Substring(equals + 1)).Trim()));
                }
            }

            return result;
        }

        private static Dictionary<string, string> GlobalSection(string text)
        {
            var section = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in GlobalSectionList(text))
            {
                section[key] = value; // the last one in a file wins
            }

            return section;
        }

        private static string StripComment(string value)
        {
            // A value may end with a comment ("error # why"): Roslyn reads the value up to it.
            int hash = value.IndexOfAny(new[] { '#', ';' });
            return hash >= 0 ? value.Substring(0, hash) : value;
        }
    }
}
