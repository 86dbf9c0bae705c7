using System;
using System.Collections.Generic;
using System.Linq;

namespace RipeTyped
{
    /// <summary>Thrown at the tracking call when its properties or traits break the tracking plan's rules.</summary>
    public sealed class RipeValidationException : ArgumentException
    {
        /// <summary>Creates the exception for a message and its errors.</summary>
        public RipeValidationException(string messageDescription, IReadOnlyList<RipeValidationError> errors)
            : base($"{messageDescription} breaks the tracking plan: " + string.Join("; ", errors.Select(e => e.ToString())))
        {
            Errors = errors;
        }

        /// <summary>Every error found.</summary>
        public IReadOnlyList<RipeValidationError> Errors { get; }
    }
}
