using System.Globalization;
using System.Text;
using Telematics.Dashboard.Exports;
using Telematics.Ingest.Cases;

namespace Telematics.Dashboard.CaseReview;

/// <summary>
/// Cases as CSV for Excel: UTF-8 with a byte order mark (without it Excel shows Vietnamese as
/// mojibake), fields quoted by <see cref="CsvField"/>, CRLF line ends, headers in the page's language, times local,
/// fines as plain integers so that they add up in a spreadsheet.
/// </summary>
public static class CaseCsv
{
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    private static readonly string[] Columns =
    [
        "id", "kind", "status", "start", "end", "plate", "class", "operator", "device", "driver", "corridor",
        "measure", "measured", "legal", "fine-min", "fine-max", "points", "assignee",
    ];

    public static string Header(CaseText text) => string.Join(',', Columns.Select(c => CsvField.Quote(text["cases.csv." + c])));

    public static string Row(StoredCase stored, CaseText text)
    {
        var c = stored.Case;
        var local = (DateTime utc) => text.Local(utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        string?[] fields =
        [
            c.CaseId,
            text.Kind(c.Kind),
            text.Status(stored.Status),
            local(c.Start),
            local(c.End),
            c.Plate,
            c.VehicleClass is { } vehicleClass ? text["cases.class." + vehicleClass] : null,
            c.Operator,
            c.DeviceId,
            c.DriverId,
            c.Corridor,
            text.KeyMeasure(c),
            string.Join("; ", text.Measured(c).Select(m => $"{m.Label}: {m.Value}")),
            text.LegalReference(c.LegalReference),
            c.Fine?.MinVnd.ToString(CultureInfo.InvariantCulture),
            c.Fine?.MaxVnd.ToString(CultureInfo.InvariantCulture),
            c.Fine?.LicencePoints.ToString(CultureInfo.InvariantCulture),
            stored.Assignee,
        ];
        return string.Join(',', fields.Select(CsvField.Quote));
    }

    /// <summary>Writes the header and a row per case, flushing as it goes (an export of every case does not sit in memory).</summary>
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<StoredCase> cases, CaseText text, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Header(text)).ConfigureAwait(false);
        await foreach (var c in cases.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await writer.WriteLineAsync(Row(c, text)).ConfigureAwait(false);
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
