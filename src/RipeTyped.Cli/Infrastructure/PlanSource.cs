using System;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace RipeTyped.Cli.Infrastructure
{
    /// <summary>Where a plan's text comes from: a file path, or <c>git:REF:path</c> for a version in git history.</summary>
    internal static class PlanSource
    {
        /// <summary>The plan's text, its name in outputs, and where it lies on disk (for git:REF:path, the working-tree path).</summary>
        public static (string Text, string DisplayPath, string LocalPath) Read(string spec)
        {
            if (spec.StartsWith("git:", StringComparison.Ordinal))
            {
                return ReadFromGit(spec);
            }

            if (Directory.Exists(spec))
            {
                spec = Path.Combine(spec, "tracking-plan.yaml");
            }

            if (!File.Exists(spec))
            {
                throw CliException.Input($"{spec}: file not found. Pass the path of a tracking plan (default: ./tracking-plan.yaml), or git:REF:path.");
            }

            try
            {
                return (File.ReadAllText(spec), DisplayName(spec), spec);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw CliException.Input($"{spec}: cannot be read: {ex.Message}");
            }
        }

        /// <summary>
        /// How outputs name a plan file: relative to the repository that holds it (the nearest folder with <c>.git</c>),
        /// else to the working directory, with '/' separators, so reports and catalogs are the same on every machine.
        /// A file outside both is named by its file name alone, never by an absolute path.
        /// </summary>
        public static string DisplayName(string path)
        {
            string full = Path.GetFullPath(path);
            string? root = RepositoryRoot(Path.GetDirectoryName(full));
            foreach (string? baseDirectory in new[] { root, Directory.GetCurrentDirectory() })
            {
                if (baseDirectory is null)
                {
                    continue;
                }

                string relative = Path.GetRelativePath(baseDirectory, full);
                if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
                {
                    return relative.Replace(Path.DirectorySeparatorChar, '/');
                }
            }

            return Path.GetFileName(full);
        }

        private static string? RepositoryRoot(string? directory)
        {
            for (var current = directory; current != null; current = Path.GetDirectoryName(current))
            {
                if (Directory.Exists(Path.Combine(current, ".git")) || File.Exists(Path.Combine(current, ".git")))
                {
                    return current;
                }
            }

            return null;
        }

        private static (string Text, string DisplayPath, string LocalPath) ReadFromGit(string spec)
        {
            // git:REF:path, where REF itself has no colon (branches, tags, SHAs, HEAD~1).
            string rest = spec.Substring(4);
            int colon = rest.IndexOf(':');
            if (colon <= 0 || colon == rest.Length - 1)
            {
                throw CliException.Usage($"'{spec}' is not git:REF:path (e.g. git:origin/main:tracking-plan.yaml).");
            }

            string reference = rest.Substring(0, colon);
            string path = rest.Substring(colon + 1);
            var start = new ProcessStartInfo("git")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
            };
            start.ArgumentList.Add("show");
            start.ArgumentList.Add(reference + ":" + path);
            Process process;
            try
            {
                process = Process.Start(start) ?? throw CliException.Input("git could not be started.");
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw CliException.Input($"{spec}: git is needed to read it but could not be run ({ex.Message}).");
            }

            using (process)
            {
                var error = process.StandardError.ReadToEndAsync();
                string text = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    throw CliException.Input($"{spec}: git cannot read '{path}' at '{reference}': {error.Result.Trim()}");
                }

                return (text, $"{path}@{reference}", path);
            }
        }
    }
}
