namespace RipeTyped.Generator.Naming
{
    /// <summary>
    /// The facade's own member names, which no event's or page's method may take: the spec reserves <see cref="Reserved"/>
    /// and the emitter writes the same constants, so the two cannot drift apart.
    /// </summary>
    internal static class FacadeMembers
    {
        public const string Identify = "Identify";
        public const string Group = "Group";
        public const string Reset = "Reset";
        public const string Client = "Client";
        public const string FlushAsync = "FlushAsync";
        public const string PlanVersion = "PlanVersion";
        public const string Source = "Source";

        /// <summary>The nested classes of name constants (<c>{ClassName}.EventNames.ClickedButton</c>).</summary>
        public const string EventNames = "EventNames";

        public const string PageNames = "PageNames";

        /// <summary>The array of every name of <see cref="EventNames"/> and <see cref="PageNames"/>.</summary>
        public const string AllNames = "All";

        /// <summary>Every member the facade declares itself (besides its constructor, named like the class).</summary>
        public static readonly string[] Reserved = { Identify, Group, Reset, Client, FlushAsync, PlanVersion, Source, EventNames, PageNames };
    }
}
