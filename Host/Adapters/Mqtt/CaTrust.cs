using System.Security.Cryptography.X509Certificates;

namespace OneNetFirmware.Host.Mqtt
{
    /// <summary>Pins a private CA (OneNET's MQTTS root is in no public store): the server chain must end at exactly it.</summary>
    public static class CaTrust
    {
        public static bool IsSignedBy(X509Certificate serverCertificate, X509Certificate2 ca)
        {
            if (serverCertificate == null || ca == null) return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using var leaf = new X509Certificate2(serverCertificate);
            return chain.Build(leaf);
        }
    }
}
