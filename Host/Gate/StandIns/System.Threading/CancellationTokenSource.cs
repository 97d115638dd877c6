// COMPILE-ONLY stand-in: nanoFramework.System.Threading 1.1.52, NANOFRAMEWORK.md §2.13. Only the members the firmware uses.
using System;

namespace System.Threading
{
    public class CancellationTokenSource : IDisposable
    {
        public CancellationTokenSource(int millisecondsDelay) { throw new NotImplementedException(); }
        public CancellationToken Token { get { throw new NotImplementedException(); } }
        public void Dispose() { throw new NotImplementedException(); }
    }

    public struct CancellationToken
    {
        public bool IsCancellationRequested { get { throw new NotImplementedException(); } }
    }
}
