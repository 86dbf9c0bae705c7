using System;
using System.IO;

namespace RipeTyped.Generator.Tests.Infrastructure;

/// <summary>
/// Compares text with a checked-in snapshot under Snapshots/. A mismatch fails and writes a .received file next to
/// the snapshot; set RIPETYPED_UPDATE_SNAPSHOTS=1 to accept the new output.
/// </summary>
internal static class Snapshot
{
    public static void Match(string actual, string name)
    {
        string directory = RepositoryFiles.Path(Path.Combine("tests", "RipeTyped.Generator.Tests", "Snapshots"));
        string expectedPath = Path.Combine(directory, name);
        string receivedPath = Path.ChangeExtension(expectedPath, ".received" + Path.GetExtension(expectedPath));
        actual = actual.Replace("\r\n", "\n");

        if (Environment.GetEnvironmentVariable("RIPETYPED_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(expectedPath, actual);
            return;
        }

        if (!File.Exists(expectedPath))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(receivedPath, actual);
            Assert.Fail($"No snapshot {expectedPath}; the output was written to {receivedPath}. Review it and rerun with RIPETYPED_UPDATE_SNAPSHOTS=1.");
        }

        string expected = File.ReadAllText(expectedPath).Replace("\r\n", "\n");
        if (expected != actual)
        {
            File.WriteAllText(receivedPath, actual);
        }
        else if (File.Exists(receivedPath))
        {
            File.Delete(receivedPath);
        }

        Assert.Equal(expected, actual);
    }
}
