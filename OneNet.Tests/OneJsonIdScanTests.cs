using nanoFramework.TestFramework;
using OneNetFirmware.OneNet;

namespace NFUnitTest.OneNet
{
    /// <summary>OneJsonReader.ScanId: the id of a downlink that cannot be read, or null when it is not certain.</summary>
    [TestClass]
    public class OneJsonIdScanTests
    {
        private static string Scan(string text)
        {
            byte[] b = Bytes.Of(text);
            var r = new OneJsonReader();
            return r.ScanId(b, 0, b.Length) ? r.IdText() : null;
        }

        [TestMethod]
        [DataRow("{\"id\":\"12\",\"version\":\"1.0\",\"params\":{\"relay1\":tru", "12")]
        [DataRow("{\"id\":\"1234567890123\"", "1234567890123")]
        [DataRow("{\"id\":\"7\"}", "7")]
        [DataRow("{\"id\":\"7\"", "7")]
        [DataRow(" \r\n\t{ \"id\" \t:\n \"42\" , \"params\":[", "42")]
        [DataRow("{\"version\":\"1.0\",\"id\":\"9\",\"params\":{\"a\":", "9")]
        [DataRow("{\"params\":{\"id\":\"5\",\"b\":[1,{\"c\":null}]},\"x\":true,\"id\":\"6\",\"y\":", "6")]
        [DataRow("{\"id\":\"3\",\"params\":{\"relay1\":true}}}}", "3")]
        public void FindsTheTopLevelDigitId(string payload, string id)
        {
            Assert.AreEqual(id, Scan(payload));
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("relay1=on")]
        [DataRow("[{\"id\":\"1\"}]")]
        [DataRow("{\"id\":7,\"params\":{}}")]
        [DataRow("{\"id\":\"x1\",\"params\":{}}")]
        [DataRow("{\"id\":\"\",\"params\":{}}")]
        [DataRow("{\"id\":\"12345678901234\",\"params\":{}}")]
        [DataRow("{\"id\":\"-1\",\"params\":{}}")]
        [DataRow("{\"id\":\"1 2\",\"params\":{}}")]
        [DataRow("{\"id\":\"\\u0031\",\"params\":{}}")]
        [DataRow("{\"id\":null}")]
        [DataRow("{\"id\":{\"id\":\"1\"}}")]
        [DataRow("{\"id\":\"12")]
        [DataRow("{\"id\":\"12\"x,\"params\":{}}")]
        [DataRow("{\"id\"")]
        [DataRow("{\"id\":")]
        [DataRow("{\"params\":{\"id\":\"5\"")]
        [DataRow("{\"params\":{\"id\":\"5\"}}")]
        [DataRow("{\"params\":{\"a\":1]},\"id\":\"5\"}")]
        [DataRow("{\"params\":tru,\"id\":\"5\"}")]
        [DataRow("{\"params\":01,\"id\":\"5\"}")]
        [DataRow("{params:1,\"id\":\"5\"}")]
        [DataRow("{\"a\":1 \"id\":\"5\"}")]
        [DataRow("{\"Id\":\"5\"}")]
        [DataRow("{\"ids\":\"5\"}")]
        [DataRow("{\"a\":1}")]
        [DataRow("{}")]
        public void GivesNoIdWhenItIsNotCertain(string payload)
        {
            Assert.IsNull(Scan(payload));
        }

        [TestMethod]
        public void GarbageBytesAndBrokenUtf8BeforeTheIdGiveNoId()
        {
            var r = new OneJsonReader();
            byte[] garbage = { 0xFF, 0x00, 0xFE, 0x7B, 0x22, 0x80, 0x01 };
            Assert.IsFalse(r.ScanId(garbage, 0, garbage.Length));
            byte[] utf8 = Bytes.Of("{\"n\":\"\u00C0\",\"id\":\"5\"}"); // a lone 0xC0 lead byte
            Assert.IsFalse(r.ScanId(utf8, 0, utf8.Length));
            Assert.IsFalse(r.ScanId(null, 0, 0));
            Assert.IsFalse(r.ScanId(garbage, 5, 5));
        }

        [TestMethod]
        public void LooksOnlyAtTheFirstBytesAndAtTheGivenRange()
        {
            string pad = "";
            while (pad.Length < OneJsonReader.IdScanBytes) pad += "xxxxxxxx";
            Assert.IsNull(Scan("{\"pad\":\"" + pad + "\",\"id\":\"5\"}"));
            Assert.AreEqual("5", Scan("{\"id\":\"5\",\"pad\":\"" + pad + pad + "\"}"));
            byte[] b = Bytes.Of("zz{\"id\":\"81\"}zz");
            var r = new OneJsonReader();
            Assert.IsTrue(r.ScanId(b, 2, b.Length - 4));
            Assert.AreEqual(81L, r.IdNumber);
            Assert.AreEqual(9, r.IdOffset);
            Assert.AreEqual(2, r.IdLength);
        }

        [TestMethod]
        public void LeavesOnlyTheIdBehind()
        {
            var r = new OneJsonReader();
            byte[] b = Bytes.Of("{\"id\":\"4\",\"code\":200,\"msg\":\"x\",\"params\":{\"a\":1},\"data\":[");
            Assert.IsTrue(r.ScanId(b, 0, b.Length));
            Assert.AreEqual(-1, r.Code);
            Assert.IsNull(r.MsgText());
            Assert.AreEqual(JsonKind.None, r.ParamsKind);
            Assert.IsFalse(r.OpenParams());
            // A later Read of another payload is not affected.
            byte[] ok = Bytes.Of("{\"id\":\"9\",\"params\":{}}");
            Assert.AreEqual(ReplyCodes.Success, r.Read(ok, 0, ok.Length));
            Assert.AreEqual("9", r.IdText());
            Assert.IsFalse(r.ScanId(Bytes.Of("{\"a\":"), 0, 5));
            Assert.AreEqual(-1, r.IdLength);
        }

        [TestMethod]
        public void TenThousandRandomByteStringsNeverThrowAndOnlyYieldDigitIds()
        {
            // JSON-ish bytes make partial objects likely; a fixed LCG keeps the run the same everywhere.
            byte[] alphabet = Bytes.Of("{}[]\":,id0123456789 tnx\\-.e");
            byte[] b = new byte[160];
            var r = new OneJsonReader();
            uint seed = 12345;
            int found = 0;
            for (int n = 0; n < 10000; n++)
            {
                seed = seed * 1664525 + 1013904223;
                int length = (int)(seed >> 8) % b.Length;
                for (int i = 0; i < length; i++)
                {
                    seed = seed * 1664525 + 1013904223;
                    int pick = (int)(seed >> 16) % (alphabet.Length + 8);
                    b[i] = pick < alphabet.Length ? alphabet[pick] : (byte)(seed >> 24);
                }
                if (n % 2 == 0 && length > 9)
                {
                    // Every other one starts like a request, half of those with a complete one-digit id.
                    b[0] = (byte)'{'; b[1] = (byte)'"'; b[2] = (byte)'i'; b[3] = (byte)'d'; b[4] = (byte)'"'; b[5] = (byte)':'; b[6] = (byte)'"';
                    if (n % 4 == 0)
                    {
                        b[7] = (byte)('0' + n % 10);
                        b[8] = (byte)'"';
                    }
                }
                if (r.ScanId(b, 0, length))
                {
                    found++;
                    Assert.IsTrue(r.IdLength >= 1 && r.IdLength <= OneJsonReader.MaxIdDigits);
                    Assert.IsTrue(r.IdNumber >= 0);
                }
            }
            Assert.IsTrue(found > 0, "no random payload had a recoverable id");
        }
    }
}
