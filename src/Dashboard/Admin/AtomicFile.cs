namespace Telematics.Dashboard.Admin;

/// <summary>
/// Replaces a file in one step: the new text goes to a temporary file in the same directory, which
/// is then renamed over the old one. A watcher polling the file (the registry, the scenario) sees
/// either the old or the new file, never half of one.
/// </summary>
public static class AtomicFile
{
    public static void Replace(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)))
            {
                writer.Write(text);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
