using System;
using System.IO;
using RipeTyped.Delivery;

namespace RipeTyped.Testing
{
    /// <summary>
    /// Which plan events, pages, identify and group calls a test run exercised through <see cref="RipeRecorder"/>s, for
    /// <c>ripe-typed coverage</c>. Every recorder of the process adds to it. Set the environment variable
    /// <c>RIPETYPED_COVERAGE</c> to a folder and the file <c>ripe-coverage-{process id}.json</c> is written there when the
    /// test process exits; or call <see cref="Write"/>. A relative folder is taken from where the tests were started (the
    /// shell's working directory, <c>PWD</c>), not from the test host's output folder that <c>dotnet test</c> runs it in.
    /// </summary>
    public static class RipeCoverage
    {
        /// <summary>The environment variable naming the folder coverage files go to.</summary>
        public const string DirectoryVariable = "RIPETYPED_COVERAGE";

        /// <summary>The value of <c>"format"</c> in every coverage file: how <c>ripe-typed coverage</c> tells them from other JSON.</summary>
        public const string FormatMarker = CoverageFile.FormatMarker;

        private static readonly object Gate = new object();
        private static readonly CoverageData Exercised = new CoverageData();
        private static bool _hooked;

        /// <summary>The coverage of this process so far, as the JSON document <c>ripe-typed coverage</c> reads.</summary>
        public static string ToJson() => CoverageFile.ToJson(Snapshot());

        /// <summary>Writes the coverage of this process so far to <paramref name="path"/> (whole, replacing the file).</summary>
        public static void Write(string path) => CoverageFile.Write(path, Snapshot());

        private static CoverageData Snapshot()
        {
            lock (Gate)
            {
                return Exercised.Copy();
            }
        }

        /// <summary>
        /// The folder <paramref name="value"/> names, as a full path. <c>dotnet test</c> runs the test host in the test
        /// project's output folder (<c>bin/...</c>), so a relative folder is taken from the directory the tests were started
        /// in: the shell's <c>PWD</c>, which the build and the test host inherit; without one (Windows shells set none), from
        /// the current directory.
        /// </summary>
        internal static string ResolveFolder(string value, string currentDirectory, string? shellDirectory)
        {
            if (Path.IsPathRooted(value))
            {
                return Path.GetFullPath(value);
            }

            string start = shellDirectory is { Length: > 0 } && Path.IsPathRooted(shellDirectory) ? shellDirectory : currentDirectory;
            return Path.GetFullPath(Path.Combine(start, value));
        }

        internal static void Add(RecordedCall call)
        {
            lock (Gate)
            {
                switch (call.Kind)
                {
                    case RipeCall.Track when call.EventName != null:
                        Exercised.Events.Add(call.EventName);
                        break;
                    case RipeCall.Page when call.PageName != null:
                        Exercised.Pages.Add(call.PageName);
                        break;
                    case RipeCall.Identify:
                        Exercised.Identify = true;
                        break;
                    case RipeCall.Group:
                        Exercised.Group = true;
                        break;
                }

                if (!_hooked && Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } value)
                {
                    _hooked = true;
                    string folder = ResolveFolder(value, Environment.CurrentDirectory, Environment.GetEnvironmentVariable("PWD"));
                    AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                        Write(Path.Combine(folder, CoverageFile.FileName(Environment.ProcessId)));
                }
            }
        }
    }
}
