using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RipeTyped
{
    /// <summary>Checks used by the code generated from the tracking plan's constraints.</summary>
    public static class RipeValidation
    {
        /// <summary>Appends a member name to a JSON path.</summary>
        public static string Combine(string path, string name) => path.Length == 0 ? name : path + "." + name;

        /// <summary>Appends an array index to a JSON path.</summary>
        public static string Index(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

        /// <summary>Reports a required value that is null (possible despite <c>required</c> when null is forced in).</summary>
        public static void Required(ICollection<RipeValidationError> errors, string path, object? value)
        {
            if (value is null)
            {
                errors.Add(new RipeValidationError(path, "is required but null"));
            }
        }

        /// <summary>Reports a string that does not match the plan's <c>pattern</c>.</summary>
        public static void Pattern(ICollection<RipeValidationError> errors, string path, string? value, Regex regex)
        {
            if (value is null)
            {
                return;
            }

            try
            {
                if (!regex.IsMatch(value))
                {
                    errors.Add(new RipeValidationError(path, $"\"{value}\" does not match the pattern {regex}"));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Generated patterns carry a match timeout so a pathological pattern cannot hang the caller.
                errors.Add(new RipeValidationError(path, $"matching the pattern {regex} timed out"));
            }
        }

        /// <summary>Reports a string shorter than <c>minLength</c> or longer than <c>maxLength</c>.</summary>
        public static void Length(ICollection<RipeValidationError> errors, string path, string? value, int? minLength, int? maxLength)
        {
            if (value is null)
            {
                return;
            }

            if (minLength.HasValue && value.Length < minLength.Value)
            {
                errors.Add(new RipeValidationError(path, $"has length {value.Length}, below minLength {minLength.Value}"));
            }

            if (maxLength.HasValue && value.Length > maxLength.Value)
            {
                errors.Add(new RipeValidationError(path, $"has length {value.Length}, above maxLength {maxLength.Value}"));
            }
        }

        /// <summary>Reports a number below <c>minimum</c> or above <c>maximum</c>.</summary>
        public static void Range(ICollection<RipeValidationError> errors, string path, double? value, double? minimum, double? maximum)
        {
            if (!value.HasValue)
            {
                return;
            }

            if (minimum.HasValue && value.Value < minimum.Value)
            {
                errors.Add(new RipeValidationError(path, $"is {value.Value.ToString(CultureInfo.InvariantCulture)}, below minimum {minimum.Value.ToString(CultureInfo.InvariantCulture)}"));
            }

            if (maximum.HasValue && value.Value > maximum.Value)
            {
                errors.Add(new RipeValidationError(path, $"is {value.Value.ToString(CultureInfo.InvariantCulture)}, above maximum {maximum.Value.ToString(CultureInfo.InvariantCulture)}"));
            }
        }
    }
}
