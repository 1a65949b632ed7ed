using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Teltonika;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Protocols.Teltonika;

/// <summary>The IMEI login, the device gate and data sent before it.</summary>
public sealed class TeltonikaLoginTests
{
    private static readonly byte[] Avl = ProtocolVectors.At("teltonika", 7).Bytes;

    [Fact]
    public void Device_the_gate_refuses_gets_00_and_the_connection_closes()
    {
        var session = TeltonikaTestKit.Session(requireLogin: true, gate: new ListGate("111111111111111"));

        var decoded = TeltonikaTestKit.Decode(session, TeltonikaTestKit.LoginBytes(TeltonikaTestKit.Imei));

        Assert.Equal(DecodeResult.Close(TeltonikaReasons.DeviceRefused), decoded.Result);
        Assert.Equal("00", decoded.ReplyHex);
        Assert.Null(session.DeviceId);
    }

    [Fact]
    public void Device_the_gate_admits_gets_01_and_its_imei_as_device_id()
    {
        var session = TeltonikaTestKit.Session(requireLogin: true, gate: new ListGate(TeltonikaTestKit.Imei));

        var decoded = TeltonikaTestKit.Decode(session, TeltonikaTestKit.LoginBytes(TeltonikaTestKit.Imei));

        Assert.Equal(DecodeResult.Accepted, decoded.Result);
        Assert.Equal("01", decoded.ReplyHex);
        Assert.Equal(TeltonikaTestKit.Imei, session.DeviceId);
    }

    [Fact]
    public void Data_before_login_closes_the_connection_when_login_is_required()
    {
        var decoded = TeltonikaTestKit.Decode(TeltonikaTestKit.Session(requireLogin: true), Avl);

        Assert.Equal(DecodeResult.Close(TeltonikaReasons.DataBeforeLogin), decoded.Result);
        Assert.Equal(0, decoded.Records.Count);
        Assert.Equal(string.Empty, decoded.ReplyHex);
    }

    [Fact]
    public void Data_before_login_decodes_without_device_id_when_login_is_not_required_and_a_later_login_still_works()
    {
        var session = TeltonikaTestKit.Session(requireLogin: false);

        var data = TeltonikaTestKit.Decode(session, Avl);
        Assert.Equal(DecodeResult.Accepted, data.Result);
        Assert.Equal(1, data.Records.Count);
        Assert.Null(session.DeviceId);

        var login = TeltonikaTestKit.Decode(session, TeltonikaTestKit.LoginBytes(TeltonikaTestKit.Imei));
        Assert.Equal(DecodeResult.Accepted, login.Result);
        Assert.Equal("01", login.ReplyHex);
        Assert.Equal(TeltonikaTestKit.Imei, session.DeviceId);
    }

    [Fact]
    public void Keep_alive_before_login_is_harmless()
    {
        var decoded = TeltonikaTestKit.Decode(TeltonikaTestKit.Session(requireLogin: true), [TeltonikaSession.KeepAlive]);

        Assert.Equal(DecodeResult.Accepted, decoded.Result);
        Assert.Equal(string.Empty, decoded.ReplyHex);
    }

    [Theory]
    [InlineData("000F33353633303730343234343130314A", TeltonikaReasons.ImeiNotDigits)]
    [InlineData("000F203335363330373034323434313031", TeltonikaReasons.ImeiNotDigits)]
    [InlineData("0015313131313131313131313131313131313131313131", TeltonikaReasons.ImeiLengthOutOfRange)]
    public void Malformed_imei_is_refused_with_00_and_a_reason(string hex, string reason)
    {
        var session = TeltonikaTestKit.Session(requireLogin: true);

        var decoded = TeltonikaTestKit.ReadAndDecode(session, new(Convert.FromHexString(hex)));

        Assert.Equal(DecodeResult.Close(reason), decoded.Result);
        Assert.Equal("00", decoded.ReplyHex);
        Assert.Null(session.DeviceId);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("12345678901234")]
    [InlineData("12345678901234567890")]
    public void Imei_of_1_to_20_digits_is_accepted(string imei)
    {
        var session = TeltonikaTestKit.Session(requireLogin: true);

        var decoded = TeltonikaTestKit.Decode(session, TeltonikaTestKit.LoginBytes(imei));

        Assert.Equal(DecodeResult.Accepted, decoded.Result);
        Assert.Equal(imei, session.DeviceId);
    }

    [Fact]
    public void Repeated_login_with_the_same_imei_is_answered_again()
    {
        var session = TeltonikaTestKit.LoggedInSession();

        var decoded = TeltonikaTestKit.Decode(session, TeltonikaTestKit.LoginBytes(TeltonikaTestKit.Imei));

        Assert.Equal(DecodeResult.Accepted, decoded.Result);
        Assert.Equal("01", decoded.ReplyHex);
    }

    [Fact]
    public void Login_with_another_imei_on_the_same_connection_closes_it()
    {
        var session = TeltonikaTestKit.LoggedInSession();

        var decoded = TeltonikaTestKit.Decode(session, TeltonikaTestKit.LoginBytes("111111111111111"));

        Assert.Equal(DecodeResult.Close(TeltonikaReasons.ImeiChanged), decoded.Result);
        Assert.Equal("00", decoded.ReplyHex);
        Assert.Equal(TeltonikaTestKit.Imei, session.DeviceId);
    }

    [Fact]
    public void Protocol_is_registered_as_teltonika_on_port_5027()
    {
        var protocol = ProtocolCatalog.Find("teltonika");

        Assert.NotNull(protocol);
        Assert.IsType<TeltonikaProtocol>(protocol);
        Assert.Equal(5027, protocol.DefaultPort);
    }
}
