namespace Telematics.Rules.Cases;

/// <summary>A case's life: open → in-review → confirmed | dismissed → closed.</summary>
public static class CaseStatus
{
    public const string Open = "open";
    public const string InReview = "in-review";
    public const string Confirmed = "confirmed";
    public const string Dismissed = "dismissed";
    public const string Closed = "closed";
}
