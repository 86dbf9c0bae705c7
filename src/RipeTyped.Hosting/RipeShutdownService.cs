using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace RipeTyped.Hosting
{
    /// <summary>
    /// Delivers what is queued when the host stops, within the host's one shutdown budget. Delivery goes on while the
    /// other services stop; the client is shut down after every hosted service has stopped (so their last events are
    /// still accepted), for at most <see cref="RipeClientOptions.ShutdownTimeout"/> and never past the
    /// host's shutdown token (<c>HostOptions.ShutdownTimeout</c>). The container's disposal of the client then has
    /// nothing left to wait for.
    /// </summary>
    internal sealed class RipeShutdownService : IHostedLifecycleService
    {
        private readonly RipeClient _client;

        public RipeShutdownService(RipeClient client) => _client = client;

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => _client.ShutdownAsync(cancellationToken);
    }
}
