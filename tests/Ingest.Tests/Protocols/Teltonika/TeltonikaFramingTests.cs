using System.Buffers;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Teltonika;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Protocols.Teltonika;

/// <summary>TryReadFrame under Kestrel's parser contract: partial input, segment boundaries, limits.</summary>
public sealed class TeltonikaFramingTests
{
    // A Codec 8 Extended packet with four records and variable-length IO (vector line 3).
    private static readonly byte[] Avl = ProtocolVectors.At("teltonika", 3).Bytes;

    // A Codec 8 packet of eleven records (vector line 16).
    private static readonly byte[] Codec8Avl = ProtocolVectors.At("teltonika", 16).Bytes;

    private static readonly byte[] Login = TeltonikaTestKit.LoginBytes(TeltonikaTestKit.Imei);

    public static TheoryData<string> Frames => new() { "login", "avl", "codec8" };

    private static byte[] FrameNamed(string name) => name switch
    {
        "login" => Login,
        "avl" => Avl,
        _ => Codec8Avl,
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public void Every_truncation_prefix_is_incomplete_and_consumes_nothing(string name)
    {
        var bytes = FrameNamed(name);
        var session = TeltonikaTestKit.Session();
        for (var length = 0; length < bytes.Length; length++)
        {
            foreach (var buffer in new[] { new ReadOnlySequence<byte>(bytes, 0, length), Segments.OneBytePerSegment(bytes[..length]) })
            {
                var remaining = buffer;
                Assert.False(session.TryReadFrame(ref remaining, out _, out var skipped), $"prefix of {length} bytes");
                Assert.Equal(0, skipped);
                Assert.Equal(buffer.Start, remaining.Start);
                Assert.Equal(buffer.Length, remaining.Length);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public void Every_split_point_across_two_segments_gives_the_same_records_and_reply(string name)
    {
        var bytes = FrameNamed(name);
        var expected = TeltonikaTestKit.ReadAndDecode(TeltonikaTestKit.Session(), new ReadOnlySequence<byte>(bytes));
        Assert.Equal(DecodeStatus.Accepted, expected.Result.Status);

        for (var split = 0; split <= bytes.Length; split++)
        {
            var decoded = TeltonikaTestKit.ReadAndDecode(TeltonikaTestKit.Session(), Segments.SplitAt(bytes, split));
            Assert.Equal(expected.Result, decoded.Result);
            Assert.Equal(expected.Lines, decoded.Lines);
            Assert.Equal(expected.ReplyHex, decoded.ReplyHex);
        }
    }

    [Fact]
    public void Frames_following_each_other_in_one_buffer_are_cut_one_at_a_time()
    {
        byte[] stream = [.. Login, TeltonikaSession.KeepAlive, .. Avl, TeltonikaSession.KeepAlive, .. Codec8Avl, .. Avl[..20]];
        var buffer = new ReadOnlySequence<byte>(stream);
        var session = TeltonikaTestKit.Session();
        var lengths = new List<long>();
        while (session.TryReadFrame(ref buffer, out var frame, out _))
        {
            lengths.Add(frame.Length);
        }

        Assert.Equal([Login.Length, 1, Avl.Length, 1, Codec8Avl.Length], lengths);
        Assert.Equal(20, buffer.Length);
    }

    [Fact]
    public void Declared_data_length_over_the_limit_closes_the_stream()
    {
        var session = new TeltonikaProtocol().CreateSession(new SessionOptions { MaxFrameBytes = 1024 });
        var buffer = new ReadOnlySequence<byte>(Convert.FromHexString("0000000000000401"));

        var error = Assert.Throws<FrameException>(() => session.TryReadFrame(ref buffer, out _, out _));
        Assert.Equal(TeltonikaReasons.DataLengthOverLimit, error.Message);
    }

    [Fact]
    public void Data_length_at_the_limit_is_waited_for()
    {
        var session = new TeltonikaProtocol().CreateSession(new SessionOptions { MaxFrameBytes = 1024 });
        var buffer = new ReadOnlySequence<byte>(Convert.FromHexString("0000000000000400"));

        Assert.False(session.TryReadFrame(ref buffer, out _, out _));
    }

    [Fact]
    public void Huge_declared_length_closes_the_stream_before_any_data()
    {
        var buffer = new ReadOnlySequence<byte>(Convert.FromHexString("00000000FFFFFFFF"));

        var error = Assert.Throws<FrameException>(() => TeltonikaTestKit.Session().TryReadFrame(ref buffer, out _, out _));
        Assert.Equal(TeltonikaReasons.DataLengthOverLimit, error.Message);
    }

    [Theory]
    [InlineData("00000100")]
    [InlineData("000001")]
    [InlineData("00000001000000")]
    public void Non_zero_preamble_closes_the_stream(string hex)
    {
        var buffer = new ReadOnlySequence<byte>(Convert.FromHexString(hex));

        var error = Assert.Throws<FrameException>(() => TeltonikaTestKit.Session().TryReadFrame(ref buffer, out _, out _));
        Assert.Equal(TeltonikaReasons.BadPreamble, error.Message);
    }

    [Theory]
    [InlineData("0041")] // 65 bytes
    [InlineData("4745")] // "GE": an HTTP client, not a device
    [InlineData("7878")] // a GT06 device on the Teltonika port
    public void Login_length_over_64_closes_the_stream_as_garbage_cannot_be_resynchronised(string hex)
    {
        var buffer = new ReadOnlySequence<byte>(Convert.FromHexString(hex + "0000"));

        var error = Assert.Throws<FrameException>(() => TeltonikaTestKit.Session().TryReadFrame(ref buffer, out _, out _));
        Assert.Equal(TeltonikaReasons.LoginLengthOutOfRange, error.Message);
    }

    [Fact]
    public void Login_of_64_bytes_is_framed_so_that_the_decoder_can_refuse_it_with_a_reason()
    {
        var bytes = new byte[66];
        bytes[1] = 64;
        Array.Fill(bytes, (byte)'1', 2, 64);

        var session = TeltonikaTestKit.Session(requireLogin: true);
        var decoded = TeltonikaTestKit.ReadAndDecode(session, new ReadOnlySequence<byte>(bytes));

        Assert.Equal(DecodeResult.Close(TeltonikaReasons.ImeiLengthOutOfRange), decoded.Result);
        Assert.Equal("00", decoded.ReplyHex);
    }

    [Fact]
    public void Empty_buffer_is_incomplete()
    {
        var buffer = ReadOnlySequence<byte>.Empty;

        Assert.False(TeltonikaTestKit.Session().TryReadFrame(ref buffer, out _, out var skipped));
        Assert.Equal(0, skipped);
    }
}
