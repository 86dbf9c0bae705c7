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
        public static void Pattern(ICollection<RipeValidationError> errors, string path, string? value, Regex regex) => Add(errors, path, PatternProblem(value, regex));

        /// <summary>Reports a string shorter than <c>minLength</c> or longer than <c>maxLength</c>.</summary>
        public static void Length(ICollection<RipeValidationError> errors, string path, string? value, int? minLength, int? maxLength) =>
            Add(errors, path, LengthProblem(value, minLength, maxLength));

        /// <summary>Reports a number below <c>minimum</c> or above <c>maximum</c>.</summary>
        public static void Range(ICollection<RipeValidationError> errors, string path, double? value, double? minimum, double? maximum) =>
            Add(errors, path, RangeProblem(value, minimum, maximum));

        // The checks themselves, returning what is wrong or null. Generated code calls them through RipeGenerated, which
        // builds the error's path only when there is an error.
        internal static string? PatternProblem(string? value, Regex regex)
        {
            if (value is null)
            {
                return null;
            }

            try
            {
                return regex.IsMatch(value) ? null : $"\"{value}\" does not match the pattern {regex}";
            }
            catch (RegexMatchTimeoutException)
            {
                // Generated patterns carry a match timeout so a pathological pattern cannot hang the caller.
                return $"matching the pattern {regex} timed out";
            }
        }

        internal static string? LengthProblem(string? value, int? minLength, int? maxLength) =>
            value is null ? null
            : minLength.HasValue && value.Length < minLength.Value ? $"has length {value.Length}, below minLength {minLength.Value}"
            : maxLength.HasValue && value.Length > maxLength.Value ? $"has length {value.Length}, above maxLength {maxLength.Value}"
            : null;

        internal static string? RangeProblem(double? value, double? minimum, double? maximum) =>
            !value.HasValue ? null
            : minimum.HasValue && value.Value < minimum.Value ? $"is {value.Value.ToString(CultureInfo.InvariantCulture)}, below minimum {minimum.Value.ToString(CultureInfo.InvariantCulture)}"
            : maximum.HasValue && value.Value > maximum.Value ? $"is {value.Value.ToString(CultureInfo.InvariantCulture)}, above maximum {maximum.Value.ToString(CultureInfo.InvariantCulture)}"
            : null;

        private static void Add(ICollection<RipeValidationError> errors, string path, string? problem)
        {
            if (problem != null)
            {
                errors.Add(new RipeValidationError(path, problem));
            }
        }
    }
}
