using System.Globalization;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Tests.Mqtt;

/// <summary>Normalised-record JSON payloads that pass every pipeline filter: recent, valid, moving slowly in Lạng Sơn.</summary>
internal static class MqttTestRecords
{
    private static readonly DateTime Start = DateTime.UnixEpoch.AddSeconds((long)(DateTime.UtcNow.AddHours(-1) - DateTime.UnixEpoch).TotalSeconds);

    public static DateTime TimeOf(int n) => Start.AddSeconds(n);

    public static string Json(string deviceId, int n) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"deviceId":"{{deviceId}}","time":"{{PositionRecordJson.FormatTime(TimeOf(n))}}","lat":{{21.85 + (n * 1e-5)}},"lon":{{106.76 + (n * 1e-5)}},"speedKmh":30,"heading":90,"altitudeM":250,"satellites":9,"valid":true}""");
}
