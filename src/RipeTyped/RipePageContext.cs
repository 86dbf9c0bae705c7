namespace RipeTyped
{
    /// <summary>The page a page call is about; sent as <c>context.page</c>. Every field is optional.</summary>
    public sealed class RipePageContext
    {
        /// <summary>The URL path, e.g. <c>/pricing</c>.</summary>
        public string? Path { get; set; }

        /// <summary>The referring URL.</summary>
        public string? Referrer { get; set; }

        /// <summary>The query string, e.g. <c>?plan=pro</c>.</summary>
        public string? Search { get; set; }

        /// <summary>The page title.</summary>
        public string? Title { get; set; }

        /// <summary>The full URL.</summary>
        public string? Url { get; set; }

        internal bool IsEmpty => Path is null && Referrer is null && Search is null && Title is null && Url is null;
    }
}
