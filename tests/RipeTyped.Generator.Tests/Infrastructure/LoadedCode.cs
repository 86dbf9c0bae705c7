using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace RipeTyped.Generator.Tests.Infrastructure;

/// <summary>Generated code run for real: the compiled output loaded, payloads written as JSON, a client that records what it sends.</summary>
internal static class LoadedCode
{
    /// <summary>The run's compilation (generated code included), emitted and loaded; it must compile.</summary>
    public static Assembly Load(this GeneratorRun run)
    {
        using var stream = new MemoryStream();
        var result = run.Output.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return Assembly.Load(stream.ToArray());
    }

    /// <summary>What a payload writes: the properties object as Ripe receives it.</summary>
    public static string Json(IRipeProperties properties)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            properties.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A client whose requests go to <paramref name="handler"/> (one at a time, so bodies keep their order).</summary>
    public static RipeClient RecordingClient(RecordingHandler handler) => new(new RipeClientOptions
    {
        ApiKey = "k",
        Endpoint = new Uri("http://127.0.0.1:9/event"),
        AnonymousId = "a",
        MaxConcurrentRequests = 1,
        HttpClient = new HttpClient(handler),
    });
}
