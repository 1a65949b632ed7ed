using Telematics.Rules.Engine;
using Telematics.Rules.Scenario;

namespace Telematics.Rules.GateQueues;

/// <summary>Follows vehicles into and out of gate approach zones and holding yards, emitting visits. Pure.</summary>
public static class GateQueueRule
{
    public static GatePresence? Step(GatePresence? presence, in PositionFacts facts, List<GateVisit> visits)
    {
        var p = facts.Position;
        var zone = facts.GateZone;
        if (presence is not null && zone?.Name == presence.Zone)
        {
            return presence;
        }

        if (presence is not null)
        {
            visits.Add(new GateVisit(p.DeviceId, presence.Zone, presence.Gate, presence.Kind, presence.EnteredAt, p.Time));
        }

        if (zone is null)
        {
            return null;
        }

        var kind = zone.Kind == ZoneKind.HoldingYard ? "holding-yard" : "approach-zone";
        visits.Add(new GateVisit(p.DeviceId, zone.Name, zone.Gate, kind, p.Time, null));
        return new GatePresence(zone.Name, zone.Gate, kind, p.Time);
    }
}
