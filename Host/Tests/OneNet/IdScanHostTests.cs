using System;
using System.Text;
using OneNetFirmware.OneNet;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.OneNet;

/// <summary>
/// OneJsonReader.ScanId against the full reader on mutated payloads, and its allocation: recovering the id of an
/// unreadable downlink scans without allocating (only the id's text, when found, does).
/// </summary>
public class IdScanHostTests
{
    [Fact]
    public void ScanIdNeverContradictsAFullReadAndFindsEveryEarlyDigitId()
    {
        var random = new Random(77);
        var scanner = new OneJsonReader();
        var reader = new OneJsonReader();
        byte[][] seeds = Array.ConvertAll(ReaderFuzzTests.Seeds, Encoding.UTF8.GetBytes);
        byte[] buffer = new byte[512];
        int recovered = 0, agreed = 0;
        for (int run = 0; run < 200_000; run++)
        {
            int length = ReaderFuzzTests.NextPayload(random, seeds, buffer, run);
            bool found = scanner.ScanId(buffer, 0, length);
            if (found)
            {
                recovered++;
                Assert.InRange(scanner.IdLength, 1, OneJsonReader.MaxIdDigits);
            }
            if (reader.Read(buffer, 0, length) != ReplyCodes.Success || reader.IdNumber < 0) continue;
            bool early = reader.IdOffset + reader.IdLength < OneJsonReader.IdScanBytes; // its closing quote is scanned
            if (found || early)
            {
                agreed++;
                Assert.True(found, Encoding.UTF8.GetString(buffer, 0, length));
                Assert.Equal(reader.IdNumber, scanner.IdNumber);
            }
        }
        Assert.InRange(recovered, 1000, 199_000);
        Assert.True(agreed > 1000, agreed.ToString());
    }

    [Fact]
    public void ScanIdAllocatesNothing()
    {
        var reader = new OneJsonReader();
        byte[][] payloads =
        [
            Encoding.UTF8.GetBytes("{\"id\":\"12\",\"version\":\"1.0\",\"params\":{\"relay1\":tru"),
            Encoding.UTF8.GetBytes("{\"params\":{\"id\":\"5\",\"a\":[1,{\"b\":null}]},\"id\":\"6\",\"x\":\"" + new string('x', 2000)),
            Encoding.UTF8.GetBytes("relay1=on"),
            [0xFF, 0x00, 0xFE, 0x7B, 0x22, 0x80, 0x01],
        ];
        long ids = 0;
        foreach (byte[] p in payloads) reader.ScanId(p, 0, p.Length);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            foreach (byte[] p in payloads)
            {
                if (reader.ScanId(p, 0, p.Length)) ids += reader.IdNumber;
            }
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1000L * (12 + 6), ids);
    }

    [Fact]
    public void TheQueueKeepsAnOversizePayloadItselfWithoutAllocating()
    {
        var queue = new DownlinkQueue(2, 64, 256);
        byte[] big = Encoding.UTF8.GetBytes("{\"id\":\"77\",\"params\":{\"pad\":\"" + new string('x', 500) + "\"}}");
        queue.Enqueue(DownlinkKind.PropertySet, null, big);
        queue.Dequeue(out _, out _, out _, out _);

        long before = GC.GetAllocatedBytesForCurrentThread();
        queue.Enqueue(DownlinkKind.PropertySet, null, big);
        int length = queue.Dequeue(out byte[] payload, out DownlinkKind kind, out string service, out bool tooLarge);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Same(big, payload);
        Assert.Equal(64, length);
        Assert.True(tooLarge);
        Assert.Equal(DownlinkKind.PropertySet, kind);
        Assert.Null(service);
        Assert.Equal(0, queue.Dropped);
    }
}
