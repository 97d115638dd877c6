// COMPILE-ONLY stand-in: nanoFramework.System.Threading 1.1.52 (docs/packages.md). Only the members the firmware uses, from
// nanoframework/System.Threading v1.1.52 Threading/CancellationTokenSource.cs and CancellationToken.cs.
using System;

namespace System.Threading
{
    public class CancellationTokenSource : IDisposable
    {
        public CancellationTokenSource() { throw new NotImplementedException(); }
        public CancellationTokenSource(int millisecondsDelay) { throw new NotImplementedException(); }
        public CancellationToken Token { get { throw new NotImplementedException(); } }
        public void Dispose() { throw new NotImplementedException(); }
    }

    public struct CancellationToken
    {
        public bool IsCancellationRequested { get { throw new NotImplementedException(); } }
    }
}
