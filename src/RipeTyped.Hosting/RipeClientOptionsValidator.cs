using System;
using Microsoft.Extensions.Options;

namespace RipeTyped.Hosting
{
    /// <summary>Runs <see cref="RipeClientOptions.Validate"/> at host start, so a bad setting stops the app with its name.</summary>
    internal sealed class RipeClientOptionsValidator : IValidateOptions<RipeClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, RipeClientOptions options)
        {
            try
            {
                options.Validate();
                return ValidateOptionsResult.Success;
            }
            catch (ArgumentException ex)
            {
                return ValidateOptionsResult.Fail(ex.Message);
            }
        }
    }
}
