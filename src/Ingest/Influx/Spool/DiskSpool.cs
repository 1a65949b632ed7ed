using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Telematics.Ingest.Influx.LineProtocol;

namespace Telematics.Ingest.Influx.Spool;

/// <summary>
/// Batches waiting for InfluxDB, on disk: append-only segment files (<c>000000000001.spool</c>,
/// a new one every 16 MB and at every start) of length-prefixed, CRC-checked records
/// (<see cref="SpoolRecordHeader"/>), read back oldest first. A small "cursor" file remembers
/// how far the reader got, so a restart does not resend what was delivered (and what it does
/// resend is harmless: a point rewritten with the same series and time overwrites itself).
/// Bounded by a byte quota: <see cref="TryAppend"/> says false rather than exceed it.
/// Thread-safe (one lock; appends and reads are short). One process per directory.
/// </summary>
public sealed partial class DiskSpool : IDisposable
{
    public const long SegmentBytes = 16L * 1024 * 1024;
    private const string Extension = ".spool";
    private const string CursorFile = "cursor";

    private readonly Lock _lock = new();
    private readonly string _directory;
    private readonly long _quotaBytes;
    private readonly ILogger _logger;
    private readonly List<Segment> _segments = [];
    private FileStream? _writer;
    private long _readOffset;
    private long _totalBytes;
    private int _pendingBatches;
    private bool _disposed;

    public DiskSpool(string directory, long quotaBytes, ILogger logger)
    {
        _directory = Path.GetFullPath(directory);
        _quotaBytes = quotaBytes;
        _logger = logger;
        Directory.CreateDirectory(_directory);
        Open();
    }

    public string DirectoryPath => _directory;

    public long QuotaBytes => _quotaBytes;

    /// <summary>Bytes of the spool files on disk (what counts against the quota).</summary>
    public long TotalBytes
    {
        get
        {
            lock (_lock)
            {
                return _totalBytes;
            }
        }
    }

    /// <summary>Batches not yet acknowledged.</summary>
    public int PendingBatches
    {
        get
        {
            lock (_lock)
            {
                return _pendingBatches;
            }
        }
    }

    public bool HasPending => PendingBatches > 0;

    /// <summary>Appends a batch; false (and nothing written) when it would exceed the quota.</summary>
    public bool TryAppend(ReadOnlySpan<byte> lines, int lineCount)
    {
        var size = SpoolRecordHeader.Size + lines.Length;
        var record = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            new SpoolRecordHeader(lines.Length, lineCount, SpoolCrc32.Compute(lines)).Write(record);
            lines.CopyTo(record.AsSpan(SpoolRecordHeader.Size));
            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_totalBytes + size > _quotaBytes)
                {
                    return false;
                }

                var segment = WriteSegment(size);
                _writer!.Write(record, 0, size);
                _writer.Flush();
                segment.Length += size;
                _totalBytes += size;
                _pendingBatches++;
                return true;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(record);
        }
    }

    /// <summary>
    /// Reads the oldest pending batch into <paramref name="into"/> (cleared first). False when
    /// nothing is pending. A damaged record is logged and skipped, never returned.
    /// </summary>
    public bool TryPeek(LineBuffer into, out SpoolPosition next)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            while (_segments.Count > 0)
            {
                var segment = _segments[0];
                if (_readOffset >= segment.Length)
                {
                    if (ReferenceEquals(segment, _segments[^1]) && _writer is not null)
                    {
                        break; // the segment being written: nothing more yet
                    }

                    DropOldestSegment();
                    continue;
                }

                switch (TryReadRecord(segment, _readOffset, into, out var header, out var reason))
                {
                    case ReadResult.Ok:
                        next = new SpoolPosition(segment.Number, _readOffset + SpoolRecordHeader.Size + header.PayloadLength);
                        return true;
                    case ReadResult.BadPayload:
                        LogDamaged(segment.Path, _readOffset, reason, header.Lines);
                        _readOffset += SpoolRecordHeader.Size + header.PayloadLength;
                        _pendingBatches = Math.Max(0, _pendingBatches - 1);
                        SaveCursor(segment.Number);
                        continue;
                    default:
                        LogDamaged(segment.Path, _readOffset, reason, 0);
                        _readOffset = segment.Length;
                        continue;
                }
            }

            _pendingBatches = 0;
            next = default;
            return false;
        }
    }

    /// <summary>The batch read by <see cref="TryPeek"/> is delivered: move past it (and delete files read to the end).</summary>
    public void Acknowledge(SpoolPosition position)
    {
        lock (_lock)
        {
            if (_disposed || _segments.Count == 0 || _segments[0].Number != position.Segment || position.Offset <= _readOffset)
            {
                return;
            }

            _readOffset = position.Offset;
            _pendingBatches = Math.Max(0, _pendingBatches - 1);
            var segment = _segments[0];
            if (_readOffset >= segment.Length)
            {
                if (ReferenceEquals(segment, _segments[^1]) && _writer is not null)
                {
                    // Everything written so far is delivered: start the next batch in a fresh file.
                    _writer.Dispose();
                    _writer = null;
                }

                DropOldestSegment();
            }
            else
            {
                SaveCursor(segment.Number);
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _writer?.Dispose();
            _writer = null;
        }
    }

    private void Open()
    {
        foreach (var path in Directory.EnumerateFiles(_directory, "*" + Extension))
        {
            if (long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                _segments.Add(new Segment(number, path) { Length = new FileInfo(path).Length });
            }
        }

        _segments.Sort((a, b) => a.Number.CompareTo(b.Number));
        var cursor = LoadCursor();
        for (var i = 0; i < _segments.Count; i++)
        {
            var segment = _segments[i];
            var start = i == 0 && cursor.Segment == segment.Number && cursor.Offset <= segment.Length ? cursor.Offset : 0;
            if (i == 0)
            {
                _readOffset = start;
            }

            _pendingBatches += ScanHeaders(segment, start);
            _totalBytes += segment.Length;
        }

        if (_segments.Count > 0)
        {
            LogReopened(_directory, _pendingBatches, _totalBytes);
        }
    }

    /// <summary>Counts the records of a segment from an offset; a torn tail (crash mid-write) is cut off with a log line.</summary>
    private int ScanHeaders(Segment segment, long from)
    {
        Span<byte> header = stackalloc byte[SpoolRecordHeader.Size];
        var count = 0;
        using var stream = new FileStream(segment.Path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        var offset = from;
        while (offset < segment.Length)
        {
            stream.Position = offset;
            var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            if (!SpoolRecordHeader.TryRead(header[..read], out var h) || offset + SpoolRecordHeader.Size + h.PayloadLength > segment.Length)
            {
                LogTornTail(segment.Path, offset, segment.Length - offset);
                stream.SetLength(offset);
                segment.Length = offset;
                break;
            }

            count++;
            offset += SpoolRecordHeader.Size + h.PayloadLength;
        }

        return count;
    }

    private ReadResult TryReadRecord(Segment segment, long offset, LineBuffer into, out SpoolRecordHeader header, out string reason)
    {
        into.Clear();
        using var stream = new FileStream(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Position = offset;
        Span<byte> head = stackalloc byte[SpoolRecordHeader.Size];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (!SpoolRecordHeader.TryRead(head[..read], out header))
        {
            reason = "bad record header";
            return ReadResult.BadHeader;
        }

        if (offset + SpoolRecordHeader.Size + header.PayloadLength > segment.Length)
        {
            reason = "record longer than the file";
            return ReadResult.BadHeader;
        }

        var payload = into.GetSpan(header.PayloadLength)[..header.PayloadLength];
        if (stream.ReadAtLeast(payload, payload.Length, throwOnEndOfStream: false) != payload.Length)
        {
            reason = "file shorter than its record";
            return ReadResult.BadHeader;
        }

        if (SpoolCrc32.Compute(payload) != header.Crc)
        {
            reason = "checksum mismatch";
            return ReadResult.BadPayload;
        }

        into.Commit(header.PayloadLength, header.Lines);
        reason = string.Empty;
        return ReadResult.Ok;
    }

    private Segment WriteSegment(int size)
    {
        if (_writer is not null && _segments[^1].Length + size <= SegmentBytes)
        {
            return _segments[^1];
        }

        _writer?.Dispose();
        var number = _segments.Count == 0 ? 1 : _segments[^1].Number + 1;
        var path = Path.Combine(_directory, number.ToString("D12", CultureInfo.InvariantCulture) + Extension);
        _writer = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete, 64 * 1024);
        var segment = new Segment(number, path);
        _segments.Add(segment);
        return segment;
    }

    private void DropOldestSegment()
    {
        var segment = _segments[0];
        _segments.RemoveAt(0);
        _totalBytes -= segment.Length;
        _readOffset = 0;
        try
        {
            File.Delete(segment.Path);
        }
        catch (IOException ex)
        {
            LogDeleteFailed(segment.Path, ex.Message);
        }

        if (_segments.Count == 0)
        {
            _pendingBatches = 0;
        }

        SaveCursor(_segments.Count > 0 ? _segments[0].Number : 0);
    }

    private void SaveCursor(long segment)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, segment);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[8..], segment == 0 ? 0 : _readOffset);
        using var stream = new FileStream(Path.Combine(_directory, CursorFile), FileMode.OpenOrCreate, FileAccess.Write, FileShare.None);
        stream.Write(bytes);
    }

    private SpoolPosition LoadCursor()
    {
        var path = Path.Combine(_directory, CursorFile);
        if (!File.Exists(path))
        {
            return default;
        }

        var bytes = File.ReadAllBytes(path);
        return bytes.Length < 16 ? default : new SpoolPosition(BinaryPrimitives.ReadInt64LittleEndian(bytes), BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "InfluxDB spool: torn record at offset {Offset} of {Path} (a crash during a write?): {Bytes} bytes skipped")]
    private partial void LogTornTail(string path, long offset, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "InfluxDB spool: damaged record at offset {Offset} of {Path} ({Reason}): skipped ({Lines} lines)")]
    private partial void LogDamaged(string path, long offset, string reason, int lines);

    [LoggerMessage(Level = LogLevel.Information, Message = "InfluxDB spool {Directory}: {Batches} batches ({Bytes} bytes) from before the restart will be replayed")]
    private partial void LogReopened(string directory, int batches, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "InfluxDB spool: could not delete {Path}: {Reason}")]
    private partial void LogDeleteFailed(string path, string reason);

    private enum ReadResult
    {
        Ok,
        BadPayload,
        BadHeader,
    }

    private sealed class Segment(long number, string path)
    {
        public long Number { get; } = number;

        public string Path { get; } = path;

        public long Length { get; set; }
    }
}
