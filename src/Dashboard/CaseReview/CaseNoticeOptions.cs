namespace Telematics.Dashboard.CaseReview;

/// <summary>Section <c>Telematics:Dashboard:Notice</c>: who issues the printed violation notices, and where.</summary>
public sealed class CaseNoticeOptions
{
    public const string Section = "Telematics:Dashboard:Notice";

    /// <summary>The governing body, first line of the letterhead.</summary>
    public string ParentAgency { get; set; } = "UBND TỈNH LẠNG SƠN";

    /// <summary>The issuing department (transport departments merged into the departments of construction in 2025).</summary>
    public string Agency { get; set; } = "SỞ XÂY DỰNG";

    /// <summary>The place in the dateline ("Lạng Sơn, ngày ... tháng ... năm ...").</summary>
    public string Place { get; set; } = "Lạng Sơn";
}
