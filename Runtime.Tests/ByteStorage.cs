using OneNetFirmware.OneNet.Ports;
using OneNetFirmware.Runtime;

namespace NFUnitTest.Runtime
{
    /// <summary>IStorage in memory for the portable tests: Bytes is the "file" (null = none), open to corruption.</summary>
    public sealed class ByteStorage : IStorage
    {
        public byte[] Bytes;
        public int Writes;

        public int Read(byte[] buffer)
        {
            if (Bytes == null)
            {
                return 0;
            }
            if (Bytes.Length > buffer.Length)
            {
                return -1;
            }
            System.Array.Copy(Bytes, buffer, Bytes.Length);
            return Bytes.Length;
        }

        public bool Write(byte[] buffer, int count)
        {
            Writes++;
            if (count == 0)
            {
                Bytes = null;
                return true;
            }
            Bytes = new byte[count];
            System.Array.Copy(buffer, Bytes, count);
            return true;
        }
    }

    /// <summary>Collects what Outbox.ForEachPending hands out.</summary>
    public sealed class PendingList : IOutboxVisitor
    {
        public int Count;
        public int[] Property = new int[64];
        public double[] Value = new double[64];
        public bool[] HasUtc = new bool[64];
        public long[] UtcMs = new long[64];

        public void Visit(int property, double value, bool hasUtc, long timeMs)
        {
            Property[Count] = property;
            Value[Count] = value;
            HasUtc[Count] = hasUtc;
            UtcMs[Count] = hasUtc ? timeMs : 0;
            Count++;
        }

        public static PendingList Of(Outbox outbox)
        {
            var list = new PendingList();
            outbox.ForEachPending(list);
            return list;
        }
    }

    /// <summary>Collects an event queue's unacknowledged events (EventOutbox.ForEachPending), oldest first.</summary>
    public sealed class PendingEvents : IEventVisitor
    {
        public int Count;
        public int[] Event = new int[64];
        public bool[] Value = new bool[64];
        public bool[] HasUtc = new bool[64];
        public long[] UtcMs = new long[64];

        public void VisitEvent(int eventIndex, bool value, bool hasUtc, long timeMs)
        {
            Event[Count] = eventIndex;
            Value[Count] = value;
            HasUtc[Count] = hasUtc;
            UtcMs[Count] = hasUtc ? timeMs : 0;
            Count++;
        }

        public static PendingEvents Of(EventOutbox events)
        {
            var list = new PendingEvents();
            events.ForEachPending(list);
            return list;
        }
    }
}
