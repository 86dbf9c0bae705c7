using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace RipeTyped.Hosting
{
    /// <summary>
    /// Starts flushing as soon as the application begins stopping and waits for it (up to
    /// <see cref="RipeClientOptions.ShutdownTimeout"/>) when the host stops; the container then disposes the client,
    /// which delivers or spools the rest.
    /// </summary>
    internal sealed class RipeFlushOnShutdownService : IHostedService
    {
        private readonly RipeClient _client;
        private readonly IHostApplicationLifetime _lifetime;
        private readonly RipeClientOptions _options;
        private Task _flush = Task.CompletedTask;
        private CancellationTokenRegistration _registration;

        public RipeFlushOnShutdownService(RipeClient client, IHostApplicationLifetime lifetime, IOptions<RipeClientOptions> options)
        {
            _client = client;
            _lifetime = lifetime;
            _options = options.Value;
        }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            _registration = _lifetime.ApplicationStopping.Register(() => _flush = _client.FlushAsync(_options.ShutdownTimeout));
            return Task.CompletedTask;
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            _registration.Dispose();
            if (_flush.IsCompleted && !_lifetime.ApplicationStopping.IsCancellationRequested)
            {
                _flush = _client.FlushAsync(_options.ShutdownTimeout);
            }

            var stopped = Task.Delay(Timeout.Infinite, cancellationToken);
            await Task.WhenAny(_flush, stopped).ConfigureAwait(false);
        }
    }
}
