using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RipeTyped.Cli.Infrastructure;

namespace RipeTyped.Cli.Import
{
    /// <summary>One file given to <c>import</c>, or found in a folder given to it: its name for messages and its text.</summary>
    internal sealed record ImportFile(string Path, string Name, string Text)
    {
        public bool IsYaml => Name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || Name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The files of the inputs, in a stable order: each file as given, and in each folder (at any depth) the YAML, JSON
        /// and extensionless files (Iglu names its schemas <c>1-0-0</c>), hidden files and folders left out.
        /// </summary>
        public static List<ImportFile> Collect(IReadOnlyList<string> inputs)
        {
            var files = new List<ImportFile>();
            foreach (string input in inputs)
            {
                if (Directory.Exists(input))
                {
                    var found = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                        .Select(f => (Full: f, Relative: System.IO.Path.GetRelativePath(input, f).Replace('\\', '/')))
                        .Where(f => !f.Relative.Split('/').Any(part => part.StartsWith(".", StringComparison.Ordinal)) && IsPlanFileName(f.Relative))
                        .OrderBy(f => f.Relative, StringComparer.Ordinal)
                        .ToList();
                    if (found.Count == 0)
                    {
                        throw CliException.Input($"{input}: no YAML, JSON or Iglu schema files in this folder.");
                    }

                    files.AddRange(found.Select(f => new ImportFile(f.Full, f.Relative, Read(f.Full))));
                }
                else if (File.Exists(input))
                {
                    files.Add(new ImportFile(input, System.IO.Path.GetFileName(input), Read(input)));
                }
                else
                {
                    throw CliException.Input($"{input}: file not found.");
                }
            }

            return files;
        }

        private static bool IsPlanFileName(string relative)
        {
            string extension = System.IO.Path.GetExtension(relative);
            return extension.Length == 0 || extension.Equals(".json", StringComparison.OrdinalIgnoreCase)
                || extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)
                || IsSchemaVersion(System.IO.Path.GetFileName(relative));
        }

        /// <summary>Iglu's file names are SchemaVer versions (<c>1-0-2</c>), which have no extension but may look like one to Path.</summary>
        private static bool IsSchemaVersion(string name) => name.Split('-').Length == 3 && name.Split('-').All(p => p.Length > 0 && p.All(char.IsDigit));

        private static string Read(string path)
        {
            try
            {
                return File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw CliException.Input($"{path}: cannot be read: {ex.Message}");
            }
        }
    }
}
