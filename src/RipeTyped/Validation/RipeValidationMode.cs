namespace RipeTyped
{
    /// <summary>What a call does with properties that break the tracking plan's constraints.</summary>
    public enum RipeValidationMode
    {
        /// <summary>Throw <see cref="RipeValidationException"/> at the call; nothing is queued. For development and tests.</summary>
        Throw,

        /// <summary>
        /// Send the message anyway, log a warning naming each property, and call
        /// <see cref="RipeClientOptions.OnValidationFailed"/>. For production: data is never lost to a violation.
        /// </summary>
        Report,

        /// <summary>Do not check constraints (types are still checked by the compiler).</summary>
        Off,
    }
}
