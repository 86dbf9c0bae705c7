using System.Collections;
using System.Collections.Generic;
using System.Text.Json;
using RipeTyped.Serialization;

namespace RipeTyped
{
    /// <summary>
    /// Untyped properties or traits for calls not described by the tracking plan. Values may be null, strings,
    /// booleans, numbers, <see cref="System.DateTime"/>, <see cref="System.DateTimeOffset"/>, <see cref="System.Guid"/>,
    /// enums, nested <see cref="IRipeProperties"/>, string-keyed dictionaries and sequences of those.
    /// Prefer the typed methods generated from <c>tracking-plan.yaml</c>.
    /// </summary>
    public sealed class RipeProperties : IRipeProperties, IEnumerable<KeyValuePair<string, object?>>
    {
        private readonly List<KeyValuePair<string, object?>> _entries = new List<KeyValuePair<string, object?>>();

        /// <summary>Gets or sets a property; setting an existing key replaces its value in place.</summary>
        public object? this[string key]
        {
            get
            {
                int index = IndexOf(key);
                return index < 0 ? null : _entries[index].Value;
            }
            set
            {
                int index = IndexOf(key);
                var entry = new KeyValuePair<string, object?>(key, value);
                if (index < 0)
                {
                    _entries.Add(entry);
                }
                else
                {
                    _entries[index] = entry;
                }
            }
        }

        /// <summary>The number of properties.</summary>
        public int Count => _entries.Count;

        /// <summary>Adds a property (collection-initializer support).</summary>
        public void Add(string key, object? value) => this[key] = value;

        /// <inheritdoc />
        public void WriteTo(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            foreach (var entry in _entries)
            {
                writer.WritePropertyName(entry.Key);
                RipeJson.WriteAny(writer, entry.Value, entry.Key);
            }

            writer.WriteEndObject();
        }

        /// <inheritdoc />
        public void Validate(ICollection<RipeValidationError> errors, string path)
        {
            foreach (var entry in _entries)
            {
                if (entry.Value is IRipeProperties nested)
                {
                    nested.Validate(errors, RipeValidation.Combine(path, entry.Key));
                }
            }
        }

        /// <inheritdoc />
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _entries.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private int IndexOf(string key)
        {
            for (int i = 0; i < _entries.Count; i++)
            {
                if (string.Equals(_entries[i].Key, key, System.StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
