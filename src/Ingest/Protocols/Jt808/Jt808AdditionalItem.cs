namespace Telematics.Ingest.Protocols.Jt808;

/// <summary>An additional-information item of a location report: id, and a value of at most 255 bytes.</summary>
public readonly record struct Jt808AdditionalItem(byte Id, ReadOnlyMemory<byte> Value);
