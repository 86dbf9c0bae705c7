using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RipeTyped.Generator.Spec;
using static RipeTyped.Generator.Emit.GeneratedCode;

namespace RipeTyped.Generator.Emit
{
    /// <summary>
    /// Writes a properties/traits class: members, reflection-free JSON writing and constraint checks, with nested
    /// enum and object types inside it.
    /// </summary>
    internal sealed class ObjectTypeEmitter
    {
        private readonly CodeWriter _w;
        private readonly string _wireValues;
        private readonly List<string> _patterns = new List<string>();
        private int _locals;

        private ObjectTypeEmitter(CodeWriter writer, string wireValuesClass)
        {
            _w = writer;
            _wireValues = wireValuesClass;
        }

        public static void Emit(CodeWriter writer, ObjectTypeSpec type, string wireValuesClass, bool topLevel) =>
            new ObjectTypeEmitter(writer, wireValuesClass).EmitType(type, topLevel);

        private void EmitType(ObjectTypeSpec type, bool topLevel)
        {
            CollectPatterns(type);
            _w.Summary(type.Description, type.Summary);
            if (topLevel)
            {
                _w.Line(Attribute);
            }

            _w.Open($"public sealed partial class {type.Name} : {PropertiesInterface}");
            for (int i = 0; i < _patterns.Count; i++)
            {
                _w.Line($"private static readonly {Regex} s_pattern{i} = new {Regex}({Escaping.Literal(_patterns[i])}, global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::System.TimeSpan.FromSeconds(1));");
                _w.Line();
            }

            foreach (var member in type.Members)
            {
                EmitMember(member);
            }

            if (type.AdditionalPropertiesMember is { } open)
            {
                _w.Summary(null, "Properties the tracking plan does not list, sent next to the typed ones (<c>additionalProperties: true</c>).");
                _w.Line("/// <remarks>A key that is also a typed property is not sent from here: the typed member wins.</remarks>");
                _w.Line($"public {RipeNs}.RipeProperties? {open} {{ get; set; }}");
                _w.Line();
            }

            EmitWriteTo(type);
            _w.Line();
            EmitValidate(type);
            foreach (var nested in type.NestedTypes)
            {
                _w.Line();
                if (nested is ObjectTypeSpec nestedObject)
                {
                    Emit(_w, nestedObject, _wireValues, topLevel: false);
                }
                else if (nested is EnumTypeSpec nestedEnum)
                {
                    EnumEmitter.Emit(_w, nestedEnum, topLevel: false);
                }
            }

            _w.Close();
        }

        private void CollectPatterns(ObjectTypeSpec type)
        {
            foreach (var member in type.Members)
            {
                for (var value = member.Value; value != null; value = value.Item)
                {
                    if (value.Pattern != null && !_patterns.Contains(value.Pattern))
                    {
                        _patterns.Add(value.Pattern);
                    }
                }
            }
        }

        private void EmitMember(MemberSpec member)
        {
            _w.Summary(member.Description, $"The <c>{Escaping.XmlText(member.JsonName)}</c> property.");
            _w.Line($"/// <remarks>Sent as <c>{Escaping.XmlText(member.JsonName)}</c> ({CSharpTypes.Describe(member.Value)}, {(member.Required ? "required" : "optional")}{Rules(member.Value)}).</remarks>");
            _w.Line($"public {(member.Required ? "required " : "")}{CSharpTypes.Of(member.Value)} {member.Name} {{ get; set; }}");
            _w.Line();
        }

        private static string Rules(ValueSpec value)
        {
            var rules = new List<string>();
            if (value.Pattern != null) rules.Add("pattern <c>" + Escaping.XmlText(value.Pattern) + "</c>");
            if (value.Minimum.HasValue) rules.Add("minimum " + value.Minimum.Value.ToString("R", CultureInfo.InvariantCulture));
            if (value.Maximum.HasValue) rules.Add("maximum " + value.Maximum.Value.ToString("R", CultureInfo.InvariantCulture));
            if (value.MinLength.HasValue) rules.Add("minLength " + value.MinLength.Value.ToString(CultureInfo.InvariantCulture));
            if (value.MaxLength.HasValue) rules.Add("maxLength " + value.MaxLength.Value.ToString(CultureInfo.InvariantCulture));
            return rules.Count == 0 ? "" : ", " + string.Join(", ", rules);
        }

        private void EmitWriteTo(ObjectTypeSpec type)
        {
            _locals = 0;
            _w.Open($"void {PropertiesInterface}.WriteTo({JsonWriter} writer)");
            _w.Line("writer.WriteStartObject();");
            foreach (var member in type.Members)
            {
                string access = "this." + member.Name;
                string name = Escaping.Utf8Literal(member.JsonName);
                if (!member.Value.Nullable)
                {
                    _w.Line($"writer.WritePropertyName({name});");
                    WriteValue(member.Value, access, member.JsonName);
                    continue;
                }

                string local = NextLocal("value");
                _w.Open($"if ({access} is {{ }} {local})");
                _w.Line($"writer.WritePropertyName({name});");
                WriteValue(member.Value, local, member.JsonName);
                _w.Close();
                if (member.Required)
                {
                    // Required but nullable: the key is always sent, with null when there is no value.
                    _w.Open("else");
                    _w.Line($"writer.WriteNull({name});");
                    _w.Close();
                }
            }

            if (type.AdditionalPropertiesMember is { } open)
            {
                // A static lambda: no field that a member name could collide with, no allocation per message.
                string listed = type.Members.Count == 0 ? "false" : "key is " + string.Join(" or ", type.Members.Select(m => Escaping.Literal(m.JsonName)));
                _w.Open($"if (this.{open} is {{ }} additional)");
                _w.Line($"{Json}.WriteAdditionalProperties(writer, additional, static key => {listed});");
                _w.Close();
            }

            _w.Line("writer.WriteEndObject();");
            _w.Close();
        }

        private void WriteValue(ValueSpec value, string expression, string path)
        {
            switch (value.Kind)
            {
                case ValueKind.String:
                    _w.Line($"writer.WriteStringValue({expression});");
                    break;
                case ValueKind.Integer:
                    _w.Line($"writer.WriteNumberValue({expression});");
                    break;
                case ValueKind.Number:
                    _w.Line($"{Json}.WriteDouble(writer, {expression}, {Escaping.Literal(path)});");
                    break;
                case ValueKind.Boolean:
                    _w.Line($"writer.WriteBooleanValue({expression});");
                    break;
                case ValueKind.DateTime:
                    _w.Line($"{Json}.WriteDateTime(writer, {expression});");
                    break;
                case ValueKind.Enum:
                    _w.Line($"writer.WriteStringValue({_wireValues}.ToWireValue({expression}));");
                    break;
                case ValueKind.Object:
                    _w.Line($"(({PropertiesInterface}){expression}).WriteTo(writer);");
                    break;
                case ValueKind.Any:
                    _w.Line($"{Json}.WriteAny(writer, {expression}, {Escaping.Literal(path)});");
                    break;
                case ValueKind.Array:
                    // Indexed, not foreach: enumerating an IReadOnlyList<T> through the interface allocates an enumerator.
                    // A member is read once into a local; a local (a nullable member's value, an outer item) is used as is.
                    bool isMember = expression.StartsWith("this.", System.StringComparison.Ordinal);
                    string list = isMember ? NextLocal("list") : expression;
                    string index = NextLocal("index");
                    string item = NextLocal("item");
                    _w.Line("writer.WriteStartArray();");
                    if (isMember)
                    {
                        _w.Line($"var {list} = {expression};");
                    }

                    _w.Open($"for (int {index} = 0; {index} < {list}.Count; {index}++)");
                    _w.Line($"var {item} = {list}[{index}];");
                    if (value.Item!.Nullable)
                    {
                        string present = NextLocal("value");
                        _w.Open($"if ({item} is {{ }} {present})");
                        WriteValue(value.Item, present, path + "[]");
                        _w.Close();
                        _w.Open("else");
                        _w.Line("writer.WriteNullValue();");
                        _w.Close();
                    }
                    else
                    {
                        WriteValue(value.Item, item, path + "[]");
                    }

                    _w.Close();
                    _w.Line("writer.WriteEndArray();");
                    break;
            }
        }

        private void EmitValidate(ObjectTypeSpec type)
        {
            _locals = 0;
            _w.Open($"void {PropertiesInterface}.Validate({ErrorList} errors, string path)");
            foreach (var member in type.Members)
            {
                string path = $"{Validation}.Combine(path, {Escaping.Literal(member.JsonName)})";
                if (member.Required && !member.Value.Nullable && !member.Value.IsValueType)
                {
                    _w.Line($"{Validation}.Required(errors, {path}, this.{member.Name});");
                }

                if (NeedsValidation(member.Value))
                {
                    ValidateValue(member.Value, "this." + member.Name, path);
                }
            }

            if (type.AdditionalPropertiesMember is { } open)
            {
                _w.Line($"(({PropertiesInterface}?)this.{open})?.Validate(errors, path);");
            }

            _w.Close();
        }

        private static bool NeedsValidation(ValueSpec value) =>
            value.HasConstraints || value.Kind == ValueKind.Object || (value.Kind == ValueKind.Array && NeedsValidation(value.Item!));

        private void ValidateValue(ValueSpec value, string expression, string path)
        {
            switch (value.Kind)
            {
                case ValueKind.String:
                    if (value.Pattern != null)
                    {
                        _w.Line($"{Validation}.Pattern(errors, {path}, {expression}, s_pattern{_patterns.IndexOf(value.Pattern)});");
                    }

                    if (value.MinLength.HasValue || value.MaxLength.HasValue)
                    {
                        _w.Line($"{Validation}.Length(errors, {path}, {expression}, {Escaping.NullableInt(value.MinLength)}, {Escaping.NullableInt(value.MaxLength)});");
                    }

                    break;
                case ValueKind.Integer:
                case ValueKind.Number:
                    if (value.Minimum.HasValue || value.Maximum.HasValue)
                    {
                        _w.Line($"{Validation}.Range(errors, {path}, {expression}, {Escaping.NullableNumber(value.Minimum)}, {Escaping.NullableNumber(value.Maximum)});");
                    }

                    break;
                case ValueKind.Object:
                    string present = NextLocal("value");
                    _w.Open($"if ({expression} is {{ }} {present})");
                    _w.Line($"(({PropertiesInterface}){present}).Validate(errors, {path});");
                    _w.Close();
                    break;
                case ValueKind.Array:
                    string list = NextLocal("list");
                    string index = NextLocal("index");
                    _w.Open($"if ({expression} is {{ }} {list})");
                    _w.Open($"for (int {index} = 0; {index} < {list}.Count; {index}++)");
                    ValidateValue(value.Item!, $"{list}[{index}]", $"{Validation}.Index({path}, {index})");
                    _w.Close();
                    _w.Close();
                    break;
            }
        }

        private string NextLocal(string prefix) => prefix + (_locals++).ToString(CultureInfo.InvariantCulture);
    }
}
