using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Telematics.Rules.Cases;

/// <summary>
/// An episode's evidence points as an immutable value that appends in O(1): every version is a
/// prefix view (<see cref="Count"/>) of one shared append-only buffer, so stepping a rule does
/// not copy the track; a version that is appended to after a newer one was made (a branch, as
/// in tests that replay a saved state) copies its prefix first. At most <see cref="MaxPoints"/>
/// points are kept: beyond that, the middle of the track is thinned, start and recent past kept.
/// Not thread-safe across branches of one vehicle (a vehicle is stepped by one task).
/// </summary>
[JsonConverter(typeof(EvidenceTrackJsonConverter))]
public sealed class EvidenceTrack : IReadOnlyList<EvidencePoint>
{
    public const int MaxPoints = 240;

    private readonly List<EvidencePoint> _buffer;

    private EvidenceTrack(List<EvidencePoint> buffer, int count)
    {
        _buffer = buffer;
        Count = count;
    }

    public static EvidenceTrack Empty { get; } = new([], 0);

    public int Count { get; }

    public EvidencePoint this[int index] => (uint)index < (uint)Count ? _buffer[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public static EvidenceTrack Of(params ReadOnlySpan<EvidencePoint> points)
    {
        var buffer = new List<EvidencePoint>(Math.Max(16, points.Length));
        buffer.AddRange(points);
        return new EvidenceTrack(buffer, buffer.Count);
    }

    public EvidenceTrack Append(EvidencePoint point)
    {
        if (Count >= MaxPoints)
        {
            return Thinned().Append(point);
        }

        if (_buffer.Count == Count)
        {
            _buffer.Add(point);
            return new EvidenceTrack(_buffer, Count + 1);
        }

        var copy = new List<EvidencePoint>(Math.Max(16, Count * 2));
        copy.AddRange(_buffer.Take(Count));
        copy.Add(point);
        return new EvidenceTrack(copy, copy.Count);
    }

    public EvidencePoint[] ToArray() => _buffer.Take(Count).ToArray();

    public IEnumerator<EvidencePoint> GetEnumerator() => _buffer.Take(Count).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private EvidenceTrack Thinned()
    {
        var half = MaxPoints / 2;
        var thinned = new List<EvidencePoint>(MaxPoints);
        thinned.AddRange(_buffer.Take(half));
        for (var i = half; i < Count; i += 2)
        {
            thinned.Add(_buffer[i]);
        }

        return new EvidenceTrack(thinned, thinned.Count);
    }

    private sealed class EvidenceTrackJsonConverter : JsonConverter<EvidenceTrack>
    {
        public override EvidenceTrack Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Of(JsonSerializer.Deserialize<EvidencePoint[]>(ref reader, options) ?? []);

        public override void Write(Utf8JsonWriter writer, EvidenceTrack value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.ToArray(), options);
    }
}
