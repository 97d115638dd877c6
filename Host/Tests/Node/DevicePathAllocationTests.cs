using System;
using System.Text;
using OneNetFirmware.Runtime.Node;
using OneNetFirmware.OneNet;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Node;

/// <summary>
/// The payloads and replies of the device path through the real OneJsonPayloadWriter and OneJsonDownlinkParser (no
/// fakes on the measured path): once warm, posts and matched replies allocate nothing, and a command allocates only
/// what it needs (its id), not per member. HotPathIlTests checks the same methods for literals, which the host cannot
/// see allocate (docs/performance.md).
/// </summary>
public class DevicePathAllocationTests
{
    private const long Time = 1_764_000_000_123;
    private readonly PropertyTable _table = new(8);
    private readonly EventTable _events = new(2);
    private readonly OneJsonPayloadWriter _writer = new();
    private readonly OneJsonDownlinkParser _parser;
    private readonly DownlinkMessage _message = new(16);
    private readonly byte[] _buffer = new byte[1024];
    private readonly PointBatch _points = new(4);
    private readonly DiagnosticsSnapshot _diagnostics;

    public DevicePathAllocationTests()
    {
        _table.Add("temperature", PropertyKind.Number, 2);
        _table.Add("humidity", PropertyKind.Number, 1);
        _table.Add("door", PropertyKind.Bool, 0);
        _table.Add(RuntimeSettings.ReportIntervalIdentifier, PropertyKind.Integer, 0);
        _table.Add(RuntimeSettings.SampleIntervalIdentifier, PropertyKind.Integer, 0);
        _events.Add("door_opened", "open");
        _parser = new OneJsonDownlinkParser(_table);
        _points.Count = 3;
        for (int i = 0; i < 3; i++)
        {
            _points.Property[i] = i;
            _points.HasTime[i] = true;
        }
        _diagnostics = new DiagnosticsSnapshot(sensors: 1) { LastResetReason = "power on" };
    }

    [Fact]
    public void AnHourOfPostsAndTheirRepliesAllocatesNothing()
    {
        // The platform's replies, their ids written in place (leading zeros read as the same number).
        byte[] reply = Encoding.UTF8.GetBytes("{\"id\":\"0000000000\",\"code\":200,\"msg\":\"success\"}");
        int idAt = Array.IndexOf(reply, (byte)'0');
        int matched = 0;
        int id = 0;
        void Post(int length)
        {
            Assert.True(length > 0);
            id++;
            for (int v = id, p = idAt + 9; p >= idAt; p--, v /= 10) reply[p] = (byte)('0' + v % 10);
            Assert.True(_parser.Parse(DownlinkKind.PostReply, reply, reply.Length, _message));
            if (_message.TryGetRequestId(out int replied) && replied == id && _message.Code == ReplyCodes.Success) matched++;
        }
        void Second(int s)
        {
            long now = Time + s * 1000L;
            if (s % 5 == 0)
            {
                for (int i = 0; i < 3; i++)
                {
                    _points.Value[i] = i == 2 ? s / 5 % 2 : 20 + s % 17 * 0.37;
                    _points.UtcMilliseconds[i] = now;
                }
                Post(_writer.WritePropertyPost(_buffer, id + 1, _table, _points));
            }
            if (s % 7 == 0) Post(_writer.WriteEventPost(_buffer, id + 1, _events, 0, s % 14 == 0, now));
            if (s % 60 == 0)
            {
                _diagnostics.UptimeSeconds = s;
                _diagnostics.FreeMemoryBytes = 60_000 - s % 1000;
                Post(_writer.WriteDiagnosticsPost(_buffer, id + 1, _diagnostics));
            }
            if (s % 600 == 0) Post(_writer.WriteHistoryPost(_buffer, id + 1, _table, _points));
        }
        for (int s = 0; s < 60; s++) Second(s); // warm: each identifier's key is encoded once

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int s = 60; s < 3660; s++) Second(s);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(matched > 720 + 514 + 60, $"only {matched} of {id} replies matched");
        Assert.Equal(id, matched);
    }

    [Fact]
    public void DesiredRepliesAllocateNothingAndARefusalDecodesItsMessage()
    {
        byte[] got = Encoding.UTF8.GetBytes("{\"id\":\"41\",\"code\":200,\"msg\":\"success\",\"data\":{\"report_interval\":{\"value\":30,\"version\":3},\"sample_interval\":{\"value\":\"10\"}}}");
        byte[] deleted = Encoding.UTF8.GetBytes("{\"id\":\"42\",\"code\":200,\"msg\":\"success\"}");
        byte[] refused = Encoding.UTF8.GetBytes("{\"id\":\"43\",\"code\":2402,\"msg\":\"version mismatch\"}");
        Assert.True(_parser.Parse(DownlinkKind.DesiredGetReply, got, got.Length, _message));

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            Assert.True(_parser.Parse(DownlinkKind.DesiredGetReply, got, got.Length, _message));
            Assert.True(_parser.Parse(DownlinkKind.DesiredDeleteReply, deleted, deleted.Length, _message));
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(_parser.Parse(DownlinkKind.DesiredGetReply, got, got.Length, _message));
        Assert.Equal(41, _message.IdNumber);
        Assert.Equal([RuntimeSettings.ReportIntervalIdentifier, RuntimeSettings.SampleIntervalIdentifier], _message.Names[..2]);
        Assert.Equal([30.0, 10.0], _message.Numbers[..2]);
        Assert.Equal([3L, -1L], _message.Versions[..2]);
        Assert.Null(_message.Msg);
        Assert.True(_parser.Parse(DownlinkKind.PostReply, refused, refused.Length, _message));
        Assert.Equal((43, 2402, "version mismatch"), (_message.IdNumber, _message.Code, _message.Msg));
    }

    [Fact]
    public void ASetAllocatesItsIdOnlyNotPerMember()
    {
        // Same id, one member or four: the same bytes, so nothing is allocated per member.
        byte[] one = Encoding.UTF8.GetBytes("{\"id\":\"7\",\"version\":\"1.0\",\"params\":{\"report_interval\":30}}");
        byte[] four = Encoding.UTF8.GetBytes("{\"id\":\"7\",\"version\":\"1.0\",\"params\":{\"report_interval\":30,\"sample_interval\":\"5\",\"door\":true,\"humidity\":1}}");
        long Allocated(byte[] set)
        {
            Assert.True(_parser.Parse(DownlinkKind.PropertySet, set, set.Length, _message));
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++) _parser.Parse(DownlinkKind.PropertySet, set, set.Length, _message);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        long oneMember = Allocated(one);
        long fourMembers = Allocated(four);

        Assert.Equal(oneMember, fourMembers);
        Assert.True(oneMember > 0, "the id is decoded: the reply echoes it");
        Assert.Equal("7", _message.Id);
        Assert.Equal(4, _message.Count);
        Assert.Same(_table.Identifier(2), _message.Names[2]);
    }
}
