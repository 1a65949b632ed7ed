namespace Telematics.Ingest.Tests.Protocols.Jt808;

/// <summary>
/// Frames written by hand from JT/T 808-2013/2019 (field by field, checksum XORed separately),
/// with the platform's exact replies. Terminal number 013912345678 → device id "13912345678".
/// </summary>
internal static class Jt808SpecFrames
{
    public const string DeviceId = "13912345678";

    // 7E | 0002 heartbeat | attr 0000 | terminal 013912345678 | serial 0001 | cs 33 | 7E
    public const string Heartbeat = "7e 0002 0000 013912345678 0001 33 7e";

    // 8001 | attr 0005 | terminal | platform serial 0000 | reply serial 0001, reply id 0002, result 00 | cs B7
    public const string HeartbeatReply = "7e 8001 0005 013912345678 0000 0001 0002 00 b7 7e";

    // 0100, 45-byte body: province 002C, city 0101, maker "TLMTC", model "SIM-808" (20 bytes 0-padded),
    // terminal id "SIM0001", plate colour 01 (blue), plate "29C12345".
    public const string Registration =
        "7e 0100 002d 013912345678 0000 002c 0101 544c4d5443 53494d2d383038 00000000000000000000000000 53494d30303031 01 3239433132333435 16 7e";

    // 8100 | body 14 bytes: reply serial 0000, result 00, auth code "13912345678" (the device id)
    public const string RegistrationReply = "7e 8100 000e 013912345678 0000 0000 00 3133393132333435363738 8c 7e";

    // 8100 | body 3 bytes: reply serial 0000, result 04 (terminal not in database), no auth code
    public const string RegistrationRefusedReply = "7e 8100 0003 013912345678 0000 0000 04 b6 7e";

    // 0102, serial 0001, body = auth code "13912345678"
    public const string Authentication = "7e 0102 000b 013912345678 0001 3133393132333435363738 0a 7e";

    // 0200, serial 0002, 44-byte body:
    //   alarm 00000002 (overspeed) | status 00000003 (ACC on, fix) | lat 0140DBB3 = 21.027763 N | lon 064EE6B0 = 105.834160 E
    //   altitude 000F = 15 m | speed 0258 = 60.0 km/h | direction 005A = 90 | time 250715103000 (GMT+8) = 2025-07-15T02:30:00Z
    //   items: 01/04 00003039 mileage 1234.5 km | 31/01 0B 11 satellites | 11/05 01 00000007 overspeed in circle area 7
    public const string Location =
        "7e 0200 002c 013912345678 0002 00000002 00000003 0140dbb3 064ee6b0 000f 0258 005a 250715103000 0104 00003039 31010b 1105 01 00000007 17 7e";

    // 8001 to it: platform serial 0000 (first reply), reply serial 0002, id 0200, result 00
    public const string LocationReply = "7e 8001 0005 013912345678 0000 0002 0200 00 b4 7e";

    // 0200, serial 0003, 62-byte body:
    //   alarm 00860005: SOS (0), fatigue (2), reserved bit 17, daily driving exceeded (18), route deviation (23)
    //   status 0000000E: fix, south, west, ACC off | lat 0204CC14 = 33.868820 S | lon 09034550 = 151.209296 W
    //   altitude FFF6 = -10 m | speed 0 | direction 013B = 315 | time 991231235959 (GMT+8) = 2099-12-31T15:59:59Z
    //   items: 12/06 01 0000002A 01 left circle area 42 | 13/07 00000063 012C 01 section 99 driven 300 s, too long
    //          E3/03 AABBCC vendor number | F0/0A 00..99 vendor bytes
    public const string Alarm =
        "7e 0200 003e 013912345678 0003 00860005 0000000e 0204cc14 09034550 fff6 0000 013b 991231235959 1206 01 0000002a 01 1307 00000063 012c 01 e303aabbcc f00a00112233445566778899 5a 7e";

    // 2019 header: attr 4033 (version flag + 51-byte body), version 01, terminal 00000866496077582164, serial 0007.
    // Body: code length 0F, code "866496077582164", IMEI "866496077582164", software version "1.0.0" (20 bytes 0-padded).
    public const string Authentication2019 =
        "7e 0102 4033 01 00000866496077582164 0007 0f 383636343936303737353832313634 383636343936303737353832313634 312e302e30000000000000000000000000000000 65 7e";

    // 8001 in the 2019 format: attr 4005, version 01, the same terminal bytes, serial 0000; reply to 0007/0102, result 00
    public const string Authentication2019Reply = "7e 8001 4005 01 00000866496077582164 0000 0007 0102 00 ec 7e";

    // Heartbeat with serial 7E7D: both bytes escaped (7D02 7D01) on the wire.
    public const string HeartbeatEscaped = "7e 0002 0000 013912345678 7d02 7d01 31 7e";

    // Its reply echoes the serial, escaped again.
    public const string HeartbeatEscapedReply = "7e 8001 0005 013912345678 0000 7d02 7d01 0002 00 b5 7e";
}
