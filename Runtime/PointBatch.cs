namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The points of one post, preallocated and refilled: property index, value and UTC time (HasTime false when the
    /// clock was never valid for it). For a history post the points are grouped by property, oldest first in a group.
    /// </summary>
    public sealed class PointBatch
    {
        public readonly int[] Property;
        public readonly double[] Value;
        public readonly long[] UtcMilliseconds;
        public readonly bool[] HasTime;
        public int Count;

        public PointBatch(int capacity)
        {
            Property = new int[capacity];
            Value = new double[capacity];
            UtcMilliseconds = new long[capacity];
            HasTime = new bool[capacity];
        }

        public int Capacity { get { return Property.Length; } }
    }
}
