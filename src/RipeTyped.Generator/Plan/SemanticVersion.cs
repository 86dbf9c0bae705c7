using System;
using System.Globalization;

namespace RipeTyped.Generator.Plan
{
    /// <summary><c>major.minor.patch</c> with an optional <c>-prerelease</c> and <c>+build</c> (semver.org), for <c>planVersion</c>.</summary>
    internal readonly struct SemanticVersion : IComparable<SemanticVersion>
    {
        private SemanticVersion(int major, int minor, int patch, string? prerelease)
        {
            Major = major;
            Minor = minor;
            Patch = patch;
            Prerelease = prerelease;
        }

        public int Major { get; }

        public int Minor { get; }

        public int Patch { get; }

        public string? Prerelease { get; }

        public static bool TryParse(string text, out SemanticVersion version)
        {
            version = default;
            string core = text.Trim();
            int plus = core.IndexOf('+');
            if (plus >= 0)
            {
                core = core.Substring(0, plus);
            }

            string? prerelease = null;
            int dash = core.IndexOf('-');
            if (dash >= 0)
            {
                prerelease = core.Substring(dash + 1);
                core = core.Substring(0, dash);
                if (prerelease.Length == 0)
                {
                    return false;
                }
            }

            string[] parts = core.Split('.');
            if (parts.Length != 3 || !Number(parts[0], out int major) || !Number(parts[1], out int minor) || !Number(parts[2], out int patch))
            {
                return false;
            }

            version = new SemanticVersion(major, minor, patch, prerelease);
            return true;
        }

        public int CompareTo(SemanticVersion other)
        {
            int byNumbers = Major != other.Major ? Major.CompareTo(other.Major) : Minor != other.Minor ? Minor.CompareTo(other.Minor) : Patch.CompareTo(other.Patch);
            if (byNumbers != 0)
            {
                return byNumbers;
            }

            // A pre-release comes before its release.
            return Prerelease is null ? (other.Prerelease is null ? 0 : 1) : other.Prerelease is null ? -1 : string.CompareOrdinal(Prerelease, other.Prerelease);
        }

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "{0}.{1}.{2}", Major, Minor, Patch) + (Prerelease is null ? "" : "-" + Prerelease);

        // Digits only, no leading zero (semver), within int.
        private static bool Number(string text, out int value) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && (text.Length == 1 || text[0] != '0');
    }
}
