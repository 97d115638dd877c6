using System;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Host.Tests.Battery
{
    /// <summary>IStorage in memory for the battery tests: the bytes survive as long as the object, i.e. across simulated sleeps.</summary>
    public sealed class MemoryStorage : IStorage
    {
        public byte[] Bytes = [];
        public int Writes;

        public int Read(byte[] buffer)
        {
            if (Bytes.Length > buffer.Length) return -1;
            Bytes.CopyTo(buffer, 0);
            return Bytes.Length;
        }

        public bool Write(byte[] buffer, int count)
        {
            Writes++;
            Bytes = buffer.AsSpan(0, count).ToArray();
            return true;
        }
    }
}
