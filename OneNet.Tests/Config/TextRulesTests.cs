using nanoFramework.TestFramework;
using OneNetFirmware.OneNet.Config;

namespace NFUnitTest.OneNet.Config
{
    [TestClass]
    public class TextRulesTests
    {
        [TestMethod]
        [DataRow("node-01")]
        [DataRow("A")]
        [DataRow("mqtts-test-device")]
        [DataRow("a_b-C9")]
        public void DeviceNameAcceptsOneNetCharacters(string name)
        {
            Assert.IsTrue(TextRules.IsDeviceName(name));
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("node 01")]
        [DataRow("node/01")]
        [DataRow("nöde")]
        [DataRow("0123456789012345678901234567890123456789012345678901234567890123456789")]
        public void DeviceNameRejectsEverythingElse(string name)
        {
            Assert.IsFalse(TextRules.IsDeviceName(name));
        }

        [TestMethod]
        public void DeviceNameRejectsNull()
        {
            Assert.IsFalse(TextRules.IsDeviceName(null));
        }

        [TestMethod]
        [DataRow("temperature")]
        [DataRow("T")]
        [DataRow("relay_1")]
        [DataRow("abcdefghij0123456789")]
        public void IdentifierAcceptsConservativeRule(string identifier)
        {
            Assert.IsTrue(TextRules.IsIdentifier(identifier));
        }

        [TestMethod]
        [DataRow("1temp")]
        [DataRow("_temp")]
        [DataRow("$OneNET_LBS")]
        [DataRow("temp-1")]
        [DataRow("abcdefghij0123456789x")]
        public void IdentifierRejectsOutsideRule(string identifier)
        {
            Assert.IsFalse(TextRules.IsIdentifier(identifier));
        }

        [TestMethod]
        [DataRow("EnW4T71eIE55xOIQMN6pFMKuqel5T5HTzsGJRPiDhlM=")]
        [DataRow("QQ==")]
        [DataRow("QUI=")]
        [DataRow("QUJD")]
        public void Base64AcceptsValidKeys(string key)
        {
            Assert.IsTrue(TextRules.IsBase64(key));
        }

        [TestMethod]
        [DataRow("QQ=")]
        [DataRow("Q===")]
        [DataRow("QQ=A")]
        [DataRow("QU I")]
        [DataRow("QU-_")]
        public void Base64RejectsMalformedKeys(string key)
        {
            Assert.IsFalse(TextRules.IsBase64(key));
        }

        [TestMethod]
        [DataRow("0x44", 0x44)]
        [DataRow("0X5c", 0x5C)]
        [DataRow("68", 68)]
        [DataRow("0x7F", 127)]
        public void ParsesI2cAddresses(string text, int expected)
        {
            Assert.AreEqual(expected, TextRules.ParseI2cAddress(text));
        }

        [TestMethod]
        [DataRow("0x80")]
        [DataRow("128")]
        [DataRow("0x")]
        [DataRow("0x4G")]
        [DataRow("forty")]
        [DataRow("")]
        public void RejectsBadI2cAddresses(string text)
        {
            Assert.AreEqual(-1, TextRules.ParseI2cAddress(text));
        }
    }
}
