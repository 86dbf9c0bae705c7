using RipeTyped.Generator.Diagnostics;

namespace RipeTyped.Generator.Plan
{
    /// <summary>One file of a plan: its path (as diagnostics should name it) and text.</summary>
    /// <remarks>Made from the file's bytes or the compiler's text by <see cref="Loading.PlanTextDecoding"/>, which sets <see cref="InvalidBytes"/>.</remarks>
    internal sealed record PlanText(string Path, string Text)
    {
        /// <summary>
        /// Set when the file is not valid UTF-8 (or UTF-16 with a byte order mark): <see cref="Text"/> then holds U+FFFD for its
        /// bad bytes, and <see cref="PlanLoader"/> reports RIPE0021 instead of reading it.
        /// </summary>
        public InvalidPlanBytes? InvalidBytes { get; init; }
    }

    /// <summary>Where a plan file stops being valid text in its encoding: the first bad byte (or the first U+FFFD standing for it).</summary>
    /// <param name="Encoding">UTF-8, or UTF-16 for a file with a UTF-16 byte order mark.</param>
    /// <param name="Span">The position of that byte's U+FFFD in the decoded text.</param>
    internal sealed record InvalidPlanBytes(string Encoding, SourceSpan Span);
}
