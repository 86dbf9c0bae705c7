using System;
using System.IO;
using System.Text;

namespace RipeTyped.Cli.Infrastructure
{
    /// <summary>Writes a file whole or not at all: to a temporary file beside it, then renamed over the target.</summary>
    internal static class AtomicFile
    {
        private static readonly UTF8Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        public static void WriteAllText(string path, string content)
        {
            string full = Path.GetFullPath(path);
            string? directory = Path.GetDirectoryName(full);
            if (directory != null && !Directory.Exists(directory))
            {
                throw CliException.Input($"Cannot write {path}: the directory {directory} does not exist.");
            }

            string temporary = full + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
            try
            {
                File.WriteAllText(temporary, content, Utf8NoBom);
                File.Move(temporary, full, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                TryDelete(temporary);
                throw CliException.Input($"Cannot write {path}: {ex.Message}");
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
