using Telematics.Rules.Cases;
using Telematics.Rules.Engine;
using Telematics.Rules.Profiles;
using Telematics.Rules.Vehicles;

namespace Telematics.Rules.CorridorStops;

/// <summary>
/// A stop on a no-stopping stretch of a corridor longer than its limit (the stretch's own
/// maxStopMinutes, else the profile's 10 minutes): trucks parked on the highway cause the jams at
/// the gates. The stop lasts from the first stopped packet to the last one on the stretch; it
/// ends when the vehicle moves or leaves the stretch. One stop, one case. Pure.
/// </summary>
public static class CorridorStopRule
{
    public static StopEpisode? Step(StopEpisode? episode, in PositionFacts facts, VehicleInfo vehicle, JurisdictionProfile profile, List<RaisedCase> raised)
    {
        var p = facts.Position;
        var stopped = p.SpeedKmh <= profile.CorridorStop.StoppedBelowKmh;
        var stretch = facts.NoStopping;
        if (stopped && stretch is not null)
        {
            if (episode is not null && episode.Stretch == stretch.Name)
            {
                return episode with
                {
                    LastStopped = p.Time,
                    Evidence = EvidenceTrack.Of(episode.Evidence[0], EvidencePoint.From(p)),
                };
            }

            Flush(episode, vehicle, profile, raised);
            return new StopEpisode
            {
                Stretch = stretch.Name,
                Corridor = stretch.Corridor ?? facts.Corridor,
                Start = p.Time,
                LastStopped = p.Time,
                MaxStopSeconds = (stretch.MaxStop ?? profile.CorridorStop.MaxStop).TotalSeconds,
                Evidence = EvidenceTrack.Of(EvidencePoint.From(p)),
            };
        }

        return Flush(episode, vehicle, profile, raised);
    }

    public static StopEpisode? Flush(StopEpisode? episode, VehicleInfo vehicle, JurisdictionProfile profile, List<RaisedCase> raised)
    {
        if (episode is null)
        {
            return null;
        }

        var stoppedFor = (episode.LastStopped - episode.Start).TotalSeconds;
        if (stoppedFor > episode.MaxStopSeconds)
        {
            var measured = new Dictionary<string, double>
            {
                ["durationS"] = stoppedFor,
                ["limitS"] = episode.MaxStopSeconds,
            };
            var legal = $"{profile.CorridorStop.LegalReference}; no-stopping stretch \"{episode.Stretch}\"";
            raised.Add(RaisedCase.For(CaseKinds.CorridorStop, vehicle, episode.Start, episode.LastStopped, legal, measured, episode.Evidence.ToArray(), episode.Corridor));
        }

        return null;
    }
}
