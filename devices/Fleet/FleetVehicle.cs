using System.Net;

namespace Telematics.Devices.Fleet;

/// <summary>A simulated vehicle with the protocol, server id and server address it reports with.</summary>
public sealed record FleetVehicle(string Protocol, string DeviceId, SimulatedVehicle Simulated, EndPoint Server);
