namespace Telematics.Dashboard.CaseReview;

/// <summary>The review's log lines: every action that changes a case, and every refusal.</summary>
internal static partial class CaseReviewLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{User} {Action} case {CaseId} (now {Status})")]
    public static partial void Acted(ILogger logger, string user, string action, string caseId, string? status);

    [LoggerMessage(Level = LogLevel.Information, Message = "{User} tried to {Action} case {CaseId}: refused ({Outcome}, status {Status})")]
    public static partial void Refused(ILogger logger, string user, string action, string caseId, string outcome, string? status);
}
