using System.Text.Json;

namespace Telematics.Ingest.Tests.Support;

/// <summary>
/// The captured device frames of shared/vectors (copied into Protocols/Vectors): one per line,
/// with the records they must decode to or "checksum-error".
/// </summary>
public sealed record ProtocolVector(int Line, string Protocol, string Hex, string Expect, IReadOnlyList<ExpectedRecord> Records)
{
    public byte[] Bytes => Convert.FromHexString(Hex);

    public bool IsChecksumError => Expect == "checksum-error";

    public override string ToString() => $"{Protocol} line {Line}";
}

public sealed record ExpectedRecord(
    DateTime Time, bool Valid, double Lat, double Lon, double? SpeedKmh, int? Heading, int? AltitudeM, int? Satellites);

public static class ProtocolVectors
{
    /// <summary>All vectors of one protocol ("teltonika", "gt06", "jt808").</summary>
    public static IReadOnlyList<ProtocolVector> Load(string protocol)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Protocols", "Vectors", protocol + ".jsonl");
        var vectors = new List<ProtocolVector>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var records = new List<ExpectedRecord>();
            if (root.TryGetProperty("records", out var recs))
            {
                foreach (var r in recs.EnumerateArray())
                {
                    records.Add(new ExpectedRecord(
                        r.GetProperty("time").GetDateTime().ToUniversalTime(),
                        r.GetProperty("valid").GetBoolean(),
                        r.GetProperty("lat").GetDouble(),
                        r.GetProperty("lon").GetDouble(),
                        r.TryGetProperty("speedKmh", out var s) ? s.GetDouble() : null,
                        r.TryGetProperty("heading", out var h) ? h.GetInt32() : null,
                        r.TryGetProperty("altitudeM", out var a) ? a.GetInt32() : null,
                        r.TryGetProperty("satellites", out var n) ? n.GetInt32() : null));
                }
            }

            vectors.Add(new ProtocolVector(
                lineNo,
                root.GetProperty("protocol").GetString()!,
                root.GetProperty("hex").GetString()!,
                root.GetProperty("expect").GetString()!,
                records));
        }

        return vectors;
    }

    /// <summary>xunit MemberData rows: the vector's line number (a stable, readable case name).</summary>
    public static TheoryData<int> Lines(string protocol)
    {
        var data = new TheoryData<int>();
        foreach (var v in Load(protocol))
        {
            data.Add(v.Line);
        }

        return data;
    }

    public static ProtocolVector At(string protocol, int line) => Load(protocol).Single(v => v.Line == line);
}
