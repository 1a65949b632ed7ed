using System.Buffers;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Tests.Support;
using static Telematics.Ingest.Tests.Protocols.Jt808.Jt808Harness;

namespace Telematics.Ingest.Tests.Protocols.Jt808;

/// <summary>Kestrel's parser contract: partial input, segments, garbage, size limits.</summary>
public sealed class Jt808FramingTests
{
    /// <summary>A spec frame, two captured frames (one batch, one with escapes), a 2019 frame.</summary>
    public static TheoryData<string> Frames => new()
    {
        Jt808SpecFrames.Location,
        Jt808SpecFrames.Authentication2019,
        ProtocolVectors.At("jt808", 6).Hex,
        ProtocolVectors.At("jt808", 23).Hex,
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public void Every_truncation_prefix_returns_false_and_consumes_nothing(string hex)
    {
        var bytes = Hex(hex);
        var session = NewSession();
        for (var n = 0; n < bytes.Length; n++)
        {
            var buffer = new ReadOnlySequence<byte>(bytes, 0, n);
            Assert.False(session.TryReadFrame(ref buffer, out _, out var skipped));
            Assert.Equal(0, skipped);
            Assert.Equal(n, buffer.Length);

            var split = n == 0 ? ReadOnlySequence<byte>.Empty : Segments.OneBytePerSegment(bytes[..n]);
            Assert.False(session.TryReadFrame(ref split, out _, out skipped));
            Assert.Equal(0, skipped);
            Assert.Equal(n, split.Length);
        }
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public void Every_split_point_gives_the_same_records_and_reply(string hex)
    {
        var bytes = Hex(hex);
        var expected = DecodeAll(NewSession(), bytes);
        Assert.Equal(DecodeStatus.Accepted, expected.Single.Status);

        for (var at = 0; at <= bytes.Length; at++)
        {
            AssertSame(expected, DecodeAll(NewSession(), Segments.SplitAt(bytes, at)));
        }

        AssertSame(expected, DecodeAll(NewSession(), Segments.OneBytePerSegment(bytes)));
    }

    [Fact]
    public void Frames_back_to_back_are_cut_one_by_one()
    {
        var outcome = DecodeAll(NewSession(), Hex(Jt808SpecFrames.Heartbeat), Hex(Jt808SpecFrames.Location), Hex(Jt808SpecFrames.Alarm));

        Assert.Equal(3, outcome.Results.Count);
        Assert.All(outcome.Results, r => Assert.Equal(DecodeStatus.Accepted, r.Status));
        Assert.Equal(2, outcome.Records.Count);
    }

    [Fact]
    public void Garbage_before_a_frame_is_skipped_and_counted()
    {
        var bytes = Hex("0102 0304 05" + Norm(Jt808SpecFrames.Heartbeat));
        foreach (var buffer in new[] { new ReadOnlySequence<byte>(bytes), Segments.OneBytePerSegment(bytes) })
        {
            var b = buffer;
            Assert.True(NewSession().TryReadFrame(ref b, out var frame, out var skipped));
            Assert.Equal(5, skipped);
            Assert.Equal(Norm(Jt808SpecFrames.Heartbeat), Convert.ToHexStringLower(frame.ToArray()));
            Assert.True(b.IsEmpty);
        }
    }

    [Fact]
    public void Garbage_without_a_flag_is_all_skipped()
    {
        var bytes = Hex("0102030405");
        foreach (var buffer in new[] { new ReadOnlySequence<byte>(bytes), Segments.OneBytePerSegment(bytes) })
        {
            var b = buffer;
            Assert.False(NewSession().TryReadFrame(ref b, out _, out var skipped));
            Assert.Equal(5, skipped);
            Assert.True(b.IsEmpty);
        }
    }

    [Fact]
    public void Garbage_before_an_incomplete_frame_is_skipped_and_the_frame_start_kept()
    {
        var bytes = Hex("aabb 7e0002");
        foreach (var buffer in new[] { new ReadOnlySequence<byte>(bytes), Segments.OneBytePerSegment(bytes) })
        {
            var b = buffer;
            Assert.False(NewSession().TryReadFrame(ref b, out _, out var skipped));
            Assert.Equal(2, skipped);
            Assert.Equal(Hex("7e0002"), b.ToArray());
        }
    }

    [Fact]
    public void Two_adjacent_flags_make_the_second_the_frame_start()
    {
        // The tail of a frame we joined half-way: "...7E" then a real frame.
        var bytes = Hex("1234 7e" + Norm(Jt808SpecFrames.Heartbeat));
        foreach (var buffer in new[] { new ReadOnlySequence<byte>(bytes), Segments.OneBytePerSegment(bytes) })
        {
            var b = buffer;
            var session = NewSession();
            Assert.True(session.TryReadFrame(ref b, out var frame, out var skipped));
            Assert.Equal(3, skipped);
            Assert.Equal(DecodeStatus.Accepted, session.Decode(frame, new RecordBatch(), new ArrayBufferWriter<byte>()).Status);
        }
    }

    [Fact]
    public void Frame_tail_joined_half_way_is_skipped_up_to_the_next_frame()
    {
        // Connection picked up mid-frame: the tail and its closing flag are garbage, the next flag starts a frame.
        var tail = Norm(Jt808SpecFrames.Location)[60..];
        var outcome = DecodeAll(NewSession(), Hex(tail + Norm(Jt808SpecFrames.Heartbeat)));

        Assert.Equal(DecodeStatus.Accepted, outcome.Single.Status);
        Assert.Equal(tail.Length / 2, outcome.Skipped);
        Assert.Equal(Norm(Jt808SpecFrames.HeartbeatReply), outcome.ReplyHex);
    }

    [Fact]
    public void Open_frame_longer_than_the_limit_throws_frame_exception()
    {
        var bytes = new byte[300];
        bytes[0] = 0x7E;
        foreach (var buffer in new[] { new ReadOnlySequence<byte>(bytes), Segments.SplitAt(bytes, 150) })
        {
            var b = buffer;
            Assert.Throws<FrameException>(() => NewSession(maxFrameBytes: 256).TryReadFrame(ref b, out _, out _));
        }

        // At the limit it is still just incomplete.
        var under = new ReadOnlySequence<byte>(bytes, 0, 256);
        Assert.False(NewSession(maxFrameBytes: 256).TryReadFrame(ref under, out _, out _));
    }

    [Fact]
    public void Closed_frame_longer_than_the_limit_throws_frame_exception()
    {
        var bytes = Hex(ProtocolVectors.At("jt808", 6).Hex);
        var buffer = new ReadOnlySequence<byte>(bytes);

        Assert.Throws<FrameException>(() => NewSession(maxFrameBytes: 128).TryReadFrame(ref buffer, out _, out _));
    }

    private static void AssertSame(Jt808Outcome expected, Jt808Outcome actual)
    {
        Assert.Equal(expected.Results, actual.Results);
        Assert.Equal(expected.ReplyHex, actual.ReplyHex);
        Assert.Equal(expected.Records.Count, actual.Records.Count);
        for (var i = 0; i < expected.Records.Count; i++)
        {
            var e = expected.Records.ToPositionRecord(i, "d");
            var a = actual.Records.ToPositionRecord(i, "d");
            Assert.Equal(e, a with { Io = e.Io });
            Assert.Equal(e.Io.Select(v => (v.Key, v.Number, v.Bytes is null ? null : Convert.ToHexString(v.Bytes))),
                a.Io.Select(v => (v.Key, v.Number, v.Bytes is null ? null : Convert.ToHexString(v.Bytes))));
        }
    }
}
