namespace Telematics.Rules.Cases;

/// <summary>Bounded evidence tracks: episodes can last hours, a case carries at most <see cref="MaxPoints"/> points.</summary>
public static class Evidence
{
    public const int MaxPoints = 120;

    /// <summary>A new array with the point appended; beyond the bound the middle is thinned (start and latest kept).</summary>
    public static EvidencePoint[] Append(EvidencePoint[] track, EvidencePoint point)
    {
        if (track.Length < MaxPoints)
        {
            var grown = new EvidencePoint[track.Length + 1];
            track.CopyTo(grown, 0);
            grown[^1] = point;
            return grown;
        }

        // Drop every other point of the second half: the start of the episode stays exact,
        // the recent past stays dense.
        var half = MaxPoints / 2;
        var thinned = new List<EvidencePoint>(MaxPoints);
        thinned.AddRange(track.AsSpan(0, half));
        for (var i = half; i < track.Length; i += 2)
        {
            thinned.Add(track[i]);
        }

        thinned.Add(point);
        return thinned.ToArray();
    }
}
