using System.Buffers;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Protocols.Gt06;

public sealed class Gt06FramingTests
{
    private static readonly byte[] Login = Convert.FromHexString(Gt06Kit.DocLogin);
    private static readonly byte[] Location = Convert.FromHexString(Gt06Kit.DocLocation);

    // A long (79 79) information-transfer frame, 0x94 sub-type 0x0A, serial 5.
    private static readonly byte[] LongFrame = Convert.FromHexString("79790008940A01020005B8270D0A");

    [Fact]
    public void Every_truncation_of_a_long_frame_waits_and_consumes_nothing()
    {
        var session = Gt06Kit.Session();
        for (var length = 0; length < LongFrame.Length; length++)
        {
            var buffer = new ReadOnlySequence<byte>(LongFrame, 0, length);
            Assert.False(session.TryReadFrame(ref buffer, out _, out var skipped));
            Assert.Equal(0, skipped);
            Assert.Equal(length, buffer.Length);
        }
    }

    [Fact]
    public void Back_to_back_frames_are_cut_one_at_a_time()
    {
        var bytes = Login.Concat(LongFrame).Concat(Location).ToArray();
        var session = Gt06Kit.Session();
        var buffer = new ReadOnlySequence<byte>(bytes);
        var lengths = new List<long>();
        while (session.TryReadFrame(ref buffer, out var frame, out var skipped))
        {
            Assert.Equal(0, skipped);
            lengths.Add(frame.Length);
        }

        Assert.Equal([Login.Length, LongFrame.Length, Location.Length], lengths);
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void Garbage_before_a_frame_is_skipped_and_counted()
    {
        byte[] garbage = [0x00, 0x78, 0x01, 0x79, 0x0D, 0x0A, 0x78, 0x79];
        var bytes = garbage.Concat(Location).ToArray();
        for (var split = 1; split < bytes.Length; split++)
        {
            var buffer = Segments.SplitAt(bytes, split);
            Assert.True(Gt06Kit.Session().TryReadFrame(ref buffer, out var frame, out var skipped));
            Assert.Equal(garbage.Length, skipped);
            Assert.Equal(Location, frame.ToArray());
        }
    }

    [Fact]
    public void Garbage_is_dropped_while_waiting_but_a_possible_start_byte_is_kept()
    {
        byte[] bytes = [0x01, 0x02, 0x03, 0x78];
        var buffer = new ReadOnlySequence<byte>(bytes);
        Assert.False(Gt06Kit.Session().TryReadFrame(ref buffer, out _, out var skipped));
        Assert.Equal(3, skipped);
        Assert.Equal([0x78], buffer.ToArray());

        buffer = new ReadOnlySequence<byte>([0x01, 0x02, 0x03]);
        Assert.False(Gt06Kit.Session().TryReadFrame(ref buffer, out _, out skipped));
        Assert.Equal(3, skipped);
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void Start_marker_without_stop_bytes_where_the_length_says_is_garbage_and_the_stream_resyncs()
    {
        byte[] fake = [0x78, 0x78, 0x05, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07];
        var bytes = fake.Concat(Location).ToArray();
        var buffer = Segments.OneBytePerSegment(bytes);
        Assert.True(Gt06Kit.Session().TryReadFrame(ref buffer, out var frame, out var skipped));
        Assert.Equal(fake.Length, skipped);
        Assert.Equal(Location, frame.ToArray());
    }

    [Fact]
    public void Zero_length_wifi_frame_is_skipped_as_garbage_and_the_next_frame_read()
    {
        // Some firmwares send 0x17 / 0x69 Wi-Fi frames with length 0 and no CRC: no length to frame them by.
        var wifi = Convert.FromHexString("787800171103150A1B2C0230C0A80101C41122334455660D0A");
        var bytes = wifi.Concat(Location).ToArray();
        var buffer = new ReadOnlySequence<byte>(bytes);
        var session = Gt06Kit.Session(requireLogin: false);
        Assert.True(session.TryReadFrame(ref buffer, out var frame, out var skipped));
        Assert.Equal(wifi.Length, skipped);
        Assert.Equal(Location, frame.ToArray());
        Assert.Equal(1, Gt06Kit.DecodeFrame(session, frame).Batch.Count);
    }

    [Fact]
    public void Long_frame_declaring_more_than_the_limit_cannot_be_framed()
    {
        var buffer = new ReadOnlySequence<byte>([0x79, 0x79, 0xFF, 0xFF, 0x22]);
        var session = Gt06Kit.Session();
        var error = Assert.Throws<FrameException>(() => session.TryReadFrame(ref buffer, out _, out _));
        Assert.Equal("declared length over the limit", error.Message);
    }

    [Fact]
    public void Short_frame_over_a_small_limit_cannot_be_framed()
    {
        var buffer = new ReadOnlySequence<byte>(Location);
        var session = Gt06Kit.Session(maxFrameBytes: 20);
        Assert.Throws<FrameException>(() => session.TryReadFrame(ref buffer, out _, out _));
    }

    [Fact]
    public void Frame_after_a_frame_that_straddles_segments_is_read_from_the_right_place()
    {
        var bytes = Location.Concat(Location).ToArray();
        var buffer = Segments.SplitAt(bytes, Location.Length + 3);
        var session = Gt06Kit.Session(requireLogin: false);
        Assert.True(session.TryReadFrame(ref buffer, out var first, out _));
        Assert.True(session.TryReadFrame(ref buffer, out var second, out _));
        Assert.Equal(Location, first.ToArray());
        Assert.Equal(Location, second.ToArray());
        Assert.True(buffer.IsEmpty);
    }
}
