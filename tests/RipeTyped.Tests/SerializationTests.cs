using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using RipeTyped.Serialization;

namespace RipeTyped.Tests;

public class SerializationTests
{
    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Untyped_properties_write_supported_values_without_reflection()
    {
        var properties = new RipeProperties
        {
            ["text"] = "a\"b",
            ["count"] = 3,
            ["ratio"] = 0.5,
            ["flag"] = true,
            ["none"] = null,
            ["at"] = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 6, TimeSpan.Zero),
            ["id"] = Guid.Empty,
            ["list"] = new[] { 1, 2 },
            ["nested"] = new Dictionary<string, object?> { ["k"] = "v" },
        };

        string json = Write(properties.WriteTo);

        Assert.Equal(
            "{\"text\":\"a\\u0022b\",\"count\":3,\"ratio\":0.5,\"flag\":true,\"none\":null,\"at\":\"2026-01-02T03:04:05.006Z\"," +
            "\"id\":\"00000000-0000-0000-0000-000000000000\",\"list\":[1,2],\"nested\":{\"k\":\"v\"}}",
            json);
    }

    [Fact]
    public void Unsupported_values_fail_with_the_property_path()
    {
        var properties = new RipeProperties { ["outer"] = new Dictionary<string, object?> { ["inner"] = new Uri("https://x") } };

        var ex = Assert.Throws<ArgumentException>(() => Write(properties.WriteTo));
        Assert.Contains("outer.inner", ex.Message);
    }

    [Fact]
    public void Non_finite_numbers_are_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Write(w => RipeJson.WriteDouble(w, double.NaN, "ratio")));
        Assert.Contains("ratio", ex.Message);
    }

    [Fact]
    public void Timestamps_are_utc_with_milliseconds()
    {
        Assert.Equal("2026-11-23T17:04:05.123Z", RipeJson.FormatTimestamp(new DateTimeOffset(2026, 11, 23, 18, 4, 5, 123, TimeSpan.FromHours(1))));
    }

    [Fact]
    public void Invalid_options_are_rejected_with_the_option_name()
    {
        Assert.Contains("ApiKey", Assert.Throws<ArgumentException>(() => new RipeClient(new RipeClientOptions())).Message);
        Assert.Contains("Endpoint", Assert.Throws<ArgumentException>(() => new RipeClient(new RipeClientOptions { ApiKey = "k", Endpoint = new Uri("ftp://x/") })).Message);
    }

    [Fact]
    public void A_pattern_that_times_out_is_a_validation_error_not_an_exception()
    {
        var catastrophic = new System.Text.RegularExpressions.Regex("^(a|aa)+$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(5));
        var errors = new List<RipeValidationError>();

        RipeValidation.Pattern(errors, "properties.code", new string('a', 60) + "b", catastrophic);

        var error = Assert.Single(errors);
        Assert.Equal("properties.code", error.Path);
        Assert.Contains("timed out", error.Message);
    }

    [Theory]
    [InlineData(0, "free")]
    [InlineData(1, "")]      // an empty segment between two separators
    [InlineData(2, "pro+")]
    [InlineData(3, "Früh")] // the last segment has no separator after it
    public void An_enum_value_is_the_segment_at_its_position(int position, string expected)
    {
        byte[] values = Encoding.UTF8.GetBytes("free\0\0pro+\0Früh");
        Assert.Equal(expected, Encoding.UTF8.GetString(RipeGenerated.WireValue(values, position, "Tier").ToArray()));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void A_position_past_the_values_is_refused_with_the_enums_name(int position)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RipeGenerated.WireValue(Encoding.UTF8.GetBytes("free\0\0pro+\0Früh"), position, "Tier"));
        Assert.Equal(position, error.ActualValue);
        Assert.Contains("Tier", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Call_names_take_one_source_list_for_all_or_one_per_name()
    {
        string[] web = { "web" }, none = Array.Empty<string>();
        var shared = RipeGenerated.CallNames(new[] { "A", "B" }, new[] { web });
        Assert.Equal(new[] { "A: web", "B: web" }, System.Linq.Enumerable.Select(shared, n => n.Name + ": " + string.Join(",", n.Sources)));
        var own = RipeGenerated.CallNames(new[] { "A", "B" }, new[] { web, none });
        Assert.Equal(new[] { "A: web", "B: " }, System.Linq.Enumerable.Select(own, n => n.Name + ": " + string.Join(",", n.Sources)));
        Assert.Throws<ArgumentException>(() => RipeGenerated.CallNames(new[] { "A", "B", "C" }, new[] { web, none }));
    }
}
