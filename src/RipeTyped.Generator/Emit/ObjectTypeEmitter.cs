using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RipeTyped.Generator.Naming;
using RipeTyped.Generator.Spec;
using static RipeTyped.Generator.Emit.GeneratedCode;
using static RipeTyped.Generator.Naming.GeneratedAliases;

namespace RipeTyped.Generator.Emit
{
    /// <summary>
    /// Writes a properties/traits class: members, reflection-free JSON writing and constraint checks, with nested enum
    /// and object types inside it. Each property costs one line per concern, a call to the runtime's helpers
    /// (<c>RipeGenerated</c>, aliased <c>__</c>): a plan's size in generated code is what every build pays for.
    /// </summary>
    internal sealed class ObjectTypeEmitter
    {
        // The parameters of the generated WriteTo(w) and Validate(e, p); SpecBuilder keeps members from taking them.
        private const string W = GeneratedNames.WriterParameter;
        private const string E = GeneratedNames.ErrorsParameter;
        private const string P = GeneratedNames.PathParameter;

        private readonly CodeWriter _w;
        private readonly GeneratedTypeRef _self;

        private ObjectTypeEmitter(CodeWriter writer, GeneratedTypeRef self)
        {
            _w = writer;
            _self = self;
        }

        public static void Emit(CodeWriter writer, ObjectTypeSpec type, bool topLevel) =>
            new ObjectTypeEmitter(writer, type.Type).EmitType(type, topLevel);

        private void EmitType(ObjectTypeSpec type, bool topLevel)
        {
            if (topLevel)
            {
                if (!_w.TrySummary(type.Description))
                {
                    _w.Summary(DocText.SummaryOf(type));
                }

                _w.Line(Attribute);
            }
            else
            {
                // A nested type is documented where the plan describes it; its property's own doc says what it is.
                _w.SummaryIfAny(type.Description);
            }

            _w.Open($"public sealed partial class {type.Name} : {Properties}");
            foreach (var pattern in type.Patterns)
            {
                _w.Line($"private static readonly {Regex} {pattern.Field} = {Helpers}.Pattern({Escaping.Literal(pattern.Pattern)});");
            }

            foreach (var member in type.Members)
            {
                if (member.Fixed != null)
                {
                    continue;
                }

                _w.SummaryIfAny(member.Description);
                _w.ExamplesIfAny(member.Examples);
                _w.Line($"public {(member.Required ? "required " : "")}{CSharpTypes.Of(member.Value, _self)} {member.Name} {{ get; set; }}");
            }

            if (type.AdditionalPropertiesMember is { } open)
            {
                _w.Summary("Properties the tracking plan does not list, sent next to the typed ones (a typed property's key is not sent twice).");
                _w.Line($"public {RipeNs}.RipeProperties? {open} {{ get; set; }}");
            }

            _w.Line();
            EmitWriteTo(type);
            _w.Line();
            EmitValidate(type);
            foreach (var nested in type.NestedTypes)
            {
                _w.Line();
                if (nested is ObjectTypeSpec nestedObject)
                {
                    Emit(_w, nestedObject, topLevel: false);
                }
                else if (nested is EnumTypeSpec nestedEnum)
                {
                    EnumEmitter.Emit(_w, nestedEnum, topLevel: false);
                }
            }

            _w.Close();
        }

        private void EmitWriteTo(ObjectTypeSpec type)
        {
            _w.Open($"void {Properties}.WriteTo({Writer} {W})");
            _w.Line($"{W}.WriteStartObject();");
            foreach (var member in type.Members)
            {
                // Required members are always sent (null as JSON null); optional ones are left out when null.
                string opt = member.Required ? "" : "Opt";
                string name = Escaping.Utf8Literal(member.JsonName);
                // Members by their simple name: no member can be named like the method's parameters (SpecBuilder reserves them).
                string access = member.Name;
                var value = member.Value;
                if (member.Fixed is { } fixedValue)
                {
                    // A variant's selecting value: always sent, written as the plan gives it.
                    _w.Line($"{Helpers}.{WriteHelper(value.Kind == ValueKind.Enum ? ValueKind.String : value.Kind)}({W}, {name}, {FixedLiteral(value.Kind, fixedValue)});");
                    continue;
                }

                switch (value.Kind)
                {
                    case ValueKind.Enum when WireValuesLiteral(value) is { } values:
                        _w.Line($"{Helpers}.Enum{opt}({W}, {name}, {EnumPosition(access, value)}, {values}, {Escaping.Literal(EnumName(value))});");
                        break;
                    case ValueKind.Enum:
                        _w.Line($"{Helpers}.Str{opt}({W}, {name}, {access}{(value.Nullable ? "?" : "")}.ToWireValue());");
                        break;
                    case ValueKind.Array when value.Item!.Kind is ValueKind.String or ValueKind.Object or ValueKind.Any:
                        // Non-generic (StrList, ObjList, AnyList): no type inference or method-group conversion to compile.
                        _w.Line($"{Helpers}.{WriteHelper(value.Item.Kind)}List{opt}({W}, {name}, {access});");
                        break;
                    case ValueKind.Array:
                        _w.Line($"{Helpers}.List{opt}({W}, {name}, {access}, {ItemWriter(value.Item!, 1)});");
                        break;
                    case ValueKind.Any:
                        // The name as text too: an unwritable value's error names the property without decoding UTF-8 per message.
                        _w.Line($"{Helpers}.Any{opt}({W}, {name}, {access}, {Escaping.Literal(member.JsonName)});");
                        break;
                    default:
                        _w.Line($"{Helpers}.{WriteHelper(value.Kind)}{opt}({W}, {name}, {access});");
                        break;
                }
            }

            if (type.AdditionalPropertiesMember is { } open)
            {
                // A static lambda: no field that a member name could collide with, no allocation per message.
                string listed = type.Members.Count == 0 ? "false" : "key is " + string.Join(" or ", type.Members.Select(m => Escaping.Literal(m.JsonName)));
                _w.Line($"if (this.{open} is {{ }} additional) {Json}.WriteAdditionalProperties({W}, additional, static key => {listed});");
            }

            _w.Line($"{W}.WriteEndObject();");
            _w.Close();
        }

        /// <summary>A fixed value as C#: the spec holds it normalized (digits, true/false), text is escaped here.</summary>
        private static string FixedLiteral(ValueKind kind, string value) => kind switch
        {
            ValueKind.Integer or ValueKind.Boolean => value,
            ValueKind.Number => value + "d",
            _ => Escaping.Literal(value),
        };

        /// <summary>The helper that writes a value of the kind (<c>__.Str</c>, <c>__.Int</c>...).</summary>
        private static string WriteHelper(ValueKind kind) => kind switch
        {
            ValueKind.String => "Str",
            ValueKind.Integer => "Int",
            ValueKind.Number => "Num",
            ValueKind.Boolean => "Bool",
            ValueKind.DateTime => "Time",
            ValueKind.Object => "Obj",
            _ => "Any",
        };

        /// <summary>
        /// An enum's strings as one UTF-8 literal, NUL-separated, read by position at run time: a call to one helper
        /// instead of to one of the plan's <c>ToWireValue</c> overloads, which the compiler chose among at every call
        /// site (with a 1,000-event plan, a sixth of the generated code's compile time). Null when a value has a NUL or
        /// no UTF-8 form, or the list is long: those enums keep <c>ToWireValue()</c>.
        /// </summary>
        private static string? WireValuesLiteral(ValueSpec value)
        {
            if (value.WireValues.Count == 0 || value.WireValues.Any(v => v.IndexOf('\0') >= 0))
            {
                return null;
            }

            string literal = Escaping.Utf8Literal(string.Join("\0", value.WireValues));
            return literal.Length <= MaxInlineWireValues && literal.EndsWith("u8", System.StringComparison.Ordinal) ? literal : null;
        }

        /// <summary>
        /// The longest list written inline: the literal is repeated at every property of the enum's type and scanned per
        /// write, so a long list (countries, currencies) used by many events would cost more to compile and to send than
        /// the <c>ToWireValue()</c> call it replaces (a review measured 250 values × 300 events: 0.52 s → 0.63 s to compile).
        /// </summary>
        private const int MaxInlineWireValues = 256;

        /// <summary>The enum value as its position among the plan's values (members are numbered from 0 in plan order).</summary>
        private static string EnumPosition(string access, ValueSpec value) => value.Nullable ? $"(int?){access}" : $"(int){access}";

        /// <summary>The enum's C# name, for the message of an undefined value (as <c>ToWireValue</c> words it).</summary>
        private static string EnumName(ValueSpec value) => value.Type!.Name;

        /// <summary>How one array item is written: a helper's method group, or a static lambda for enums and nested arrays.</summary>
        private static string ItemWriter(ValueSpec item, int depth)
        {
            string w = "w" + depth.ToString(CultureInfo.InvariantCulture), v = "v" + depth.ToString(CultureInfo.InvariantCulture);
            return item.Kind switch
            {
                ValueKind.Enum when WireValuesLiteral(item) is { } values => $"static ({w}, {v}) => {Helpers}.EnumItem({w}, {EnumPosition(v, item)}, {values}, {Escaping.Literal(EnumName(item))})",
                ValueKind.Enum => $"static ({w}, {v}) => {Helpers}.StrItem({w}, {v}{(item.Nullable ? "?" : "")}.ToWireValue())",
                ValueKind.Array => $"static ({w}, {v}) => {Helpers}.ListItem({w}, {v}, {ItemWriter(item.Item!, depth + 1)})",
                _ => $"{Helpers}.{WriteHelper(item.Kind)}Item",
            };
        }

        private void EmitValidate(ObjectTypeSpec type)
        {
            _w.Open($"void {Properties}.Validate({Errors} {E}, string {P})");
            foreach (var member in type.Members.Where(m => m.Fixed is null))
            {
                string name = Escaping.Literal(member.JsonName);
                string access = member.Name;
                var value = member.Value;

                // null despite `required` is possible when forced in (null!); value types cannot be null.
                bool checkRequired = member.Required && !value.Nullable && !value.IsValueType;
                string required = checkRequired ? "true" : "false";

                // One statement per property that has something to check: each statement is compile time in every build.
                switch (value.Kind)
                {
                    case ValueKind.String when checkRequired || value.Pattern != null || value.MinLength.HasValue || value.MaxLength.HasValue:
                        string pattern = value.PatternField ?? "null";
                        _w.Line($"{Helpers}.Text({E}, {P}, {name}, {access}, {required}, {pattern}, {Escaping.NullableInt(value.MinLength)}, {Escaping.NullableInt(value.MaxLength)});");
                        break;
                    case ValueKind.Integer:
                    case ValueKind.Number:
                        if (value.Minimum.HasValue || value.Maximum.HasValue)
                        {
                            _w.Line($"{Helpers}.Range({E}, {P}, {name}, {access}, {Escaping.NullableNumber(value.Minimum)}, {Escaping.NullableNumber(value.Maximum)});");
                        }

                        break;
                    case ValueKind.Object:
                        _w.Line($"{Helpers}.Nested({E}, {P}, {name}, {access}, {required});");
                        break;
                    default:
                        if (checkRequired)
                        {
                            _w.Line($"{Helpers}.Required({E}, {P}, {name}, {access});");
                        }

                        if (value.Kind == ValueKind.Array && NeedsValidation(value.Item!))
                        {
                            EmitEach(name, access, value.Item!);
                        }

                        break;
                }
            }

            if (type.AdditionalPropertiesMember is { } open)
            {
                _w.Line($"(({Properties}?)this.{open})?.Validate({E}, {P});");
            }

            _w.Close();
        }

        /// <summary>
        /// The check of an array property's items: the common cases (objects, constrained strings) by non-generic helpers
        /// with no lambda, which cost the compiler a fraction of a generic <c>Each</c> with a lambda or method group.
        /// </summary>
        private void EmitEach(string name, string access, ValueSpec item)
        {
            switch (item.Kind)
            {
                case ValueKind.Object:
                    _w.Line($"{Helpers}.EachNested({E}, {P}, {name}, {access});");
                    break;
                case ValueKind.String:
                    _w.Line($"{Helpers}.EachText({E}, {P}, {name}, {access}, {item.PatternField ?? "null"}, {Escaping.NullableInt(item.MinLength)}, {Escaping.NullableInt(item.MaxLength)});");
                    break;
                default:
                    _w.Line($"{Helpers}.Each({E}, {P}, {name}, {access}, {ItemValidator(item, 1)});");
                    break;
            }
        }

        private static bool NeedsValidation(ValueSpec value) =>
            value.HasConstraints || value.Kind == ValueKind.Object || (value.Kind == ValueKind.Array && NeedsValidation(value.Item!));

        /// <summary>How one array item is checked, given the item's path.</summary>
        private static string ItemValidator(ValueSpec item, int depth)
        {
            string d = depth.ToString(CultureInfo.InvariantCulture);
            string e = "e" + d, p = "p" + d, v = "v" + d;
            switch (item.Kind)
            {
                case ValueKind.Object:
                    return $"{Helpers}.ItemNested";
                case ValueKind.Array:
                    return $"static ({e}, {p}, {v}) => {Helpers}.EachItem({e}, {p}, {v}, {ItemValidator(item.Item!, depth + 1)})";
                default:
                    var checks = new List<string>();
                    if (item.Pattern != null)
                    {
                        checks.Add($"{Helpers}.ItemMatches({e}, {p}, {v}, {item.PatternField});");
                    }

                    if (item.MinLength.HasValue || item.MaxLength.HasValue)
                    {
                        checks.Add($"{Helpers}.ItemLength({e}, {p}, {v}, {Escaping.NullableInt(item.MinLength)}, {Escaping.NullableInt(item.MaxLength)});");
                    }

                    if (item.Minimum.HasValue || item.Maximum.HasValue)
                    {
                        checks.Add($"{Helpers}.ItemRange({e}, {p}, {v}, {Escaping.NullableNumber(item.Minimum)}, {Escaping.NullableNumber(item.Maximum)});");
                    }

                    return $"static ({e}, {p}, {v}) => {{ {string.Join(" ", checks)} }}";
            }
        }
    }
}
