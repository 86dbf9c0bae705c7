using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace RipeTyped.AspNetCore.Tests;

/// <summary>
/// The ASP.NET Core sample as a real process, sending to an endpoint that accepts connections and never answers:
/// SIGTERM stops it within the host's shutdown timeout (+2 s), with one log line counting what was not delivered.
/// </summary>
public sealed class ShutdownTests
{
    private const int HostShutdownSeconds = 5;
    private const int Pages = 10;
    private readonly ITestOutputHelper _output;

    public ShutdownTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task SIGTERM_with_Ripe_not_answering_exits_within_the_hosts_shutdown_timeout_and_logs_once_what_was_lost()
    {
        using var blackHole = new BlackHole();
        var lines = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var app = StartSample(blackHole.Endpoint, lines, listening);
        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            using (var browser = new HttpClient { BaseAddress = address })
            {
                for (int i = 0; i < Pages; i++)
                {
                    (await browser.GetAsync("/pricing")).EnsureSuccessStatusCode();
                }
            }

            await blackHole.FirstConnection.WaitAsync(TimeSpan.FromSeconds(30)); // the page calls are in flight, unanswered

            Assert.Equal(0, kill(app.Id, SIGTERM));
            bool exited = app.WaitForExit(TimeSpan.FromSeconds(HostShutdownSeconds + 2));
            app.WaitForExit(); // the output is complete once the process has ended

            var lost = lines.Where(l => l.Contains("not delivered", StringComparison.Ordinal)).ToList();
            foreach (string line in lines)
            {
                _output.WriteLine(line);
            }

            Assert.True(exited, $"the sample was still running {HostShutdownSeconds + 2} s after SIGTERM");
            Assert.Equal(0, app.ExitCode);
            string report = Assert.Single(lost);
            Assert.Contains($"{Pages} message(s) not delivered", report);
            Assert.Contains("HostOptions.ShutdownTimeout", report);
        }
        finally
        {
            if (!app.HasExited)
            {
                app.Kill(entireProcessTree: true);
            }
        }
    }

    private static Process StartSample(Uri ripe, ConcurrentQueue<string> lines, TaskCompletionSource<Uri> listening)
    {
        string sample = Path.Combine(AppContext.BaseDirectory, "RipeTyped.AspNetCoreSample.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            sample, "--urls", "http://127.0.0.1:0", "--environment", "Production",
            $"--shutdownTimeoutSeconds={HostShutdownSeconds}",
            "--Ripe:ApiKey=test-key", $"--Ripe:Endpoint={ripe}",
            "--Ripe:ShutdownTimeout=00:01:00", // longer than the host's: the host's budget is the one that binds
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + sample);
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lines.Enqueue(e.Data);
            int at = e.Data.IndexOf("Now listening on: ", StringComparison.Ordinal);
            if (at >= 0)
            {
                listening.TrySetResult(new Uri(e.Data.Substring(at + "Now listening on: ".Length).Trim()));
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private const int SIGTERM = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    /// <summary>An endpoint that accepts connections and reads nothing, answers nothing.</summary>
    private sealed class BlackHole : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<Socket> _held = new();
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public BlackHole()
        {
            _listener.Start();
            Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/event");
            _ = Task.Run(AcceptAsync);
        }

        public Uri Endpoint { get; }

        public Task FirstConnection => _first.Task;

        public void Dispose()
        {
            _listener.Stop();
            lock (_held)
            {
                _held.ForEach(s => s.Dispose());
            }
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var socket = await _listener.AcceptSocketAsync();
                    lock (_held)
                    {
                        _held.Add(socket);
                    }

                    _first.TrySetResult();
                }
            }
            catch (Exception ex) when (ex is SocketException || ex is ObjectDisposedException)
            {
                // Stopped.
            }
        }
    }
}
