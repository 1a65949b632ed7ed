using System.Diagnostics;
using Telematics.Ingest.Pipeline;
using Telematics.Rules.Positions;

namespace Telematics.Benchmarks.Map;

/// <summary>
/// N vehicles around Lạng Sơn reporting once a second each, through the pipeline's public API
/// (so that live state, rules and the map feed do their real work). Three in four move (20–80 km/h,
/// slowly turning), the rest stand. Reports are spread over the second in ten slices, as devices'
/// clocks are.
/// </summary>
public sealed class FleetFeeder(IngestPipeline pipeline, int vehicles)
{
    private const int Slices = 10;
    private readonly double[] _lat = new double[vehicles];
    private readonly double[] _lon = new double[vehicles];
    private readonly double[] _speed = new double[vehicles];
    private readonly double[] _heading = new double[vehicles];
    private readonly string[] _ids = Enumerable.Range(0, vehicles).Select(DeviceId).ToArray();
    private long _sent;

    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Rounds that could not send all their reports within their second.</summary>
    public int LateRounds { get; private set; }

    public static string DeviceId(int i) => (356307050000000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Place(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < _lat.Length; i++)
        {
            // Lạng Sơn city to the Hữu Nghị and Tân Thanh gates.
            _lat[i] = 21.78 + (random.NextDouble() * 0.25);
            _lon[i] = 106.60 + (random.NextDouble() * 0.22);
            _speed[i] = i % 4 == 3 ? 0 : 20 + (random.NextDouble() * 60);
            _heading[i] = random.NextDouble() * 360;
        }
    }

    /// <summary>One report of every vehicle, now (the first round, before the page opens).</summary>
    public async Task RoundAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < _ids.Length; i++)
        {
            await pipeline.EnqueueAsync(Next(i, DateTime.UtcNow), cancellationToken).ConfigureAwait(false);
        }

        Interlocked.Add(ref _sent, _ids.Length);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var slice = 0L;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var from = (int)(slice % Slices * _ids.Length / Slices);
                var to = (int)(((slice % Slices) + 1) * _ids.Length / Slices);
                var now = DateTime.UtcNow;
                for (var i = from; i < to; i++)
                {
                    await pipeline.EnqueueAsync(Next(i, now), cancellationToken).ConfigureAwait(false);
                }

                Interlocked.Add(ref _sent, to - from);
                slice++;
                var due = TimeSpan.FromMilliseconds(slice * 1000.0 / Slices);
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                }
                else if (slice % Slices == 0 && wait < TimeSpan.FromMilliseconds(-1000.0 / Slices))
                {
                    LateRounds++;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Done.
        }
    }

    private PositionRecord Next(int i, DateTime now)
    {
        if (_speed[i] > 0)
        {
            _heading[i] = (_heading[i] + ((i % 7) - 3) * 0.8 + 360) % 360;
            var metres = _speed[i] / 3.6;
            var rad = _heading[i] * Math.PI / 180;
            _lat[i] += Math.Cos(rad) * metres / 111_320;
            _lon[i] += Math.Sin(rad) * metres / (111_320 * Math.Cos(_lat[i] * Math.PI / 180));
            // Stay in the area: turn back at its edges.
            if (_lat[i] is < 21.75 or > 22.06 || _lon[i] is < 106.57 or > 106.85)
            {
                _heading[i] = (_heading[i] + 180) % 360;
            }
        }

        return new PositionRecord
        {
            DeviceId = _ids[i],
            Time = now,
            Lat = _lat[i],
            Lon = _lon[i],
            SpeedKmh = Math.Round(_speed[i], 1),
            Heading = (int)_heading[i],
            Satellites = 10,
            Valid = true,
            Ignition = _speed[i] > 0,
        };
    }
}
