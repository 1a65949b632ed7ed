namespace Telematics.Rules.Scenario;

/// <summary>A named point the scenario carries for maps (border gates, towns): not used by the rules.</summary>
public sealed record Landmark(string Name, string Kind, double Lat, double Lon);
