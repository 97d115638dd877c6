// COMPILE-ONLY stand-in: UnitsNet.nanoFramework.RelativeHumidity 5.75.0 (docs/packages.md; angularsen/UnitsNet UnitsNet/5.75.0).
using System;

namespace UnitsNet
{
    public struct RelativeHumidity
    {
        public double Percent { get { throw new NotImplementedException(); } }
    }
}
