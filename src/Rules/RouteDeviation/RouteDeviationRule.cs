using Telematics.Rules.Cases;
using Telematics.Rules.Engine;
using Telematics.Rules.Geometry;
using Telematics.Rules.Positions;
using Telematics.Rules.Profiles;
using Telematics.Rules.Vehicles;

namespace Telematics.Rules.RouteDeviation;

/// <summary>
/// Route deviation (DESIGN.md): a vehicle assigned a route is off it when farther than the
/// route's width; the episode is a case when it lasted at least MinDuration and the vehicle
/// travelled at least MinDistance off the route; it ends after BackInside back within the width
/// (a brief return does not split one detour in two). Pure.
/// </summary>
public static class RouteDeviationRule
{
    private const DeviceAlarms Corroborating = DeviceAlarms.RouteDeviation | DeviceAlarms.RouteEntryExit | DeviceAlarms.AreaEntryExit;

    public static RouteEpisode? Step(RouteEpisode? episode, in PositionFacts facts, VehicleInfo vehicle, JurisdictionProfile profile, List<RaisedCase> raised)
    {
        var parameters = profile.RouteDeviation;
        var p = facts.Position;
        if (facts.Route is not { } route)
        {
            // No route in force (any more): an open episode is judged on what was seen.
            return Flush(episode, vehicle, profile, raised);
        }

        var width = route.WidthM > 0 ? route.WidthM : parameters.DefaultWidthM;
        var outside = facts.RouteDistanceM > width;
        var point = EvidencePoint.From(p);
        if (outside)
        {
            if (episode is null || episode.Route != route.Name)
            {
                episode = Flush(episode, vehicle, profile, raised);
                return new RouteEpisode
                {
                    Route = route.Name,
                    Start = p.Time,
                    LastOutside = p.Time,
                    MaxDistanceFromRouteM = facts.RouteDistanceM,
                    WidthM = width,
                    Corridor = facts.Corridor,
                    Alarms = p.Alarms & Corroborating,
                    Evidence = EvidenceTrack.Of(point),
                };
            }

            var previous = episode.Evidence[^1];
            return episode with
            {
                LastOutside = p.Time,
                BackInsideSince = null,
                DistanceM = episode.DistanceM + GeoDistance.HaversineMeters(previous.Lat, previous.Lon, p.Lat, p.Lon),
                MaxDistanceFromRouteM = Math.Max(episode.MaxDistanceFromRouteM, facts.RouteDistanceM),
                Alarms = episode.Alarms | (p.Alarms & Corroborating),
                Evidence = episode.Evidence.Append(point),
            };
        }

        if (episode is null)
        {
            return null;
        }

        var since = episode.BackInsideSince ?? p.Time;
        if (p.Time - since >= parameters.BackInside)
        {
            Close(episode, vehicle, profile, raised, point);
            return null;
        }

        // Back inside, not for long enough yet: the way back is part of the evidence, but the
        // distance counts only what was travelled off the route (as the way out is not counted).
        return episode with
        {
            BackInsideSince = since,
            Evidence = episode.BackInsideSince is null ? episode.Evidence.Append(point) : episode.Evidence,
        };
    }

    public static RouteEpisode? Flush(RouteEpisode? episode, VehicleInfo vehicle, JurisdictionProfile profile, List<RaisedCase> raised)
    {
        if (episode is not null)
        {
            Close(episode, vehicle, profile, raised, after: null);
        }

        return null;
    }

    private static void Close(RouteEpisode episode, VehicleInfo vehicle, JurisdictionProfile profile, List<RaisedCase> raised, EvidencePoint? after)
    {
        var parameters = profile.RouteDeviation;
        var offFor = episode.LastOutside - episode.Start;
        if (offFor < parameters.MinDuration || episode.DistanceM < parameters.MinDistanceM)
        {
            return;
        }

        var measured = new Dictionary<string, double>
        {
            ["maxDistanceM"] = Math.Round(episode.MaxDistanceFromRouteM),
            ["durationS"] = offFor.TotalSeconds,
            ["distanceM"] = Math.Round(episode.DistanceM),
            ["widthM"] = episode.WidthM,
        };
        var evidence = (after is { } a ? episode.Evidence.Append(a) : episode.Evidence).ToArray();
        raised.Add(RaisedCase.For(CaseKinds.RouteDeviation, vehicle, episode.Start, episode.LastOutside, $"{parameters.LegalReference}; route \"{episode.Route}\"", measured, evidence, episode.Corridor) with
        {
            DeviceAlarms = episode.Alarms,
        });
    }
}
