// COMPILE-ONLY stand-in: UnitsNet.nanoFramework.Temperature 5.75.0 (docs/packages.md; angularsen/UnitsNet UnitsNet/5.75.0).
using System;

namespace UnitsNet
{
    public struct Temperature
    {
        public double DegreesCelsius { get { throw new NotImplementedException(); } }
    }
}
