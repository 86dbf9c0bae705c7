using System;
using System.IO;
using System.Text;

namespace RipeTyped
{
    /// <summary>
    /// Keeps the anonymous id in a small text file (e.g. under <see cref="Environment.SpecialFolder.LocalApplicationData"/>),
    /// for desktop and console apps whose user should stay one anonymous visitor across runs.
    /// </summary>
    public sealed class RipeFileIdentityStore : IRipeIdentityStore
    {
        // An id longer than this is not one we wrote: ignore the file rather than send its content.
        private const int MaxIdLength = 200;

        /// <summary>Creates a store over <paramref name="path"/>; its folder is created when the id is first saved.</summary>
        public RipeFileIdentityStore(string path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new ArgumentException("RipeFileIdentityStore needs a file path.", nameof(path));
            }

            Path = System.IO.Path.GetFullPath(path);
        }

        /// <summary>The file's full path.</summary>
        public string Path { get; }

        /// <inheritdoc />
        public string? LoadAnonymousId()
        {
            try
            {
                string id = File.ReadAllText(Path, Encoding.UTF8).Trim();
                return id.Length == 0 || id.Length > MaxIdLength ? null : id;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <inheritdoc />
        public void SaveAnonymousId(string anonymousId)
        {
            try
            {
                string? folder = System.IO.Path.GetDirectoryName(Path);
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }

                // Written aside and moved over, so a crash mid-write never leaves half an id.
                string temporary = Path + ".tmp";
                File.WriteAllText(temporary, anonymousId, new UTF8Encoding(false));
                if (File.Exists(Path))
                {
                    File.Replace(temporary, Path, null);
                }
                else
                {
                    File.Move(temporary, Path);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // Documented: the id then lasts this run only.
            }
        }

        /// <inheritdoc />
        public override string ToString() => $"RipeFileIdentityStore {{ Path = {Path} }}";
    }
}
