using System;
using System.Globalization;
using System.IO;

namespace RipeTyped.Cli.Infrastructure
{
    /// <summary>
    /// A status line on stderr while a large plan loads (a 3.7 MB, 5,000-event plan takes seconds). Shown only on an
    /// interactive terminal (<see cref="For"/>), so pipes, CI logs, GitHub annotations and SARIF stay clean.
    /// </summary>
    internal sealed class Progress
    {
        /// <summary>Plans smaller than this load in well under a second: no status for them.</summary>
        public const int LargePlanChars = 512 * 1024;

        public static readonly Progress Silent = new Progress(null);

        private readonly TextWriter? _writer;

        public Progress(TextWriter? writer) => _writer = writer;

        /// <summary>Status on <paramref name="error"/> when it is the console's stderr and a person is watching it.</summary>
        public static Progress For(TextWriter error, bool errorRedirected) => new Progress(errorRedirected ? null : error);

        public T Step<T>(string what, int chars, Func<T> work)
        {
            if (_writer is null || chars < LargePlanChars)
            {
                return work();
            }

            _writer.Write(string.Format(CultureInfo.InvariantCulture, "ripe-typed: {0} ({1:F1} MB)...", what, chars / (1024.0 * 1024.0)));
            _writer.Flush();
            try
            {
                T result = work();
                _writer.WriteLine(" done");
                return result;
            }
            catch
            {
                _writer.WriteLine(" failed");
                throw;
            }
        }
    }
}
