using System.Globalization;
using Microsoft.Data.Sqlite;
using Telematics.Rules.Cases;

namespace Telematics.Ingest.Cases;

/// <summary>
/// The officers' review actions. Each checks the status machine inside its UPDATE
/// (<c>WHERE status IN (...)</c>), so two officers acting at once cannot both move a case, and
/// appends its history entry in the same transaction.
/// </summary>
public sealed partial class SqliteCaseStore
{
    public const string AssignedAction = "assigned";
    public const string CommentAction = "comment";

    /// <summary>
    /// Moves a case to <paramref name="status"/> when <see cref="CaseTransitions"/> allows it from its
    /// current status, recording who did it and why (a dismissal needs a reason).
    /// </summary>
    public async Task<CaseChange> SetStatusAsync(string id, string status, string actor, string? note, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        note = Clean(note);
        if (CaseTransitions.NeedsNote(status) && note is null)
        {
            return await RefusedAsync(id, CaseChangeOutcome.NoteRequired, cancellationToken).ConfigureAwait(false);
        }

        return await ChangeAsync(
            id,
            "status = $status",
            CaseTransitions.From(status),
            [("$status", status)],
            new CaseHistoryEntry(nowUtc, actor, status, note),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Assigns a case to an officer while it is open or in review; an open case moves to in-review.
    /// History: "assigned", with the assignee as the note.
    /// </summary>
    public Task<CaseChange> AssignAsync(string id, string assignee, string actor, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assignee);
        return ChangeAsync(
            id,
            "assignee = $assignee, status = CASE WHEN status = 'open' THEN 'in-review' ELSE status END",
            CaseTransitions.Assignable,
            [("$assignee", assignee)],
            new CaseHistoryEntry(nowUtc, actor, AssignedAction, assignee),
            cancellationToken);
    }

    /// <summary>Adds a comment to a case's history, in any status; the status does not change.</summary>
    public async Task<CaseChange> CommentAsync(string id, string actor, string? note, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        note = Clean(note);
        if (note is null)
        {
            return await RefusedAsync(id, CaseChangeOutcome.NoteRequired, cancellationToken).ConfigureAwait(false);
        }

        return await ChangeAsync(id, null, CaseTransitions.Statuses, [], new CaseHistoryEntry(nowUtc, actor, CommentAction, note), cancellationToken).ConfigureAwait(false);
    }

    private async Task<CaseChange> ChangeAsync(
        string id,
        string? set,
        IReadOnlyList<string> allowedFrom,
        IReadOnlyList<(string Name, object Value)> values,
        CaseHistoryEntry entry,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var update = connection.CreateCommand();
        update.Transaction = transaction;
        var allowed = new List<string>(allowedFrom.Count);
        for (var i = 0; i < allowedFrom.Count; i++)
        {
            var name = "$from" + i.ToString(CultureInfo.InvariantCulture);
            allowed.Add(name);
            update.Parameters.AddWithValue(name, allowedFrom[i]);
        }

        // A comment changes no column: "SET status = status" still takes the row's lock and checks it exists.
        update.CommandText = $"UPDATE cases SET {set ?? "status = status"} WHERE id = $id AND status IN ({string.Join(", ", allowed)}) RETURNING status";
        update.Parameters.AddWithValue("$id", id);
        foreach (var (name, value) in values)
        {
            update.Parameters.AddWithValue(name, value);
        }

        var status = allowed.Count == 0 ? null : await update.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        if (status is null)
        {
            var current = await StatusOfAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false);
            return new CaseChange(current is null ? CaseChangeOutcome.NotFound : CaseChangeOutcome.NotAllowed, current);
        }

        await AppendHistoryAsync(connection, transaction, id, entry, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new CaseChange(CaseChangeOutcome.Applied, status);
    }

    private async Task<CaseChange> RefusedAsync(string id, CaseChangeOutcome outcome, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var current = await StatusOfAsync(connection, null, id, cancellationToken).ConfigureAwait(false);
        return new CaseChange(current is null ? CaseChangeOutcome.NotFound : outcome, current);
    }

    private static async Task<string?> StatusOfAsync(SqliteConnection connection, SqliteTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = "SELECT status FROM cases WHERE id = $id";
        select.Parameters.AddWithValue("$id", id);
        return await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    private static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
