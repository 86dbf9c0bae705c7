using System;

namespace RipeTyped.Generator.Plan
{
    /// <summary>One key of a plan mapping as the reader meets it: the key, its value, and what the mapping is (for messages).</summary>
    /// <param name="Context">What the mapping is, as messages name it: "event", "identify", a property's name...</param>
    /// <param name="Subject">The mapping's own name when it has one (an event's name), else null.</param>
    internal readonly record struct KeyEntry(YamlScalar Key, YamlNode Value, string Context, string? Subject);

    /// <summary>Reads one key's value into the record being read, reporting through the reader; returns the updated record.</summary>
    internal delegate T KeyReader<T>(PlanReader reader, KeyEntry entry, T target);

    /// <summary>
    /// The declaration of one plan key in one kind of mapping (<see cref="PlanKeys"/>): its name, how its value is read,
    /// and, for a property's keys, which types it applies to and whether it may stand beside <c>$ref</c>. The reader, the
    /// "unknown key" message, the <c>$ref</c> rule and the JSON Schema test all derive from these declarations.
    /// </summary>
    internal sealed class PlanKey<T>
    {
        public PlanKey(string name, KeyReader<T> read)
        {
            Name = name;
            Read = read;
        }

        public string Name { get; }

        public KeyReader<T> Read { get; }

        /// <summary>A property's key that only some types take (<c>values</c>: enums); empty: every type.</summary>
        public PropertyKind[] OnlyFor { get; init; } = Array.Empty<PropertyKind>();

        /// <summary>Why the key does not fit another type, as RIPE0003 says it.</summary>
        public string? OnlyForReason { get; init; }

        /// <summary>A property's key that may be added to a <c>$ref</c> use (it does not change the type).</summary>
        public bool WithRef { get; init; }

        /// <summary>A validation rule (<c>pattern</c>, <c>minimum</c>...): the first one marks where contradictions are reported.</summary>
        public bool IsConstraint { get; init; }
    }
    /// <summary>
    /// What a value is, as a message names it ("event description", "score.minimum"): up to three parts joined only when a
    /// message is written, so reading a valid plan concatenates no message text.
    /// </summary>
    internal readonly struct What
    {
        private readonly string _first;
        private readonly string? _second;
        private readonly string? _third;

        public What(string first, string? second = null, string? third = null)
        {
            _first = first;
            _second = second;
            _third = third;
        }

        public static implicit operator What(string text) => new What(text);

        /// <summary>This name followed by <paramref name="suffix"/> ("[]" for a list's items).</summary>
        public What Append(string suffix) =>
            _second is null ? new What(_first, suffix) : _third is null ? new What(_first, _second, suffix) : new What(ToString(), suffix);

        public override string ToString() => string.Concat(_first, _second, _third);
    }
}
