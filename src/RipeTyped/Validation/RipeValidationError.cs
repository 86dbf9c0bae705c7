namespace RipeTyped
{
    /// <summary>One value that breaks a rule of the tracking plan.</summary>
    public sealed class RipeValidationError
    {
        /// <summary>Creates an error.</summary>
        public RipeValidationError(string path, string message)
        {
            Path = path;
            Message = message;
        }

        /// <summary>The JSON path of the value, e.g. <c>properties.seats</c>.</summary>
        public string Path { get; }

        /// <summary>What is wrong with it.</summary>
        public string Message { get; }

        /// <inheritdoc />
        public override string ToString() => Path + ": " + Message;
    }
}
