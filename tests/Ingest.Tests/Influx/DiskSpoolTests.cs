using System.Text;
using Microsoft.Extensions.Logging;
using Telematics.Ingest.Influx.LineProtocol;
using Telematics.Ingest.Influx.Spool;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Influx;

public sealed class DiskSpoolTests
{
    private readonly string _directory = InfluxTestOptions.TempDirectory();
    private readonly CapturingLogger<DiskSpool> _log = new();

    private static byte[] Batch(int n) => Encoding.UTF8.GetBytes($"m,batch={n} f={n}i {n}\n");

    private static string Peek(DiskSpool spool, out SpoolPosition position)
    {
        using var buffer = new LineBuffer();
        Assert.True(spool.TryPeek(buffer, out position));
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void Batches_come_back_in_order_and_acknowledged_files_are_deleted()
    {
        using var spool = new DiskSpool(_directory, 1 << 20, _log);
        for (var i = 1; i <= 3; i++)
        {
            Assert.True(spool.TryAppend(Batch(i), 1));
        }

        Assert.Equal(3, spool.PendingBatches);
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(Encoding.UTF8.GetString(Batch(i)), Peek(spool, out var position));
            spool.Acknowledge(position);
        }

        using var empty = new LineBuffer();
        Assert.False(spool.TryPeek(empty, out _));
        Assert.Equal(0, spool.PendingBatches);
        Assert.Equal(0, spool.TotalBytes);
        Assert.Empty(Directory.EnumerateFiles(_directory, "*.spool"));
    }

    [Fact]
    public void The_spool_survives_a_restart_and_resumes_after_the_last_acknowledged_batch()
    {
        using (var spool = new DiskSpool(_directory, 1 << 20, _log))
        {
            for (var i = 1; i <= 4; i++)
            {
                spool.TryAppend(Batch(i), 1);
            }

            Peek(spool, out var position);
            spool.Acknowledge(position);
        }

        using var reopened = new DiskSpool(_directory, 1 << 20, _log);
        Assert.Equal(3, reopened.PendingBatches);
        Assert.Equal(Encoding.UTF8.GetString(Batch(2)), Peek(reopened, out _));
        reopened.TryAppend(Batch(5), 1);
        Assert.Equal(2, Directory.EnumerateFiles(_directory, "*.spool").Count());
    }

    [Fact]
    public void A_torn_record_at_the_end_of_a_file_is_cut_off_with_a_log_line()
    {
        using (var spool = new DiskSpool(_directory, 1 << 20, _log))
        {
            for (var i = 1; i <= 3; i++)
            {
                spool.TryAppend(Batch(i), 1);
            }
        }

        var file = Directory.EnumerateFiles(_directory, "*.spool").Single();
        using (var stream = new FileStream(file, FileMode.Open))
        {
            stream.SetLength(stream.Length - 5); // a crash in the middle of the third write
        }

        using var reopened = new DiskSpool(_directory, 1 << 20, _log);
        Assert.Equal(2, reopened.PendingBatches);
        Assert.Equal(1, _log.Count(LogLevel.Warning, "torn record"));
        Assert.Equal(Encoding.UTF8.GetString(Batch(1)), Peek(reopened, out var first));
        reopened.Acknowledge(first);
        Assert.Equal(Encoding.UTF8.GetString(Batch(2)), Peek(reopened, out var second));
        reopened.Acknowledge(second);
        using var empty = new LineBuffer();
        Assert.False(reopened.TryPeek(empty, out _));
    }

    [Fact]
    public void A_record_whose_checksum_does_not_match_is_skipped_with_a_log_line()
    {
        using (var spool = new DiskSpool(_directory, 1 << 20, _log))
        {
            for (var i = 1; i <= 3; i++)
            {
                spool.TryAppend(Batch(i), 1);
            }
        }

        var file = Directory.EnumerateFiles(_directory, "*.spool").Single();
        var bytes = File.ReadAllBytes(file);
        var second = SpoolRecordHeader.Size + Batch(1).Length;
        bytes[second + SpoolRecordHeader.Size + 3] ^= 0x20; // flip a bit inside the second payload
        File.WriteAllBytes(file, bytes);

        using var reopened = new DiskSpool(_directory, 1 << 20, _log);
        Assert.Equal(Encoding.UTF8.GetString(Batch(1)), Peek(reopened, out var position));
        reopened.Acknowledge(position);
        Assert.Equal(Encoding.UTF8.GetString(Batch(3)), Peek(reopened, out _));
        Assert.Equal(1, _log.Count(LogLevel.Warning, "checksum mismatch"));
    }

    [Fact]
    public void An_append_beyond_the_quota_is_refused_and_nothing_is_written()
    {
        var size = SpoolRecordHeader.Size + Batch(1).Length;
        using var spool = new DiskSpool(_directory, (2 * size) + 1, _log);
        Assert.True(spool.TryAppend(Batch(1), 1));
        Assert.True(spool.TryAppend(Batch(2), 1));
        Assert.False(spool.TryAppend(Batch(3), 1));
        Assert.Equal(2 * size, spool.TotalBytes);
        Assert.Equal(2, spool.PendingBatches);
    }

    [Fact]
    public void The_crc_is_the_standard_crc32() =>
        Assert.Equal(0xCBF43926u, SpoolCrc32.Compute("123456789"u8));
}
