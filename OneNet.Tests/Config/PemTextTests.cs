using nanoFramework.TestFramework;
using OneNetFirmware.OneNet.Config;

namespace NFUnitTest.OneNet.Config
{
    [TestClass]
    public class PemTextTests
    {
        [TestMethod]
        public void AcceptsACertificateBlock()
        {
            Assert.IsTrue(PemText.IsCertificate("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n"));
        }

        [TestMethod]
        public void AcceptsTextAroundTheBlock()
        {
            Assert.IsTrue(PemText.IsCertificate("subject=CN=x\r\n-----BEGIN CERTIFICATE-----\r\nAAAA\r\n-----END CERTIFICATE-----\r\n"));
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("MIIBszCCAVmgAwIBAgIU")]
        [DataRow("-----BEGIN CERTIFICATE-----\nAAAA\n")]
        [DataRow("-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----")]
        [DataRow("-----END CERTIFICATE-----\nAAAA\n-----BEGIN CERTIFICATE-----")]
        [DataRow("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")]
        public void RejectsAnythingElse(string text)
        {
            Assert.IsFalse(PemText.IsCertificate(text));
        }

        [TestMethod]
        public void RejectsNull()
        {
            Assert.IsFalse(PemText.IsCertificate(null));
        }
    }
}
