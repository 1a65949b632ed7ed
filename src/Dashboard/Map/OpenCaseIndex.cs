using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Telematics.Ingest.Cases;
using Telematics.Rules.Cases;

namespace Telematics.Dashboard.Map;

/// <summary>
/// The devices that have an open or in-review case whose episode started within the violation
/// window: the vehicles the map draws red. Re-read from the case store periodically (cases are few
/// next to positions, so one query beats a per-position check). Thread-safe: readers see one
/// immutable set.
/// </summary>
public sealed partial class OpenCaseIndex(IServiceProvider services, IOptions<MapOptions> options, TimeProvider time, ILogger<OpenCaseIndex> logger)
{
    // Bounds one refresh: 20 pages of 500 per status.
    private const int MaxPages = 20;
    private static readonly string[] Unresolved = [CaseStatus.Open, CaseStatus.InReview];
    private volatile FrozenSet<string> _devices = FrozenSet<string>.Empty;
    private bool _failing;

    public bool Contains(string deviceId) => _devices.Contains(deviceId);

    public int Count => _devices.Count;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<SqliteCaseStore>() is not { } store)
        {
            return;
        }

        var from = time.GetUtcNow().UtcDateTime - options.Value.ViolationWindow;
        var devices = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var status in Unresolved)
            {
                for (var page = 1; page <= MaxPages; page++)
                {
                    var result = await store.QueryAsync(new CaseQuery { Status = status, FromUtc = from, Page = page, PageSize = CaseQuery.MaxPageSize }, cancellationToken).ConfigureAwait(false);
                    foreach (var c in result.Items)
                    {
                        devices.Add(c.Case.DeviceId);
                    }

                    if (page >= result.Pages)
                    {
                        break;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            if (!_failing)
            {
                LogUnreadable(ex.Message);
            }

            _failing = true;
            return;
        }

        _failing = false;
        _devices = devices.ToFrozenSet(StringComparer.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live map: open cases unreadable, vehicles keep their last violation state: {Reason}")]
    private partial void LogUnreadable(string reason);
}
