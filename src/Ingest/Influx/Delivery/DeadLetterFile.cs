using System.Globalization;
using System.Text;

namespace Telematics.Ingest.Influx.Delivery;

/// <summary>
/// Lines InfluxDB refused, appended to a file that is itself valid line protocol: each group
/// starts with comment lines (<c># 2026-11-28T22:00:00Z 400 partial write: ...</c>) naming when
/// and why, then the lines as sent, so that after fixing the cause the file can be posted again.
/// Thread-safe.
/// </summary>
public sealed class DeadLetterFile
{
    private readonly Lock _lock = new();

    public DeadLetterFile(string path) => Path = System.IO.Path.GetFullPath(path);

    public string Path { get; }

    public void Append(string error, ReadOnlySpan<byte> line)
    {
        var comment = new StringBuilder("# ")
            .Append(DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture))
            .Append(' ')
            .Append(error.Replace('\n', ' ').Replace('\r', ' '))
            .Append('\n')
            .ToString();
        lock (_lock)
        {
            System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            stream.Write(Encoding.UTF8.GetBytes(comment));
            stream.Write(line);
            if (line.IsEmpty || line[^1] != (byte)'\n')
            {
                stream.WriteByte((byte)'\n');
            }
        }
    }
}
