// COMPILE-ONLY stand-in: nanoFramework.System.Net 1.11.60 (docs/packages.md): X509Certificate, constructors copied from
// nanoframework/System.Net v1.11.54 X509Certificates/X509Certificate.cs.
using System;

namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        public X509Certificate() { throw new NotImplementedException(); }

        public X509Certificate(string certificate) { throw new NotImplementedException(); }
    }
}
