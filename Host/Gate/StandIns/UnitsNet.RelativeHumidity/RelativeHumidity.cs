// Compile-only stand-in: NANOFRAMEWORK.md §2.4 (UnitsNet.RelativeHumidity, Percent).
using System;

namespace UnitsNet
{
    public struct RelativeHumidity
    {
        public double Percent { get { throw new NotImplementedException(); } }
    }
}
