using Telematics.Rules.Cases;
using Telematics.Rules.Engine;
using Telematics.Rules.Geometry;
using Telematics.Rules.Positions;
using Telematics.Rules.Profiles;
using Telematics.Rules.Vehicles;

namespace Telematics.Rules.Speeding;

/// <summary>
/// Speeding as an episode (DESIGN.md; regulation.md §2, after providers' practice): it starts at
/// a packet faster than limit + tolerance, goes on while such packets are at most MaxGap apart,
/// and is a case when its time over the limit — summed between consecutive over-limit packets —
/// exceeds MinDuration. One episode, one case, raised when it ends. Pure.
/// </summary>
public static class SpeedingRule
{
    private const DeviceAlarms Corroborating = DeviceAlarms.Overspeed | DeviceAlarms.OverspeedWarning;

    public static SpeedingEpisode? Step(SpeedingEpisode? episode, LastFix? last, in PositionFacts facts, VehicleInfo vehicle, JurisdictionProfile profile, List<RaisedCase> raised)
    {
        var parameters = profile.Speeding;
        var p = facts.Position;
        var over = p.SpeedKmh > facts.LimitKmh + parameters.ToleranceKmh;

        if (episode is not null && p.Time - episode.LastOver > parameters.MaxGap)
        {
            // Too long without news: what happened in between is unknown, so the episode ends at its last packet.
            Close(episode, vehicle, profile, raised, after: null);
            episode = null;
        }

        if (!over)
        {
            if (episode is not null)
            {
                Close(episode, vehicle, profile, raised, after: EvidencePoint.From(p, facts.LimitKmh));
            }

            return null;
        }

        var point = EvidencePoint.From(p, facts.LimitKmh);
        if (episode is null)
        {
            var evidence = last is { } l && p.Time - l.Time <= parameters.MaxGap
                ? EvidenceTrack.Of(new EvidencePoint(l.Time, l.Lat, l.Lon, l.SpeedKmh, l.LimitKmh, DeviceAlarms.None), point)
                : EvidenceTrack.Of(point);
            return new SpeedingEpisode
            {
                Start = p.Time,
                LastOver = p.Time,
                MaxSpeedKmh = p.SpeedKmh,
                LimitAtMaxKmh = facts.LimitKmh,
                SpeedSum = p.SpeedKmh,
                Packets = 1,
                Corridor = facts.Corridor,
                LimitSource = facts.LimitSource,
                Alarms = p.Alarms & Corroborating,
                Evidence = evidence,
            };
        }

        var lastOver = episode.Evidence[^1];
        var faster = p.SpeedKmh > episode.MaxSpeedKmh;
        return episode with
        {
            LastOver = p.Time,
            OverSeconds = episode.OverSeconds + (p.Time - episode.LastOver).TotalSeconds,
            DistanceM = episode.DistanceM + GeoDistance.HaversineMeters(lastOver.Lat, lastOver.Lon, p.Lat, p.Lon),
            MaxSpeedKmh = faster ? p.SpeedKmh : episode.MaxSpeedKmh,
            LimitAtMaxKmh = faster ? facts.LimitKmh : episode.LimitAtMaxKmh,
            SpeedSum = episode.SpeedSum + p.SpeedKmh,
            Packets = episode.Packets + 1,
            Corridor = episode.Corridor ?? facts.Corridor,
            Alarms = episode.Alarms | (p.Alarms & Corroborating),
            Evidence = episode.Evidence.Append(point),
        };
    }

    /// <summary>Ends an open episode at the end of the data (replay): it is judged on what was seen.</summary>
    public static SpeedingEpisode? Flush(SpeedingEpisode? episode, VehicleInfo vehicle, JurisdictionProfile profile, List<RaisedCase> raised)
    {
        if (episode is not null)
        {
            Close(episode, vehicle, profile, raised, after: null);
        }

        return null;
    }

    private static void Close(SpeedingEpisode episode, VehicleInfo vehicle, JurisdictionProfile profile, List<RaisedCase> raised, EvidencePoint? after)
    {
        var parameters = profile.Speeding;
        if (episode.OverSeconds <= parameters.MinDuration.TotalSeconds)
        {
            return;
        }

        var overKmh = episode.MaxSpeedKmh - episode.LimitAtMaxKmh;
        var band = parameters.Bands.LastOrDefault(b => overKmh >= b.FromKmh);
        var measured = new Dictionary<string, double>
        {
            ["maxSpeedKmh"] = episode.MaxSpeedKmh,
            ["meanSpeedKmh"] = Math.Round(episode.SpeedSum / episode.Packets, 1),
            ["limitKmh"] = episode.LimitAtMaxKmh,
            ["overKmh"] = overKmh,
            ["durationS"] = episode.OverSeconds,
            ["distanceM"] = Math.Round(episode.DistanceM),
        };
        var legal = band is null ? "Circular 38/2024/TT-BGTVT (speed limit)" : $"{band.LegalReference}; Circular 38/2024/TT-BGTVT";
        var evidence = (after is { } a ? episode.Evidence.Append(a) : episode.Evidence).ToArray();
        raised.Add(RaisedCase.For(CaseKinds.Speeding, vehicle, episode.Start, episode.LastOver, legal, measured, evidence, episode.Corridor) with
        {
            Band = band?.Label,
            Fine = band?.Fine,
            DeviceAlarms = episode.Alarms,
        });
    }
}
