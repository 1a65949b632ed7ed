namespace Telematics.Ingest.Mqtt;

/// <summary>Section <c>Telematics:Mqtt</c>: the built-in endpoint, broker mode and the dead-letter file.</summary>
public sealed class MqttOptions
{
    public const string Section = "Telematics:Mqtt";

    /// <summary>Where refused payloads are appended as JSON lines (relative to the working directory).</summary>
    public string DeadLetterPath { get; set; } = "mqtt-dead-letters.jsonl";

    /// <summary>The file stops growing past this size (a log line says so); 0 turns dead-lettering off.</summary>
    public long DeadLetterMaxBytes { get; set; } = 100L * 1024 * 1024;

    public Endpoint.MqttEndpointOptions Endpoint { get; set; } = new();

    public Client.MqttBrokerOptions Broker { get; set; } = new();
}
