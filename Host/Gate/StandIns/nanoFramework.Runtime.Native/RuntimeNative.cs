// COMPILE-ONLY stand-in: nanoFramework.Runtime.Native 1.7.11 (docs/packages.md). Only the members the firmware uses, from
// nanoframework/nanoFramework.Runtime.Native v1.7.11 (Power.cs, GC.cs, System/Environment.cs).
using System;

namespace nanoFramework.Runtime.Native
{
    public enum RebootOption
    {
        NormalReboot = 0,
        EnterNanoBooter = 1,
        ClrOnly = 2,
        EnterProprietaryBooter = 8
    }

    public class Power
    {
        public static void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot) { throw new NotImplementedException(); }
    }

    public static class GC
    {
        public static uint Run(bool compactHeap) { throw new NotImplementedException(); }
    }
}

namespace System
{
    public static class Environment
    {
        public static long TickCount64 { get { throw new NotImplementedException(); } }
    }
}
