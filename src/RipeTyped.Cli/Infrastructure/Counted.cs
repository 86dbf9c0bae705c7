using System.Globalization;

namespace RipeTyped.Cli.Infrastructure
{
    /// <summary>Counts as English reads them: "1 error", "2 errors", "0 warnings"; never "error(s)".</summary>
    internal static class Counted
    {
        /// <param name="plural">The plural when it is not <paramref name="singular"/> + "s".</param>
        public static string Of(int count, string singular, string? plural = null) =>
            count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");

        /// <summary>"was" or "were", to agree with <paramref name="count"/>.</summary>
        public static string Was(int count) => count == 1 ? "was" : "were";

        /// <summary>"is" or "are", to agree with <paramref name="count"/>.</summary>
        public static string Is(int count) => count == 1 ? "is" : "are";
    }
}
