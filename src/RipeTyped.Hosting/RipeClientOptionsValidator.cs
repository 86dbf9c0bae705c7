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
                // Users of AddRipe set options through configuration: say which key, not only which property.
                string? key = ex.ParamName is { Length: > 0 } option && option != nameof(RipeClientOptions.AmbientContext) ? option : null;
                return ValidateOptionsResult.Fail(key is null
                    ? ex.Message
                    : $"{ex.Message} In configuration: the '{key}' key of the section given to AddRipe (e.g. Ripe:{key}, or the environment variable Ripe__{key}).");
            }
        }
    }
}
