using System.Collections.Generic;
using System.Text.Json;

namespace RipeTyped
{
    /// <summary>
    /// A set of event properties or traits that writes itself as one JSON object, without reflection.
    /// Types generated from <c>tracking-plan.yaml</c> implement it; <see cref="RipeProperties"/> is the untyped form.
    /// </summary>
    public interface IRipeProperties
    {
        /// <summary>Writes this value as a complete JSON object (start and end included).</summary>
        void WriteTo(Utf8JsonWriter writer);

        /// <summary>
        /// Adds a <see cref="RipeValidationError"/> for every value that breaks the tracking plan's rules
        /// (required value missing, pattern, range, length).
        /// </summary>
        /// <param name="errors">Where errors are added.</param>
        /// <param name="path">The JSON path of this object, used as the prefix of each error's path.</param>
        void Validate(ICollection<RipeValidationError> errors, string path);
    }
}
