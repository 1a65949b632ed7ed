namespace Telematics.Rules.Cases;

/// <summary>A fine range in VND as a decree sets it, with the licence points it costs.</summary>
public readonly record struct FineRange(long MinVnd, long MaxVnd, int LicencePoints = 0);
