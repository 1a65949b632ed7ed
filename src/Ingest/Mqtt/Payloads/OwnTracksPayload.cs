using System.Buffers;
using System.Text.Json;
using Telematics.Ingest.Protocols;

namespace Telematics.Ingest.Mqtt.Payloads;

/// <summary>
/// OwnTracks (the phone app) JSON: a <c>_type: location</c> message becomes one record —
/// <c>lat</c>, <c>lon</c>, <c>tst</c> (Unix seconds) required; <c>vel</c> (km/h), <c>cog</c>
/// (degrees), <c>alt</c> (m) used; <c>acc</c>, <c>vac</c>, <c>batt</c> kept as IO values.
/// Other message types (waypoint, transition, lwt, card…) are valid and carry no position:
/// they give no records and no error. Unknown fields are ignored; known ones of the wrong type refuse it.
/// </summary>
public static class OwnTracksPayload
{
    public const string AccuracyIo = "acc";
    public const string VerticalAccuracyIo = "vac";
    public const string BatteryIo = "batt";

    public static string? Decode(in ReadOnlySequence<byte> payload, RecordBatch records)
    {
        try
        {
            return DecodeCore(payload, records);
        }
        catch (JsonException)
        {
            return MqttPayloadReasons.InvalidJson;
        }
    }

    private static string? DecodeCore(in ReadOnlySequence<byte> payload, RecordBatch records)
    {
        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = 8 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return MqttPayloadReasons.NotAnObject;
        }

        var isLocation = false;
        double? lat = null, lon = null;
        long? tst = null, acc = null, vac = null, batt = null;
        double vel = 0;
        int cog = 0, alt = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("_type"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    return MqttPayloadReasons.WrongType;
                }

                isLocation = reader.ValueTextEquals("location"u8);
            }
            else if (reader.ValueTextEquals("lat"u8) || reader.ValueTextEquals("lon"u8))
            {
                var isLat = reader.ValueTextEquals("lat"u8);
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number)
                {
                    return MqttPayloadReasons.WrongType;
                }

                var value = reader.GetDouble();
                if (Math.Abs(value) > (isLat ? 90 : 180))
                {
                    return MqttPayloadReasons.OutOfRange;
                }

                if (isLat)
                {
                    lat = value;
                }
                else
                {
                    lon = value;
                }
            }
            else if (reader.ValueTextEquals("tst"u8))
            {
                if (Long(ref reader) is not { } seconds || seconds < 0 || seconds > 4_102_444_800)
                {
                    return MqttPayloadReasons.WrongType;
                }

                tst = seconds;
            }
            else if (reader.ValueTextEquals("vel"u8))
            {
                if (Long(ref reader) is not { } v || v < 0 || v > 1000)
                {
                    return MqttPayloadReasons.OutOfRange;
                }

                vel = v;
            }
            else if (reader.ValueTextEquals("cog"u8))
            {
                if (Long(ref reader) is not { } c || c < 0 || c > 360)
                {
                    return MqttPayloadReasons.OutOfRange;
                }

                cog = (int)(c % 360);
            }
            else if (reader.ValueTextEquals("alt"u8))
            {
                if (Long(ref reader) is not { } a || a < -1000 || a > 100_000)
                {
                    return MqttPayloadReasons.OutOfRange;
                }

                alt = (int)a;
            }
            else if (reader.ValueTextEquals("acc"u8))
            {
                acc = Long(ref reader) ?? -1;
            }
            else if (reader.ValueTextEquals("vac"u8))
            {
                vac = Long(ref reader) ?? -1;
            }
            else if (reader.ValueTextEquals("batt"u8))
            {
                batt = Long(ref reader) ?? -1;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }

            if (acc < 0 || vac < 0 || batt < 0)
            {
                return MqttPayloadReasons.WrongType;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return MqttPayloadReasons.InvalidJson;
        }

        if (!isLocation)
        {
            return null;
        }

        if (lat is null || lon is null || tst is null)
        {
            return MqttPayloadReasons.MissingField;
        }

        ref var r = ref records.Add();
        r.TimeMs = tst.Value * 1000;
        r.Lat = lat.Value;
        r.Lon = lon.Value;
        r.SpeedKmh = vel;
        r.Heading = cog;
        r.AltitudeM = alt;
        r.Valid = true;
        if (acc is { } accuracy)
        {
            records.AddIo(AccuracyIo, accuracy);
        }

        if (vac is { } verticalAccuracy)
        {
            records.AddIo(VerticalAccuracyIo, verticalAccuracy);
        }

        if (batt is { } battery)
        {
            records.AddIo(BatteryIo, battery);
        }

        return null;
    }

    /// <summary>An integer field (OwnTracks sends whole numbers; a fraction is rounded); null for another type.</summary>
    private static long? Long(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.Number)
        {
            return null;
        }

        return reader.TryGetInt64(out var l) ? l : (long)Math.Round(reader.GetDouble());
    }
}
