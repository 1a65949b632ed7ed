using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Mqtt;

/// <summary>
/// Keeps refused MQTT payloads for inspection: one JSON line per payload with the time, source
/// (endpoint or broker), device, client, topic, reason and the payload (UTF-8 text when it is, else base64).
/// Thread-safe; bounded in size.
/// </summary>
public sealed class MqttDeadLetterFile
{
    private readonly Lock _lock = new();
    private readonly string _path;
    private readonly long _maxBytes;
    private readonly ILogger<MqttDeadLetterFile> _logger;
    private readonly TimeProvider _time;
    private bool _fullReported;
    private long _count;

    public MqttDeadLetterFile(IOptions<MqttOptions> options, ILogger<MqttDeadLetterFile> logger, TimeProvider? time = null)
    {
        _path = System.IO.Path.GetFullPath(options.Value.DeadLetterPath);
        _maxBytes = options.Value.DeadLetterMaxBytes;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    public string Path => _path;

    public long Count => Interlocked.Read(ref _count);

    public void Append(string source, string? deviceId, string? clientId, string topic, string reason, in ReadOnlySequence<byte> payload)
    {
        Interlocked.Increment(ref _count);
        if (_maxBytes <= 0)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(256 + (int)Math.Min(payload.Length * 2, 1 << 20));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("time", PositionRecordJson.FormatTime(_time.GetUtcNow().UtcDateTime));
            json.WriteString("source", source);
            json.WriteString("deviceId", deviceId);
            json.WriteString("clientId", clientId);
            json.WriteString("topic", topic);
            json.WriteString("reason", reason);
            var bytes = payload.ToArray();
            if (System.Text.Unicode.Utf8.IsValid(bytes))
            {
                json.WriteString("payload", System.Text.Encoding.UTF8.GetString(bytes));
            }
            else
            {
                json.WriteBase64String("payloadBase64", bytes);
            }

            json.WriteEndObject();
        }

        buffer.Write("\n"u8);
        lock (_lock)
        {
            try
            {
                var info = new FileInfo(_path);
                if (info.Exists && info.Length + buffer.WrittenCount > _maxBytes)
                {
                    if (!_fullReported)
                    {
                        _fullReported = true;
                        _logger.LogError("MQTT dead-letter file {Path} reached {Max} bytes: further refused payloads are counted and logged only", _path, _maxBytes);
                    }

                    return;
                }

                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_path)!);
                using var file = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
                file.Write(buffer.WrittenSpan);
            }
            catch (IOException ex)
            {
                _logger.LogError("MQTT dead-letter file {Path} not written: {Reason}", _path, ex.Message);
            }
            catch (UnauthorizedAccessException ex)
            {
                _logger.LogError("MQTT dead-letter file {Path} not written: {Reason}", _path, ex.Message);
            }
        }
    }
}
