using System;
using System.Diagnostics;
using System.IO;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using RipeTyped.Generator.Loading;
using RipeTyped.Generator.Plan;

namespace RipeTyped.Cli.Infrastructure
{
    /// <summary>Where a plan's text comes from: a file path, or <c>git:REF:path</c> for a version in git history.</summary>
    internal static class PlanSource
    {
        /// <summary>
        /// The files of the plan <paramref name="spec"/> names, in reading order, with their texts and names in outputs:
        /// a plan file (with the other files of its split plan: every <c>tracking-plan.yaml</c> and <c>*.tracking-plan.yaml</c>
        /// in its folder, as the build takes them), a folder (its plan files), a file of another name (that file alone), or
        /// <c>git:REF:path</c> for the same at a commit. <c>LocalPath</c> is where the main file lies in the working tree.
        /// </summary>
        public static (IReadOnlyList<PlanText> Files, string LocalPath) ReadSet(string spec)
        {
            if (spec.StartsWith("git:", StringComparison.Ordinal))
            {
                return ReadSetFromGit(spec);
            }

            List<string> paths;
            if (Directory.Exists(spec))
            {
                paths = PlanFilesIn(spec);
                if (paths.Count == 0)
                {
                    throw CliException.Input($"{spec}: no tracking-plan.yaml or *.tracking-plan.yaml in this folder.");
                }
            }
            else if (!File.Exists(spec))
            {
                throw CliException.Input($"{spec}: file not found. Pass the path of a tracking plan (default: ./tracking-plan.yaml), a folder, or git:REF:path.");
            }
            else
            {
                paths = PlanLoader.IsPlanFile(spec) ? PlanFilesIn(Path.GetDirectoryName(Path.GetFullPath(spec))!) : new List<string> { spec };
            }

            var ordered = PlanLoader.InReadingOrder(paths, p => p);
            var files = new List<PlanText>();
            foreach (string path in ordered)
            {
                try
                {
                    // Bytes, decoded by the build's own strict routine: a file that is not UTF-8 is RIPE0021, not U+FFFD in names.
                    files.Add(PlanTextDecoding.FromBytes(DisplayName(path), File.ReadAllBytes(path)));
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    throw CliException.Input($"{path}: cannot be read: {ex.Message}");
                }
            }

            return (files, ordered[0]);
        }

        /// <summary>The plan files of a folder (not its subfolders), as the build's convention picks them.</summary>
        private static List<string> PlanFilesIn(string directory) =>
            Directory.GetFiles(directory).Where(PlanLoader.IsPlanFile).ToList();

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

        private static (IReadOnlyList<PlanText> Files, string LocalPath) ReadSetFromGit(string spec)
        {
            // git:REF:path, where REF itself has no colon (branches, tags, SHAs, HEAD~1).
            string rest = spec.Substring(4);
            int colon = rest.IndexOf(':');
            if (colon <= 0 || colon == rest.Length - 1)
            {
                throw CliException.Usage($"'{spec}' is not git:REF:path (e.g. git:origin/main:tracking-plan.yaml).");
            }

            string reference = rest.Substring(0, colon);
            string path = rest.Substring(colon + 1).Replace('\\', '/').TrimEnd('/');

            // The same set as for a working-tree path: a folder gives its plan files, a plan file brings its folder's, a file
            // of another name is read alone.
            bool isFolder = Git(spec, path, reference, "cat-file", "-t", reference + ":" + path).Trim() == "tree";
            string? folder = isFolder ? path : PlanLoader.IsPlanFile(path) ? (path.Contains('/') ? path.Substring(0, path.LastIndexOf('/')) : "") : null;
            var paths = folder is null
                ? new List<string> { path }
                : Git(spec, path, reference, "ls-tree", "--name-only", reference + ":" + folder).Split('\n')
                    .Select(l => l.Trim())
                    .Where(l => l.Length > 0 && PlanLoader.IsPlanFile(l))
                    .Select(l => folder.Length == 0 ? l : folder + "/" + l)
                    .ToList();
            if (paths.Count == 0)
            {
                throw CliException.Input($"{spec}: no tracking-plan.yaml or *.tracking-plan.yaml in '{path}' at '{reference}'.");
            }

            var ordered = PlanLoader.InReadingOrder(paths, p => p);
            var files = ordered.Select(p => PlanTextDecoding.FromBytes($"{p}@{reference}", GitBytes(spec, p, reference, "show", reference + ":" + p))).ToList();
            return (files, ordered[0]);
        }

        private static string Git(string spec, string path, string reference, params string[] arguments) =>
            Encoding.UTF8.GetString(GitBytes(spec, path, reference, arguments));

        /// <summary>What git prints, as bytes: a plan's text is decoded by the build's strict routine (RIPE0021), not here.</summary>
        private static byte[] GitBytes(string spec, string path, string reference, params string[] arguments)
        {
            var start = new ProcessStartInfo("git")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

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
                var bytes = new System.IO.MemoryStream();
                process.StandardOutput.BaseStream.CopyTo(bytes);
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    throw CliException.Input($"{spec}: git cannot read '{path}' at '{reference}': {error.Result.Trim()}");
                }

                return bytes.ToArray();
            }
        }
    }
}
