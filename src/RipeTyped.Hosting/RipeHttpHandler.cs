using System;
using System.Net.Http;

namespace RipeTyped.Hosting
{
    /// <summary>The primary handler of RipeTyped's named HttpClient: pooled keep-alive connections, recycled for DNS.</summary>
    internal static class RipeHttpHandler
    {
        public static HttpMessageHandler Create()
        {
#if NET8_0_OR_GREATER
            return new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
            };
#else
            return new HttpClientHandler();
#endif
        }
    }
}
