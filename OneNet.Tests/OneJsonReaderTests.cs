using nanoFramework.TestFramework;
using OneNetFirmware.OneNet;

namespace NFUnitTest.OneNet
{
    [TestClass]
    public class OneJsonReaderTests
    {
        private static OneJsonReader Read(string json)
        {
            byte[] b = Bytes.Of("xx" + json + "yy");
            var r = new OneJsonReader();
            Assert.AreEqual(ReplyCodes.Success, r.Read(b, 2, b.Length - 4));
            return r;
        }

        private static int Status(string json)
        {
            byte[] b = Bytes.Of(json);
            return new OneJsonReader().Read(b, 0, b.Length);
        }

        [TestMethod]
        public void ReadsAReply()
        {
            OneJsonReader r = Read("{\"id\":\"12\",\"code\":200,\"msg\":\"success\"}");
            Assert.AreEqual(12L, r.IdNumber);
            Assert.AreEqual("12", r.IdText());
            Assert.AreEqual(200, r.Code);
            Assert.AreEqual("success", r.MsgText());
        }

        [TestMethod]
        public void ReadsAPropertySetWithItsValueTypes()
        {
            OneJsonReader r = Read(" { \"id\" : \"5\", \"version\":\"1.0\", \"params\" : {\"temperature\": 30.5, \"on\":true, \"mode\":\"eco\\n\", \"n\": -12, \"o\":{\"a\":[1]}} } ");
            Assert.IsTrue(r.OpenParams());
            double d;
            long l;
            bool b;
            Assert.IsTrue(r.NextMember());
            Assert.IsTrue(r.NameEquals("temperature"));
            Assert.IsTrue(r.TryGetDouble(out d));
            Assert.AreEqual(30.5, d);
            Assert.IsFalse(r.TryGetLong(out l));
            Assert.IsTrue(r.NextMember());
            Assert.AreEqual(JsonKind.True, r.ValueKind);
            Assert.IsTrue(r.TryGetBool(out b));
            Assert.IsTrue(b);
            Assert.IsTrue(r.NextMember());
            Assert.AreEqual("mode", r.NameText());
            Assert.AreEqual("eco\n", r.ValueText());
            Assert.IsFalse(r.TryGetDouble(out d));
            Assert.IsTrue(r.NextMember());
            Assert.IsTrue(r.TryGetLong(out l));
            Assert.AreEqual(-12L, l);
            Assert.IsTrue(r.NextMember());
            Assert.AreEqual(JsonKind.Object, r.ValueKind);
            Assert.IsFalse(r.NextMember());
            Assert.IsFalse(r.NextMember());
        }

        [TestMethod]
        public void ReadsAPropertyGetArray()
        {
            OneJsonReader r = Read("{\"id\":\"7\",\"version\":\"1.0\",\"params\":[\"temperature\",\"humidity\"]}");
            Assert.AreEqual(JsonKind.Array, r.ParamsKind);
            Assert.IsTrue(r.OpenParams());
            Assert.IsTrue(r.NextElement());
            Assert.IsTrue(r.ValueEquals("temperature"));
            Assert.IsTrue(r.NextElement());
            Assert.IsTrue(r.ValueEquals("humidity"));
            Assert.IsFalse(r.NextElement());
        }

        [TestMethod]
        public void ReadsADesiredGetReply()
        {
            OneJsonReader r = Read("{\"id\":\"8\",\"code\":200,\"msg\":\"success\",\"data\":{\"power\":{\"value\":\"on\",\"version\":2},\"t\":{\"version\":3,\"value\":21.5},\"bad\":4}}");
            long version;
            double d;
            Assert.IsTrue(r.OpenData());
            Assert.IsTrue(r.NextMember());
            Assert.IsTrue(r.SelectDesired(out version));
            Assert.AreEqual(2L, version);
            Assert.AreEqual("on", r.ValueText());
            Assert.IsTrue(r.NextMember());
            Assert.IsTrue(r.NameEquals("t"));
            Assert.IsTrue(r.SelectDesired(out version));
            Assert.IsTrue(r.NameEquals("t"));
            Assert.AreEqual(3L, version);
            Assert.IsTrue(r.TryGetDouble(out d));
            Assert.AreEqual(21.5, d);
            Assert.IsTrue(r.NextMember());
            Assert.IsFalse(r.SelectDesired(out version));
            Assert.IsFalse(r.NextMember());
        }

        [TestMethod]
        [DataRow("\"30.5\"", 30.5)]
        [DataRow("\"-2\"", -2.0)]
        [DataRow("\"1e3\"", 1000.0)]
        [DataRow("\"0\"", 0.0)]
        public void ReadsANumberWrittenAsAString(string value, double expected)
        {
            OneJsonReader r = Read("{\"id\":\"5\",\"params\":{\"t\":" + value + "}}");
            double d;
            r.OpenParams();
            Assert.IsTrue(r.NextMember());
            Assert.IsTrue(r.TryGetNumberInString(out d));
            Assert.AreEqual(expected, d);
            Assert.IsFalse(r.TryGetDouble(out d)); // still a string to the plain accessor
        }

        [TestMethod]
        [DataRow("\"\"")]
        [DataRow("\" 30\"")]
        [DataRow("\"30 \"")]
        [DataRow("\"30.\"")]
        [DataRow("\"+3\"")]
        [DataRow("\"0x10\"")]
        [DataRow("\"01\"")]
        [DataRow("\"NaN\"")]
        [DataRow("\"Infinity\"")]
        [DataRow("\"\\u0033\"")]
        [DataRow("\"on\"")]
        [DataRow("\"1e999\"")]
        [DataRow("30")]
        [DataRow("true")]
        public void RefusesAnythingElseAsAQuotedNumber(string value)
        {
            OneJsonReader r = Read("{\"id\":\"5\",\"params\":{\"t\":" + value + "}}");
            double d;
            r.OpenParams();
            Assert.IsTrue(r.NextMember());
            Assert.IsFalse(r.TryGetNumberInString(out d));
        }

        [TestMethod]
        public void ReadsTrueAndFalseWrittenAsStrings()
        {
            OneJsonReader r = Read("{\"id\":\"5\",\"params\":{\"a\":\"true\",\"b\":\"false\",\"c\":\"True\",\"d\":true}}");
            bool b;
            r.OpenParams();
            r.NextMember(); Assert.IsTrue(r.TryGetBoolInString(out b)); Assert.IsTrue(b);
            r.NextMember(); Assert.IsTrue(r.TryGetBoolInString(out b)); Assert.IsFalse(b);
            r.NextMember(); Assert.IsFalse(r.TryGetBoolInString(out b));
            r.NextMember(); Assert.IsFalse(r.TryGetBoolInString(out b));
        }

        [TestMethod]
        public void ReadsNumbersOfEveryShape()
        {
            OneJsonReader r = Read("{\"params\":[0,-0.5,1e3,2.5E-2,123456789012345678901234567890,1e400,9223372036854775807,-9223372036854775808,9223372036854775808]}");
            double d;
            long l;
            r.OpenParams();
            r.NextElement(); Assert.IsTrue(r.TryGetDouble(out d)); Assert.AreEqual(0.0, d);
            r.NextElement(); Assert.IsTrue(r.TryGetDouble(out d)); Assert.AreEqual(-0.5, d);
            r.NextElement(); Assert.IsTrue(r.TryGetDouble(out d)); Assert.AreEqual(1000.0, d);
            r.NextElement(); Assert.IsTrue(r.TryGetDouble(out d)); Assert.AreEqual(0.025, d);
            r.NextElement(); Assert.IsTrue(r.TryGetDouble(out d)); Assert.IsTrue(d > 1.2345e29 && d < 1.2346e29);
            r.NextElement(); Assert.IsFalse(r.TryGetDouble(out d));
            r.NextElement(); Assert.IsTrue(r.TryGetLong(out l)); Assert.AreEqual(long.MaxValue, l);
            r.NextElement(); Assert.IsTrue(r.TryGetLong(out l)); Assert.AreEqual(long.MinValue, l);
            r.NextElement(); Assert.IsFalse(r.TryGetLong(out l));
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("[]")]
        [DataRow("{")]
        [DataRow("{\"id\":\"1\"")]
        [DataRow("{\"id\":\"1\",}")]
        [DataRow("{\"id\":01}")]
        [DataRow("{\"id\":\"1\"}x")]
        [DataRow("{\"id\":\"1\",\"id\":\"2\"}")]
        [DataRow("{\"a\":tru}")]
        [DataRow("{\"a\":\"\\x\"}")]
        [DataRow("{\"a\":\"\\u12\"}")]
        [DataRow("{\"a\":[1,2}")]
        [DataRow("{\"a\":1.}")]
        [DataRow("{\"a\":-}")]
        [DataRow("{\"a\":[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]}")]
        public void RejectsMalformedPayloads(string json)
        {
            Assert.AreEqual(ReplyCodes.Malformed, Status(json));
        }

        [TestMethod]
        public void RejectsInvalidUtf8AndControlCharacters()
        {
            byte[][] bad =
            {
                new byte[] { (byte)'{', (byte)'"', 0xC3, (byte)'"', (byte)':', (byte)'1', (byte)'}' },
                new byte[] { (byte)'{', (byte)'"', 0xC0, 0x80, (byte)'"', (byte)':', (byte)'1', (byte)'}' },
                new byte[] { (byte)'{', (byte)'"', 0xED, 0xA0, 0x80, (byte)'"', (byte)':', (byte)'1', (byte)'}' },
                new byte[] { (byte)'{', (byte)'"', 0x01, (byte)'"', (byte)':', (byte)'1', (byte)'}' },
            };
            var r = new OneJsonReader();
            for (int i = 0; i < bad.Length; i++) Assert.AreEqual(ReplyCodes.Malformed, r.Read(bad[i], 0, bad[i].Length));
            Assert.AreEqual(ReplyCodes.Malformed, r.Read(null, 0, 0));
            Assert.AreEqual(ReplyCodes.Malformed, r.Read(new byte[4], 2, 5));
        }

        [TestMethod]
        public void DecodesUtf8AndEscapesIntoStrings()
        {
            byte[] b = { (byte)'{', (byte)'"', (byte)'m', (byte)'s', (byte)'g', (byte)'"', (byte)':', (byte)'"', 0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80, (byte)'\\', (byte)'u', (byte)'4', (byte)'e', (byte)'2', (byte)'d', (byte)'"', (byte)'}' };
            var r = new OneJsonReader();
            Assert.AreEqual(ReplyCodes.Success, r.Read(b, 0, b.Length));
            Assert.AreEqual("\u00e9\ud83d\ude00\u4e2d", r.MsgText());
        }

        [TestMethod]
        [DataRow("{\"id\":\"12345678901234\"}")]
        [DataRow("{\"id\":\"\"}")]
        [DataRow("{\"id\":\"1a\"}")]
        public void IdsThatAreNotOneToThirteenDigitsHaveNoNumber(string json)
        {
            Assert.AreEqual(-1L, Read(json).IdNumber);
        }

        [TestMethod]
        public void MissingEnvelopeMembersAreReported()
        {
            OneJsonReader r = Read("{\"id\":5,\"code\":\"200\"}");
            Assert.AreEqual(-1, r.IdLength);
            Assert.AreEqual(-1L, r.IdNumber);
            Assert.AreEqual(-1, r.Code);
            Assert.IsNull(r.MsgText());
            Assert.IsFalse(r.OpenParams());
            Assert.IsFalse(r.NextMember());
        }
    }
}
