// COMPILE-ONLY stand-in: nanoFramework.System.Security.Cryptography 1.0.43 (docs/packages.md), from
// nanoframework/System.Security.Cryptography v1.0.43 HMACSHA256.cs.
using System;

namespace System.Security.Cryptography
{
    public class HMACSHA256 : IDisposable
    {
        public HMACSHA256() { throw new NotImplementedException(); }
        public HMACSHA256(byte[] key) { throw new NotImplementedException(); }
        public byte[] ComputeHash(byte[] buffer) { throw new NotImplementedException(); }
        public void Dispose() { throw new NotImplementedException(); }
    }
}
