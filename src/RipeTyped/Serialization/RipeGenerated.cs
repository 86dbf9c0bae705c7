using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RipeTyped.Serialization
{
    /// <summary>
    /// The short calls that code generated from the tracking plan makes (with <c>using static</c>) to write and check
    /// each property, so that a plan of a thousand events does not compile a thousand copies of the same pattern.
    /// Names ending in <c>Opt</c> skip a null value (an optional property is left out); the others write JSON null.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class RipeGenerated
    {
        /// <summary>Writes a string property (null as JSON null).</summary>
        public static void Str(Utf8JsonWriter w, ReadOnlySpan<byte> name, string? value)
        {
            w.WritePropertyName(name);
            if (value is null)
            {
                w.WriteNullValue();
            }
            else
            {
                w.WriteStringValue(value);
            }
        }

        /// <summary>Writes a string property unless it is null.</summary>
        public static void StrOpt(Utf8JsonWriter w, ReadOnlySpan<byte> name, string? value)
        {
            if (value != null)
            {
                w.WritePropertyName(name);
                w.WriteStringValue(value);
            }
        }

        /// <summary>Writes an integer property (null as JSON null).</summary>
        public static void Int(Utf8JsonWriter w, ReadOnlySpan<byte> name, long? value)
        {
            w.WritePropertyName(name);
            IntItem(w, value);
        }

        /// <summary>Writes an integer property unless it is null.</summary>
        public static void IntOpt(Utf8JsonWriter w, ReadOnlySpan<byte> name, long? value)
        {
            if (value.HasValue)
            {
                w.WritePropertyName(name);
                w.WriteNumberValue(value.Value);
            }
        }

        /// <summary>Writes a number property (null as JSON null); NaN and infinities are refused.</summary>
        public static void Num(Utf8JsonWriter w, ReadOnlySpan<byte> name, double? value)
        {
            w.WritePropertyName(name);
            if (!value.HasValue)
            {
                w.WriteNullValue();
            }
            else if (double.IsNaN(value.Value) || double.IsInfinity(value.Value))
            {
                // The property's name goes into the message; built only here, so a valid number allocates nothing.
                RipeJson.WriteDouble(w, value.Value, Encoding.UTF8.GetString(name.ToArray()));
            }
            else
            {
                w.WriteNumberValue(value.Value);
            }
        }

        /// <summary>Writes a number property unless it is null; NaN and infinities are refused.</summary>
        public static void NumOpt(Utf8JsonWriter w, ReadOnlySpan<byte> name, double? value)
        {
            if (value.HasValue)
            {
                Num(w, name, value);
            }
        }

        /// <summary>Writes a boolean property (null as JSON null).</summary>
        public static void Bool(Utf8JsonWriter w, ReadOnlySpan<byte> name, bool? value)
        {
            w.WritePropertyName(name);
            BoolItem(w, value);
        }

        /// <summary>Writes a boolean property unless it is null.</summary>
        public static void BoolOpt(Utf8JsonWriter w, ReadOnlySpan<byte> name, bool? value)
        {
            if (value.HasValue)
            {
                w.WritePropertyName(name);
                w.WriteBooleanValue(value.Value);
            }
        }

        /// <summary>Writes a date-time property as ISO 8601 UTC with milliseconds (null as JSON null).</summary>
        public static void Time(Utf8JsonWriter w, ReadOnlySpan<byte> name, DateTimeOffset? value)
        {
            w.WritePropertyName(name);
            TimeItem(w, value);
        }

        /// <summary>Writes a date-time property unless it is null.</summary>
        public static void TimeOpt(Utf8JsonWriter w, ReadOnlySpan<byte> name, DateTimeOffset? value)
        {
            if (value.HasValue)
            {
                w.WritePropertyName(name);
                RipeJson.WriteDateTime(w, value.Value);
            }
        }

        /// <summary>Writes a nested object property (null as JSON null).</summary>
        public static void Obj(Utf8JsonWriter w, ReadOnlySpan<byte> name, IRipeProperties? value)
        {
            w.WritePropertyName(name);
            ObjItem(w, value);
        }

        /// <summary>Writes a nested object property unless it is null.</summary>
        public static void ObjOpt(Utf8JsonWriter w, ReadOnlySpan<byte> name, IRipeProperties? value)
        {
            if (value != null)
            {
                w.WritePropertyName(name);
                value.WriteTo(w);
            }
        }

        /// <summary>
        /// Writes a property of the plan's type <c>any</c> (null as JSON null), without reflection. <c>path</c> is the
        /// property's name as text, for the error an unwritable value raises (a constant: nothing is decoded per message).
        /// </summary>
        public static void Any(Utf8JsonWriter w, ReadOnlySpan<byte> name, object? value, string path)
        {
            w.WritePropertyName(name);
            RipeJson.WriteAny(w, value, path);
        }

        /// <summary>Writes a property of the plan's type <c>any</c> unless it is null.</summary>
        public static void AnyOpt(Utf8JsonWriter w, ReadOnlySpan<byte> name, object? value, string path)
        {
            if (value != null)
            {
                Any(w, name, value, path);
            }
        }

        /// <summary>Writes an array property (null as JSON null), each item with <paramref name="item"/>.</summary>
        public static void List<T>(Utf8JsonWriter w, ReadOnlySpan<byte> name, IReadOnlyList<T>? list, Action<Utf8JsonWriter, T> item)
        {
            w.WritePropertyName(name);
            ListItem(w, list, item);
        }

        /// <summary>Writes an array property unless it is null.</summary>
        public static void ListOpt<T>(Utf8JsonWriter w, ReadOnlySpan<byte> name, IReadOnlyList<T>? list, Action<Utf8JsonWriter, T> item)
        {
            if (list != null)
            {
                w.WritePropertyName(name);
                ListItem(w, list, item);
            }
        }

        /// <summary>Writes an array value (an array of arrays' item, or null).</summary>
        public static void ListItem<T>(Utf8JsonWriter w, IReadOnlyList<T>? list, Action<Utf8JsonWriter, T> item)
        {
            if (list is null)
            {
                w.WriteNullValue();
                return;
            }

            w.WriteStartArray();

            // Indexed, not foreach: enumerating an IReadOnlyList<T> through the interface allocates an enumerator.
            for (int i = 0; i < list.Count; i++)
            {
                item(w, list[i]);
            }

            w.WriteEndArray();
        }

        // Arrays of strings, objects and `any` values, the common ones, are written by non-generic helpers: a generic
        // call with a method group (List(w, name, Tags, StrItem)) costs the compiler a type inference and a method-group
        // conversion at every call site, a measured quarter of the types' own compile time on a 1,000-event plan.
        // IReadOnlyList<T> is covariant, so IReadOnlyList<string> and IReadOnlyList<CartItem> convert without a copy; the
        // generic call is compiled once, here.

        /// <summary>Writes an array-of-strings property (null as JSON null).</summary>
        public static void StrList(Utf8JsonWriter w, ReadOnlySpan<byte> name, IReadOnlyList<string?>? list) =>
            List(w, name, list, StrItem);

        /// <summary>Writes an array-of-strings property unless it is null.</summary>
        public static void StrListOpt(Utf8JsonWriter w, ReadOnlySpan<byte> name, IReadOnlyList<string?>? list) =>
            ListOpt(w, name, list, StrItem);

        /// <summary>Writes an array-of-objects property (null as JSON null).</summary>
        public static void ObjList(Utf8JsonWriter w, ReadOnlySpan<byte> name, IReadOnlyList<IRipeProperties?>? list) =>
            List(w, name, list, ObjItem);

        /// <summary>Writes an array-of-objects property unless it is null.</summary>
        public static void ObjListOpt(Utf8JsonWriter w, ReadOnlySpan<byte> name, IReadOnlyList<IRipeProperties?>? list) =>
            ListOpt(w, name, list, ObjItem);

        /// <summary>Writes an array property of the plan's type <c>any</c> (null as JSON null).</summary>
        public static void AnyList(Utf8JsonWriter w, ReadOnlySpan<byte> name, IReadOnlyList<object?>? list) =>
            List(w, name, list, AnyItem);

        /// <summary>Writes an array property of the plan's type <c>any</c> unless it is null.</summary>
        public static void AnyListOpt(Utf8JsonWriter w, ReadOnlySpan<byte> name, IReadOnlyList<object?>? list) =>
            ListOpt(w, name, list, AnyItem);

        /// <summary>An array item: a string, or null.</summary>
        public static void StrItem(Utf8JsonWriter w, string? value)
        {
            if (value is null)
            {
                w.WriteNullValue();
            }
            else
            {
                w.WriteStringValue(value);
            }
        }

        /// <summary>An array item: an integer.</summary>
        public static void IntItem(Utf8JsonWriter w, long value) => w.WriteNumberValue(value);

        /// <summary>An array item: an integer, or null.</summary>
        public static void IntItem(Utf8JsonWriter w, long? value)
        {
            if (value.HasValue)
            {
                w.WriteNumberValue(value.Value);
            }
            else
            {
                w.WriteNullValue();
            }
        }

        /// <summary>An array item: a number.</summary>
        public static void NumItem(Utf8JsonWriter w, double value) => RipeJson.WriteDouble(w, value, "item");

        /// <summary>An array item: a number, or null.</summary>
        public static void NumItem(Utf8JsonWriter w, double? value)
        {
            if (value.HasValue)
            {
                RipeJson.WriteDouble(w, value.Value, "item");
            }
            else
            {
                w.WriteNullValue();
            }
        }

        /// <summary>An array item: a boolean.</summary>
        public static void BoolItem(Utf8JsonWriter w, bool value) => w.WriteBooleanValue(value);

        /// <summary>An array item: a boolean, or null.</summary>
        public static void BoolItem(Utf8JsonWriter w, bool? value)
        {
            if (value.HasValue)
            {
                w.WriteBooleanValue(value.Value);
            }
            else
            {
                w.WriteNullValue();
            }
        }

        /// <summary>An array item: a date-time.</summary>
        public static void TimeItem(Utf8JsonWriter w, DateTimeOffset value) => RipeJson.WriteDateTime(w, value);

        /// <summary>An array item: a date-time, or null.</summary>
        public static void TimeItem(Utf8JsonWriter w, DateTimeOffset? value)
        {
            if (value.HasValue)
            {
                RipeJson.WriteDateTime(w, value.Value);
            }
            else
            {
                w.WriteNullValue();
            }
        }

        /// <summary>An array item: a nested object, or null.</summary>
        public static void ObjItem(Utf8JsonWriter w, IRipeProperties? value)
        {
            if (value is null)
            {
                w.WriteNullValue();
            }
            else
            {
                value.WriteTo(w);
            }
        }

        /// <summary>An array item of the plan's type <c>any</c>.</summary>
        public static void AnyItem(Utf8JsonWriter w, object? value) => RipeJson.WriteAny(w, value, "item");

        // Enum values are written from one UTF-8 literal per value list ("free\0pro\0enterprise"u8) by position: no
        // per-enum method for the compiler to choose among (a plan's ToWireValue overloads made every call site an
        // overload resolution over all of them) and no table field per type.

        /// <summary>Writes an enum property (null as JSON null) as the plan's string at the value's position in <paramref name="values"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is not one the plan defines.</exception>
        public static void Enum(Utf8JsonWriter w, ReadOnlySpan<byte> name, int? value, ReadOnlySpan<byte> values, string enumName)
        {
            if (value is null)
            {
                w.WritePropertyName(name);
                w.WriteNullValue();
            }
            else
            {
                // The string first: an undefined value throws before the writer holds half a property.
                var text = WireValue(values, value.GetValueOrDefault(), enumName);
                w.WritePropertyName(name);
                w.WriteStringValue(text);
            }
        }

        /// <summary>Writes an enum property unless it is null.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is not one the plan defines.</exception>
        public static void EnumOpt(Utf8JsonWriter w, ReadOnlySpan<byte> name, int? value, ReadOnlySpan<byte> values, string enumName)
        {
            if (value != null)
            {
                var text = WireValue(values, value.GetValueOrDefault(), enumName);
                w.WritePropertyName(name);
                w.WriteStringValue(text);
            }
        }

        /// <summary>An array item: an enum value, or null.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is not one the plan defines.</exception>
        public static void EnumItem(Utf8JsonWriter w, int? value, ReadOnlySpan<byte> values, string enumName)
        {
            if (value is null)
            {
                w.WriteNullValue();
            }
            else
            {
                w.WriteStringValue(WireValue(values, value.GetValueOrDefault(), enumName));
            }
        }

        /// <summary>The <paramref name="index"/>-th of the NUL-separated UTF-8 strings in <paramref name="values"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">There is no such string: the value is not one the plan defines.</exception>
        public static ReadOnlySpan<byte> WireValue(ReadOnlySpan<byte> values, int index, string enumName)
        {
            for (int skip = index; skip > 0; skip--)
            {
                int separator = values.IndexOf((byte)0);
                if (separator < 0)
                {
                    throw NotAWireValue(index, enumName);
                }

                values = values.Slice(separator + 1);
            }

            if (index < 0)
            {
                throw NotAWireValue(index, enumName);
            }

            int end = values.IndexOf((byte)0);
            return end < 0 ? values : values.Slice(0, end);
        }

        private static ArgumentOutOfRangeException NotAWireValue(int value, string enumName) =>
            new ArgumentOutOfRangeException(nameof(value), value, "Not a value of the tracking plan's enum " + enumName + ".");

        /// <summary>The plan's exact string for an enum value, by its position; a value outside the plan's is refused.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is not one the plan defines.</exception>
        public static string Wire(string[] values, int value, string enumName) =>
            value >= 0 && value < values.Length ? values[value] : throw NotAWireValue(value, enumName);

        /// <summary>
        /// A plan's <c>EventNames.All</c>/<c>PageNames.All</c>: each name with its sources, from one source list per name
        /// or one for all (<paramref name="sources"/> of length 1).
        /// </summary>
        /// <exception cref="ArgumentException"><paramref name="sources"/> has neither one list nor one per name.</exception>
        public static IReadOnlyList<(string Name, IReadOnlyList<string> Sources)> CallNames(string[] names, string[][] sources)
        {
            if (sources.Length != 1 && sources.Length != names.Length)
            {
                throw new ArgumentException("One source list, or one per name.", nameof(sources));
            }

            var all = new (string Name, IReadOnlyList<string> Sources)[names.Length];
            for (int i = 0; i < names.Length; i++)
            {
                all[i] = (names[i], sources[sources.Length == 1 ? 0 : i]);
            }

            return all;
        }

        /// <summary>A facade's <c>Track…</c> call whose properties are required (the plan requires some of them).</summary>
        /// <exception cref="ArgumentNullException"><paramref name="properties"/> is null.</exception>
        public static void Track(RipeClient client, string eventName, IRipeProperties properties, RipeIdentity? identity) =>
            client.Track(eventName, properties ?? throw new ArgumentNullException(nameof(properties)), identity);

        /// <summary>A facade's <c>Page…</c> call whose properties are required.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="properties"/> is null.</exception>
        public static void Page(RipeClient client, string? pageName, IRipeProperties properties, RipePageContext? page, RipeIdentity? identity) =>
            client.Page(pageName, properties ?? throw new ArgumentNullException(nameof(properties)), page, identity);

        /// <summary>A compiled pattern of the plan, with a match timeout so a pathological pattern cannot hang the caller.</summary>
        public static Regex Pattern(string pattern) => new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        /// <summary>Checks a required value (null is possible despite <c>required</c> when forced in).</summary>
        public static void Required(ICollection<RipeValidationError> errors, string path, string name, object? value)
        {
            if (value is null)
            {
                RipeValidation.Required(errors, RipeValidation.Combine(path, name), null);
            }
        }

        /// <summary>
        /// Checks a string property's rules in one call — required (null despite <c>required</c>), <c>pattern</c>, then
        /// <c>minLength</c>/<c>maxLength</c> — so a constrained string costs the generated code one statement, not three.
        /// </summary>
        public static void Text(ICollection<RipeValidationError> errors, string path, string name, string? value, bool required, Regex? regex, int? minLength, int? maxLength)
        {
            if (value is null)
            {
                if (required)
                {
                    RipeValidation.Required(errors, RipeValidation.Combine(path, name), null);
                }

                return;
            }

            if (regex != null)
            {
                Add(errors, path, name, RipeValidation.PatternProblem(value, regex));
            }

            Add(errors, path, name, RipeValidation.LengthProblem(value, minLength, maxLength));
        }

        /// <summary>Checks a nested object: required (null despite <c>required</c>), then its own rules.</summary>
        public static void Nested(ICollection<RipeValidationError> errors, string path, string name, IRipeProperties? value, bool required)
        {
            if (value is null)
            {
                if (required)
                {
                    RipeValidation.Required(errors, RipeValidation.Combine(path, name), null);
                }

                return;
            }

            value.Validate(errors, RipeValidation.Combine(path, name));
        }

        /// <summary>Checks a number against <c>minimum</c>/<c>maximum</c>.</summary>
        public static void Range(ICollection<RipeValidationError> errors, string path, string name, double? value, double? minimum, double? maximum) =>
            Add(errors, path, name, RipeValidation.RangeProblem(value, minimum, maximum));

        /// <summary>Checks each item of an array with <paramref name="item"/> (given the item's path).</summary>
        public static void Each<T>(ICollection<RipeValidationError> errors, string path, string name, IReadOnlyList<T>? list, Action<ICollection<RipeValidationError>, string, T> item)
        {
            if (list is null)
            {
                return;
            }

            string at = RipeValidation.Combine(path, name);
            for (int i = 0; i < list.Count; i++)
            {
                item(errors, RipeValidation.Index(at, i), list[i]);
            }
        }

        /// <summary>Checks each nested object of an array property (non-generic: see <see cref="StrList"/>).</summary>
        public static void EachNested(ICollection<RipeValidationError> errors, string path, string name, IReadOnlyList<IRipeProperties?>? list) =>
            Each(errors, path, name, list, ItemNested);

        /// <summary>
        /// Checks each string of an array property: <c>pattern</c>, then <c>minLength</c>/<c>maxLength</c> (the order of
        /// a string property's checks), without a lambda per property for the compiler to bind.
        /// </summary>
        public static void EachText(ICollection<RipeValidationError> errors, string path, string name, IReadOnlyList<string?>? list, Regex? regex, int? minLength, int? maxLength)
        {
            if (list is null)
            {
                return;
            }

            string at = RipeValidation.Combine(path, name);
            for (int i = 0; i < list.Count; i++)
            {
                string itemPath = RipeValidation.Index(at, i);
                if (regex != null)
                {
                    RipeValidation.Pattern(errors, itemPath, list[i], regex);
                }

                RipeValidation.Length(errors, itemPath, list[i], minLength, maxLength);
            }
        }

        /// <summary>Checks each item of an array that is itself an item (arrays of arrays); <paramref name="path"/> is the array's own.</summary>
        public static void EachItem<T>(ICollection<RipeValidationError> errors, string path, IReadOnlyList<T>? list, Action<ICollection<RipeValidationError>, string, T> item)
        {
            if (list is null)
            {
                return;
            }

            for (int i = 0; i < list.Count; i++)
            {
                item(errors, RipeValidation.Index(path, i), list[i]);
            }
        }

        /// <summary>Checks an array item that is a nested object.</summary>
        public static void ItemNested(ICollection<RipeValidationError> errors, string path, IRipeProperties? value) => value?.Validate(errors, path);

        /// <summary>Checks an array item's value against <c>pattern</c>, length or range; the item path is given whole.</summary>
        public static void ItemMatches(ICollection<RipeValidationError> errors, string path, string? value, Regex regex) => RipeValidation.Pattern(errors, path, value, regex);

        /// <summary>Checks an array item's string length.</summary>
        public static void ItemLength(ICollection<RipeValidationError> errors, string path, string? value, int? minLength, int? maxLength) => RipeValidation.Length(errors, path, value, minLength, maxLength);

        /// <summary>Checks an array item's number range.</summary>
        public static void ItemRange(ICollection<RipeValidationError> errors, string path, double? value, double? minimum, double? maximum) => RipeValidation.Range(errors, path, value, minimum, maximum);

        // The error's path is built only when there is an error: a valid message allocates nothing for its checks.
        private static void Add(ICollection<RipeValidationError> errors, string path, string name, string? problem)
        {
            if (problem != null)
            {
                errors.Add(new RipeValidationError(RipeValidation.Combine(path, name), problem));
            }
        }
    }
}
