namespace Telematics.Rules.Profiles;

/// <summary>When a vehicle with an assigned route is off it (DESIGN.md "Route deviation").</summary>
public sealed record RouteDeviationParameters
{
    /// <summary>Half-width of a route's corridor when the route does not set one.</summary>
    public double DefaultWidthM { get; init; } = 150;

    /// <summary>Off-route for at least this long ...</summary>
    public TimeSpan MinDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>... and at least this far travelled off the route makes a case.</summary>
    public double MinDistanceM { get; init; } = 300;

    /// <summary>The episode ends after this long back inside.</summary>
    public TimeSpan BackInside { get; init; } = TimeSpan.FromSeconds(30);

    public string LegalReference { get; init; } = "Assigned route (badge conditions, Decree 158/2024)";
}
