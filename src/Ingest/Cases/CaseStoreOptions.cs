namespace Telematics.Ingest.Cases;

/// <summary>Section <c>Telematics:Cases</c>.</summary>
public sealed class CaseStoreOptions
{
    public const string Section = "Telematics:Cases";

    /// <summary>The SQLite file holding cases, their history and the rules' saved state (relative to the working directory).</summary>
    public string Database { get; set; } = "cases.db";
}
