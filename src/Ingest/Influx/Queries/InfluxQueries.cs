using Telematics.Ingest.Influx.Http;

namespace Telematics.Ingest.Influx.Queries;

/// <summary>
/// The queries the dashboard and case evidence need, in InfluxQL over <c>/query</c>: a vehicle's
/// (or device's) track over a time range, optionally downsampled, and the last position of every
/// device. Answers are read with <see cref="QueryResultReader"/> straight into the result list.
/// </summary>
public sealed class InfluxQueries(InfluxHttpClient client, InfluxOptions options)
{
    private string From => string.IsNullOrEmpty(options.RetentionPolicy)
        ? "\"position\""
        : $"{InfluxQl.Identifier(options.RetentionPolicy)}.\"position\"";

    public async Task<IReadOnlyList<TrackPoint>> TrackAsync(TrackQuery query, CancellationToken cancellationToken)
    {
        var q = BuildTrackQuery(query);
        using var body = await client.QueryAsync(q, withDatabase: true, cancellationToken).ConfigureAwait(false);
        var visitor = new TrackVisitor();
        QueryResultReader.Read(body.Span, visitor);
        return visitor.Points;
    }

    public async Task<IReadOnlyList<LastPosition>> LastPositionsAsync(CancellationToken cancellationToken)
    {
        var q = $"SELECT last(\"lat\") AS \"lat\", \"lon\", \"speed\", \"heading\", \"vehicle\" FROM {From} GROUP BY \"device\"";
        using var body = await client.QueryAsync(q, withDatabase: true, cancellationToken).ConfigureAwait(false);
        var visitor = new LastPositionVisitor();
        QueryResultReader.Read(body.Span, visitor);
        return visitor.Positions;
    }

    internal string BuildTrackQuery(TrackQuery query)
    {
        string filter;
        if (!string.IsNullOrEmpty(query.Vehicle))
        {
            filter = $"\"vehicle\" = {InfluxQl.Literal(query.Vehicle)}";
        }
        else if (!string.IsNullOrEmpty(query.Device))
        {
            filter = $"\"device\" = {InfluxQl.Literal(query.Device)}";
        }
        else
        {
            throw new ArgumentException("A track query needs a vehicle or a device", nameof(query));
        }

        var range = $"time >= {InfluxQl.Time(query.From)} AND time < {InfluxQl.Time(query.To)}";
        return query.Downsample is { } interval
            ? $"SELECT last(\"lat\") AS \"lat\", last(\"lon\") AS \"lon\", max(\"speed\") AS \"speed\", last(\"heading\") AS \"heading\" FROM {From} WHERE {filter} AND {range} GROUP BY time({InfluxQl.Duration(interval)}) fill(none)"
            : $"SELECT \"lat\", \"lon\", \"speed\", \"heading\" FROM {From} WHERE {filter} AND {range}";
    }

    private static int Index(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static double At(ReadOnlySpan<double> values, int index) => index < 0 ? double.NaN : values[index];

    private static DateTime Time(double ms) => DateTime.UnixEpoch.AddMilliseconds(ms);

    private sealed class TrackVisitor : SeriesVisitor
    {
        private int _time, _lat, _lon, _speed, _heading;

        public List<TrackPoint> Points { get; } = [];

        public override void BeginSeries(string name, IReadOnlyDictionary<string, string> tags, IReadOnlyList<string> columns)
        {
            _time = Index(columns, "time");
            _lat = Index(columns, "lat");
            _lon = Index(columns, "lon");
            _speed = Index(columns, "speed");
            _heading = Index(columns, "heading");
        }

        public override void Row(ReadOnlySpan<double> numbers, ReadOnlySpan<string?> strings)
        {
            var heading = At(numbers, _heading);
            Points.Add(new TrackPoint(Time(At(numbers, _time)), At(numbers, _lat), At(numbers, _lon), At(numbers, _speed), double.IsNaN(heading) ? 0 : (int)heading));
        }
    }

    private sealed class LastPositionVisitor : SeriesVisitor
    {
        private int _time, _lat, _lon, _speed, _heading, _vehicle;
        private string _device = string.Empty;

        public List<LastPosition> Positions { get; } = [];

        public override void BeginSeries(string name, IReadOnlyDictionary<string, string> tags, IReadOnlyList<string> columns)
        {
            _device = tags.GetValueOrDefault("device") ?? string.Empty;
            _time = Index(columns, "time");
            _lat = Index(columns, "lat");
            _lon = Index(columns, "lon");
            _speed = Index(columns, "speed");
            _heading = Index(columns, "heading");
            _vehicle = Index(columns, "vehicle");
        }

        public override void Row(ReadOnlySpan<double> numbers, ReadOnlySpan<string?> strings)
        {
            var heading = At(numbers, _heading);
            var vehicle = _vehicle < 0 ? null : strings[_vehicle];
            Positions.Add(new LastPosition(_device, string.IsNullOrEmpty(vehicle) ? null : vehicle, Time(At(numbers, _time)), At(numbers, _lat), At(numbers, _lon), At(numbers, _speed), double.IsNaN(heading) ? 0 : (int)heading));
        }
    }
}
