using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Telematics.Ingest.Protocols;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Mqtt.Payloads;

/// <summary>
/// The normalised record JSON of DESIGN.md as an MQTT payload: one object or an array of them.
/// Required: <c>time</c> (ISO-8601; without an offset it is taken as UTC), <c>lat</c>, <c>lon</c>.
/// Optional: <c>deviceId</c> (must equal the topic's), <c>speedKmh</c>, <c>heading</c>,
/// <c>altitudeM</c>, <c>satellites</c>, <c>valid</c> (default true), <c>ignition</c>,
/// <c>odometerKm</c>, <c>driverId</c>, <c>alarms</c> (names), <c>archived</c>, <c>io</c>
/// (numbers, or hex strings for bytes). Unknown fields are ignored; a known field of the wrong
/// type or out of range refuses the whole payload.
/// </summary>
public static class JsonPositionPayload
{
    public const int MaxRecords = 1000;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 8 };

    /// <summary>Appends the payload's records; returns null, or the reason with nothing appended.</summary>
    public static string? Decode(in ReadOnlySequence<byte> payload, string deviceId, RecordBatch records)
    {
        var before = records.Count;
        string? reason;
        try
        {
            reason = DecodeCore(payload, deviceId, records);
        }
        catch (JsonException)
        {
            reason = MqttPayloadReasons.InvalidJson;
        }

        if (reason is not null)
        {
            records.Truncate(before);
        }

        return reason;
    }

    private static string? DecodeCore(in ReadOnlySequence<byte> payload, string deviceId, RecordBatch records)
    {
        var reader = new Utf8JsonReader(payload, ReaderOptions);
        if (!reader.Read())
        {
            return MqttPayloadReasons.InvalidJson;
        }

        string? reason;
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            var count = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (++count > MaxRecords)
                {
                    return MqttPayloadReasons.TooManyRecords;
                }

                if ((reason = ReadRecord(ref reader, deviceId, records)) is not null)
                {
                    return reason;
                }
            }
        }
        else if ((reason = ReadRecord(ref reader, deviceId, records)) is not null)
        {
            return reason;
        }

        // Nothing but whitespace may follow.
        return reader.Read() ? MqttPayloadReasons.InvalidJson : null;
    }

    private static string? ReadRecord(ref Utf8JsonReader reader, string deviceId, RecordBatch records)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return MqttPayloadReasons.NotAnObject;
        }

        ref var r = ref records.Add();
        r.Valid = true;
        bool hasTime = false, hasLat = false, hasLon = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string? reason = null;
            if (reader.ValueTextEquals("deviceId"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    if (!reader.ValueTextEquals(deviceId))
                    {
                        return MqttPayloadReasons.DeviceMismatch;
                    }
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    return MqttPayloadReasons.WrongType;
                }
            }
            else if (reader.ValueTextEquals("time"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTime(out var time))
                {
                    return MqttPayloadReasons.WrongType;
                }

                var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
                r.TimeMs = (long)(utc - DateTime.UnixEpoch).TotalMilliseconds;
                hasTime = true;
            }
            else if (reader.ValueTextEquals("lat"u8))
            {
                reason = Number(ref reader, -90, 90, out r.Lat);
                hasLat = true;
            }
            else if (reader.ValueTextEquals("lon"u8))
            {
                reason = Number(ref reader, -180, 180, out r.Lon);
                hasLon = true;
            }
            else if (reader.ValueTextEquals("speedKmh"u8))
            {
                reason = Number(ref reader, 0, 1000, out r.SpeedKmh);
            }
            else if (reader.ValueTextEquals("heading"u8))
            {
                reason = Integer(ref reader, 0, 360, out r.Heading);
                r.Heading %= 360;
            }
            else if (reader.ValueTextEquals("altitudeM"u8))
            {
                reason = Integer(ref reader, -1000, 100_000, out r.AltitudeM);
            }
            else if (reader.ValueTextEquals("satellites"u8))
            {
                reason = Integer(ref reader, 0, 255, out r.Satellites);
            }
            else if (reader.ValueTextEquals("valid"u8))
            {
                reason = Boolean(ref reader, out r.Valid);
            }
            else if (reader.ValueTextEquals("archived"u8))
            {
                reason = Boolean(ref reader, out r.Archived);
            }
            else if (reader.ValueTextEquals("ignition"u8))
            {
                reader.Read();
                if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
                {
                    r.Ignition = reader.GetBoolean();
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    return MqttPayloadReasons.WrongType;
                }
            }
            else if (reader.ValueTextEquals("odometerKm"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number)
                {
                    var km = reader.GetDouble();
                    if (km is < 0 or > 100_000_000)
                    {
                        return MqttPayloadReasons.OutOfRange;
                    }

                    r.OdometerKm = km;
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    return MqttPayloadReasons.WrongType;
                }
            }
            else if (reader.ValueTextEquals("driverId"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    r.DriverId = reader.GetString();
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    return MqttPayloadReasons.WrongType;
                }
            }
            else if (reader.ValueTextEquals("alarms"u8))
            {
                reason = Alarms(ref reader, ref r);
            }
            else if (reader.ValueTextEquals("io"u8))
            {
                reason = Io(ref reader, records);
            }
            else
            {
                // Unknown field: ignored, whatever its value.
                reader.Read();
                reader.Skip();
            }

            if (reason is not null)
            {
                return reason;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            return MqttPayloadReasons.InvalidJson;
        }

        return hasTime && hasLat && hasLon ? null : MqttPayloadReasons.MissingField;
    }

    private static string? Number(ref Utf8JsonReader reader, double min, double max, out double value)
    {
        reader.Read();
        value = 0;
        if (reader.TokenType != JsonTokenType.Number)
        {
            return MqttPayloadReasons.WrongType;
        }

        value = reader.GetDouble();
        return value >= min && value <= max ? null : MqttPayloadReasons.OutOfRange;
    }

    private static string? Integer(ref Utf8JsonReader reader, int min, int max, out int value)
    {
        reader.Read();
        value = 0;
        if (reader.TokenType != JsonTokenType.Number)
        {
            return MqttPayloadReasons.WrongType;
        }

        if (!reader.TryGetInt32(out value))
        {
            // A fraction where an integer is expected: round it if it is in range.
            var d = reader.GetDouble();
            if (d < min || d > max)
            {
                return MqttPayloadReasons.OutOfRange;
            }

            value = (int)Math.Round(d);
        }

        return value >= min && value <= max ? null : MqttPayloadReasons.OutOfRange;
    }

    private static string? Boolean(ref Utf8JsonReader reader, out bool value)
    {
        reader.Read();
        value = false;
        if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
        {
            return MqttPayloadReasons.WrongType;
        }

        value = reader.GetBoolean();
        return null;
    }

    private static string? Alarms(ref Utf8JsonReader reader, ref DecodedRecord r)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return MqttPayloadReasons.WrongType;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return MqttPayloadReasons.WrongType;
            }

            if (!DeviceAlarmNames.TryParse(reader.GetString()!, out var alarm))
            {
                return MqttPayloadReasons.UnknownAlarm;
            }

            r.Alarms |= alarm;
        }

        return null;
    }

    private static string? Io(ref Utf8JsonReader reader, RecordBatch records)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return MqttPayloadReasons.WrongType;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
            {
                if (ushort.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    records.AddIo(id, number);
                }
                else
                {
                    records.AddIo(key, number);
                }
            }
            else if (reader.TokenType == JsonTokenType.String)
            {
                // Byte values are written as lower-case hex by the record writer.
                var hex = reader.GetString()!;
                byte[] bytes;
                try
                {
                    bytes = Convert.FromHexString(hex);
                }
                catch (FormatException)
                {
                    return MqttPayloadReasons.WrongType;
                }

                records.AddIoBytes(key, bytes);
            }
            else
            {
                return MqttPayloadReasons.WrongType;
            }
        }

        return null;
    }
}
