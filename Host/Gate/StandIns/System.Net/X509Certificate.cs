// COMPILE-ONLY stand-in: nanoFramework.System.Net 1.11.60, NANOFRAMEWORK.md §2.7 (TLS: X509Certificate(string pem)).
using System;

namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        public X509Certificate(string pem) { throw new NotImplementedException(); }
    }
}
