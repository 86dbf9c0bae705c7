using System.Text;

namespace RipeTyped.Generator.Tests.Infrastructure;

/// <summary>Builds plan text in tests: any string as a YAML double-quoted scalar, every special character escaped.</summary>
internal static class YamlText
{
    public static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (char c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\u2028' => "\\L",
                '\u2029' => "\\P",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
