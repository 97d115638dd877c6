using System;
using nanoFramework.TestFramework;
using OneNetFirmware.OneNet;

namespace NFUnitTest.OneNet
{
    [TestClass]
    public class OneNetTokenTests
    {
        private const string KeyV1 = "EnW4T71eIE55xOIQMN6pFMKuqel5T5HTzsGJRPiDhlM=";

        // V1 of docs/onenet-protocol.md#the-token recomputed with method sha256 (the device's only HMAC) by python3:
        //   hmac.new(base64.b64decode(KeyV1), b"7557387130\nsha256\nproducts/238322/devices/mqtts-test-device\n2018-10-31",
        //            hashlib.sha256).digest()  and  urllib.parse.quote(sign, safe='')
        private static readonly byte[] MacV1Sha256 = { 133, 80, 31, 241, 1, 29, 187, 155, 248, 59, 251, 234, 66, 108, 141, 206, 73, 49, 84, 204, 239, 100, 234, 112, 182, 181, 215, 154, 28, 134, 187, 179 };
        private static readonly byte[] KeyV1Bytes = { 18, 117, 184, 79, 189, 94, 32, 78, 121, 196, 226, 16, 48, 222, 169, 20, 194, 174, 169, 233, 121, 79, 145, 211, 206, 193, 137, 68, 248, 131, 134, 83 };
        private const string MessageV1Sha256 = "7557387130\nsha256\nproducts/238322/devices/mqtts-test-device\n2018-10-31";

        private static FixedSigner SignerV1()
        {
            return new FixedSigner("sha256", KeyV1Bytes, MessageV1Sha256, MacV1Sha256);
        }

        [TestMethod]
        public void BuildsTheSha256TokenOfVectorV1ByteForByte()
        {
            string token = OneNetToken.Build("238322", "mqtts-test-device", KeyV1, "sha256", 7557387130, SignerV1());

            Assert.AreEqual("version=2018-10-31&res=products%2F238322%2Fdevices%2Fmqtts-test-device&et=7557387130&method=sha256&sign=hVAf8QEdu5v4O%2FvqQmyNzkkxVMzvZOpwtrXXmhyGu7M%3D", token);
        }

        [TestMethod]
        public void ResourceIsDeviceOrProductLevel()
        {
            Assert.AreEqual("products/238322/devices/mqtts-test-device", OneNetToken.Resource("238322", "mqtts-test-device"));
            Assert.AreEqual("products/123123", OneNetToken.Resource("123123", null));
            Assert.AreEqual("products/123123", OneNetToken.Resource("123123", ""));
        }

        [TestMethod]
        public void UrlEncodesExactlyTheEightCharactersWithUpperCaseHex()
        {
            Assert.AreEqual("%2B%20%2F%3F%25%23%26%3D-_.aZ09", OneNetToken.UrlEncode("+ /?%#&=-_.aZ09"));
            Assert.AreEqual("plain", OneNetToken.UrlEncode("plain"));
        }

        [TestMethod]
        public void RejectsAKeyThatIsNotBase64NamingTheField()
        {
            AssertRejects("238322", "dev", "not base64!", "sha256", "key");
            AssertRejects("238322", "dev", "", "sha256", "key");
        }

        [TestMethod]
        public void RejectsBadProductIdsAndDeviceNames()
        {
            AssertRejects("", "dev", KeyV1, "sha256", "productId");
            AssertRejects(null, "dev", KeyV1, "sha256", "productId");
            AssertRejects("23/8322", "dev", KeyV1, "sha256", "productId");
            AssertRejects("238322", "dev ice", KeyV1, "sha256", "deviceName");
            AssertRejects("238322", "01234567890123456789012345678901234567890123456789012345678901234", KeyV1, "sha256", "deviceName");
        }

        [TestMethod]
        public void RejectsUnknownOrUnsupportedMethods()
        {
            AssertRejects("238322", "dev", KeyV1, "sha512", "method");
            AssertRejects("238322", "dev", KeyV1, "sha1", "method"); // the signer supports sha256 only
        }

        [TestMethod]
        public void RejectsANonPositiveExpiry()
        {
            AssertRejects("238322", "dev", KeyV1, "sha256", "et", 0);
        }

        [TestMethod]
        public void ReportsAnExpiryInThePast()
        {
            Assert.IsTrue(OneNetToken.IsExpired(1000, 1000));
            Assert.IsTrue(OneNetToken.IsExpired(999, 1000));
            Assert.IsFalse(OneNetToken.IsExpired(1001, 1000));
        }

        private static void AssertRejects(string pid, string device, string key, string method, string field)
        {
            AssertRejects(pid, device, key, method, field, 7557387130);
        }

        private static void AssertRejects(string pid, string device, string key, string method, string field, long et)
        {
            try
            {
                OneNetToken.Build(pid, device, key, method, et, SignerV1());
            }
            catch (ArgumentException ex)
            {
                Assert.StartsWith(field, ex.Message);
                return;
            }
            Assert.IsTrue(false, "no ArgumentException for " + field);
        }
    }
}
