// Compile-only stand-in: NANOFRAMEWORK.md §2.4 (UnitsNet.Temperature, DegreesCelsius).
using System;

namespace UnitsNet
{
    public struct Temperature
    {
        public double DegreesCelsius { get { throw new NotImplementedException(); } }
    }
}
