using System;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.OneNet.Ports;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Battery;

/// <summary>Saving a full outbox and event queue allocates nothing (the buffer is sized once for both full).</summary>
public class OutboxFileAllocationTests
{
    /// <summary>Copies into its own preallocated array, so only OutboxFile's allocations are measured.</summary>
    private sealed class FixedStorage(int size) : IStorage
    {
        public readonly byte[] Bytes = new byte[size];
        public int Count;
        public int Read(byte[] buffer) { Array.Copy(Bytes, buffer, Count); return Count; }
        public bool Write(byte[] buffer, int count) { Array.Copy(buffer, Bytes, count); Count = count; return true; }
    }

    [Fact]
    public void SavingAFullOutboxAllocatesNothing()
    {
        var clock = new VirtualClock { IsUtcValid = false };
        var table = new PropertyTable(4);
        table.Add("temperature", PropertyKind.Number, 1);
        table.Add("humidity", PropertyKind.Number, 1);
        var outbox = new Outbox(512, 65536, 10, 100, table, clock, new SimLog());
        for (int i = 0; i < 600; i++)
        {
            clock.Advance(1000);
            outbox.Add(i % 2, i * 0.5);
        }
        var storage = new FixedStorage(OutboxFile.MaxBytes(table, 512));
        var file = new OutboxFile(storage, table, 512, clock, new SimLog());
        file.Save(outbox); // builds the CRC table once

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) Assert.True(file.Save(outbox));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(OutboxFile.MaxBytes(table, 512), storage.Count);
    }

    [Fact]
    public void SavingAFullOutboxAndEventQueueAllocatesNothing()
    {
        var clock = new VirtualClock { IsUtcValid = false };
        var table = new PropertyTable(1);
        table.Add("temperature", PropertyKind.Number, 1);
        var events = new EventTable(2);
        events.Add("doorOpen", "open");
        events.Add("bell", "pressed");
        var outbox = new Outbox(64, 65536, 10, 100, table, clock, new SimLog());
        var queue = new EventOutbox(32, 10, events, clock, new SimLog());
        for (int i = 0; i < 80; i++)
        {
            clock.Advance(1000);
            outbox.Add(0, i);
            queue.Add(i % 2, i % 3 == 0);
        }
        int max = OutboxFile.MaxBytes(table, 64, events.Identifiers, 32);
        var storage = new FixedStorage(max);
        var file = new OutboxFile(storage, table, 64, events, 32, clock, new SimLog());
        file.Save(outbox, queue);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) Assert.True(file.Save(outbox, queue));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(max, storage.Count);
    }

    [Fact]
    public void AFileWithAHugeNameCountIsIgnoredWithoutAllocatingForIt()
    {
        var clock = new VirtualClock();
        var table = new PropertyTable(1);
        table.Add("temperature", PropertyKind.Number, 1);
        var outbox = new Outbox(16, 4096, 10, 16, table, clock, new SimLog());
        outbox.Add(0, 21);
        var storage = new FixedStorage(OutboxFile.MaxBytes(table, 16));
        var log = new SimLog();
        var file = new OutboxFile(storage, table, 16, clock, log);
        file.Save(outbox);
        storage.Bytes[3] = 0xFF; // 65535 names in a 60-byte file
        storage.Bytes[4] = 0xFF;
        uint crc = Crc32.Compute(storage.Bytes, 0, storage.Count - 4);
        BitConverter.GetBytes(crc).CopyTo(storage.Bytes, storage.Count - 4);

        long before = GC.GetAllocatedBytesForCurrentThread();
        int restored = file.Restore(new Outbox(16, 4096, 10, 16, table, clock, new SimLog()), 0);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, restored);
        Assert.Contains(log.Lines, l => l.Contains("bad identifier table"));
        Assert.True(allocated < 4096, allocated + " bytes"); // the outbox and the warning, not a 256 KB map
    }
}
