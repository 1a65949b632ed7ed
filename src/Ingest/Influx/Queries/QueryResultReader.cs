using System.Text.Json;
using Telematics.Ingest.Influx.Http;

namespace Telematics.Ingest.Influx.Queries;

/// <summary>
/// Streams InfluxDB's JSON answer (<c>{"results":[{"series":[{"name","tags","columns","values"}]}]}</c>)
/// through <see cref="Utf8JsonReader"/> into a <see cref="SeriesVisitor"/>.
/// </summary>
public static class QueryResultReader
{
    private static readonly Dictionary<string, string> NoTags = [];

    public static void Read(ReadOnlySpan<byte> json, SeriesVisitor visitor)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            // results[] (depth 1) → result (2) → "series" (3) → series[] (3) → series object (4)
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 3 && reader.ValueTextEquals("series"u8))
            {
                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadSeries(ref reader, visitor);
                }
            }
            else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 3 && reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                throw new InfluxQueryException($"InfluxDB query failed: {reader.GetString()}");
            }
        }
    }

    private static void ReadSeries(ref Utf8JsonReader reader, SeriesVisitor visitor)
    {
        var name = string.Empty;
        Dictionary<string, string>? tags = null;
        List<string>? columns = null;
        double[] numbers = [];
        string?[] strings = [];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                name = reader.GetString() ?? string.Empty;
            }
            else if (reader.ValueTextEquals("tags"u8))
            {
                reader.Read();
                tags = [];
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    tags[key] = reader.TokenType == JsonTokenType.String ? reader.GetString()! : string.Empty;
                }
            }
            else if (reader.ValueTextEquals("columns"u8))
            {
                reader.Read();
                columns = [];
                while (reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    columns.Add(reader.GetString()!);
                }

                numbers = new double[columns.Count];
                strings = new string?[columns.Count];
                visitor.BeginSeries(name, tags ?? NoTags, columns);
            }
            else if (reader.ValueTextEquals("values"u8))
            {
                if (columns is null)
                {
                    throw new InfluxQueryException("InfluxDB answer: values before columns");
                }

                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
                {
                    var i = 0;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (i < numbers.Length)
                        {
                            (numbers[i], strings[i]) = reader.TokenType switch
                            {
                                JsonTokenType.Number => (reader.GetDouble(), null),
                                JsonTokenType.True => (1d, null),
                                JsonTokenType.False => (0d, null),
                                JsonTokenType.String => (double.NaN, reader.GetString()),
                                _ => (double.NaN, (string?)null),
                            };
                        }

                        i++;
                    }

                    visitor.Row(numbers, strings);
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }
}
