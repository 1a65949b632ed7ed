using System.Buffers;
using System.CommandLine;
using System.Text.Json;
using Telematics.Ingest.Protocols;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Commands;

/// <summary>
/// <c>decode --protocol teltonika|gt06|jt808 [--hex HEX]</c>: for each line of hex on stdin (or the
/// one given), exactly one JSON line: <c>{"records":[...],"ack":"hex"}</c> or <c>{"error":"reason"}</c>.
/// One session spans all lines, so a Teltonika login line gives the following packets their IMEI.
/// </summary>
public static class DecodeCommand
{
    public static Command Create()
    {
        var protocolOption = new Option<string>("--protocol", "-p")
        {
            Description = "Device protocol: " + string.Join(" | ", ProtocolCatalog.All.Select(p => p.Name)),
            Required = true,
        };
        var hexOption = new Option<string?>("--hex") { Description = "One frame (or several) as hex; without it, one per line of standard input" };
        var command = new Command("decode", "Decode device frames given as hex and print the normalised records and the ack as JSON lines")
        {
            protocolOption,
            hexOption,
        };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(protocolOption)!;
            var protocol = ProtocolCatalog.Find(name);
            if (protocol is null)
            {
                Console.Error.WriteLine($"unknown protocol \"{name}\": use one of {string.Join(", ", ProtocolCatalog.All.Select(p => p.Name))}");
                return 2;
            }

            var decoder = new LineDecoder(protocol);
            using var stdout = Console.OpenStandardOutput();
            if (parse.GetValue(hexOption) is { } hex)
            {
                decoder.DecodeLine(hex, stdout);
                return 0;
            }

            while (Console.In.ReadLine() is { } line)
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    decoder.DecodeLine(line, stdout);
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>Decodes hex lines with one session; public for tests.</summary>
    public sealed class LineDecoder(IDeviceProtocol protocol)
    {
        private readonly IProtocolSession _session = protocol.CreateSession(new Protocols.SessionOptions { RequireLogin = false, MaxFrameBytes = 1 << 20 });

        public void DecodeLine(string line, Stream output)
        {
            using var json = new Utf8JsonWriter(output);
            Write(line, json);
            json.Flush();
            output.WriteByte((byte)'\n');
            output.Flush();
        }

        public string DecodeLine(string line)
        {
            using var stream = new MemoryStream();
            DecodeLine(line, stream);
            return System.Text.Encoding.UTF8.GetString(stream.ToArray()).TrimEnd('\n');
        }

        private void Write(string line, Utf8JsonWriter json)
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromHexString(string.Concat(line.Where(c => !char.IsWhiteSpace(c))));
            }
            catch (FormatException)
            {
                WriteError(json, "not hex: a line must be an even number of hex digits");
                return;
            }

            var buffer = new ReadOnlySequence<byte>(bytes);
            var records = new RecordBatch();
            var reply = new ArrayBufferWriter<byte>();
            var all = new List<PositionRecord>();
            var frames = 0;
            try
            {
                while (_session.TryReadFrame(ref buffer, out var frame, out _))
                {
                    frames++;
                    records.Clear();
                    var result = _session.Decode(frame, records, reply);
                    if (result.Status != DecodeStatus.Accepted)
                    {
                        WriteError(json, result.Reason ?? "refused");
                        return;
                    }

                    for (var i = 0; i < records.Count; i++)
                    {
                        all.Add(records.ToPositionRecord(i, _session.DeviceId ?? string.Empty));
                    }
                }
            }
            catch (FrameException ex)
            {
                WriteError(json, ex.Message);
                return;
            }

            if (!buffer.IsEmpty)
            {
                WriteError(json, frames == 0 ? $"incomplete frame: {buffer.Length} bytes do not make a whole frame" : $"{buffer.Length} bytes after the last whole frame");
                return;
            }

            if (frames == 0)
            {
                WriteError(json, "no frame found");
                return;
            }

            json.WriteStartObject();
            json.WriteStartArray("records");
            foreach (var record in all)
            {
                PositionRecordJson.Write(json, record);
            }

            json.WriteEndArray();
            json.WriteString("ack", Convert.ToHexStringLower(reply.WrittenSpan));
            json.WriteEndObject();
        }

        private static void WriteError(Utf8JsonWriter json, string reason)
        {
            json.WriteStartObject();
            json.WriteString("error", reason);
            json.WriteEndObject();
        }
    }
}
