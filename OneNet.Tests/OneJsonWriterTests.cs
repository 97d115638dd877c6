using nanoFramework.TestFramework;
using OneNetFirmware.OneNet;

namespace NFUnitTest.OneNet
{
    [TestClass]
    public class OneJsonWriterTests
    {
        private static string Write(OneJsonWriter w, byte[] buffer)
        {
            int n = w.End();
            Assert.IsTrue(n > 0, "the payload fits");
            return Bytes.Text(buffer, w.Offset, n);
        }

        [TestMethod]
        public void WritesAPropertyPostWithAndWithoutTime()
        {
            byte[] buffer = new byte[256];
            var w = new OneJsonWriter(buffer, 3, 200);
            w.BeginPropertyPost(12);
            w.Property("temp", 23.6, 1524448722123);
            w.Property("Power", "on", OneJsonWriter.NoTime);
            w.Property("count", 7, OneJsonWriter.NoTime);
            w.Property("big", -9007199254740993L, OneJsonWriter.NoTime);
            w.Property("on", true, OneJsonWriter.NoTime);
            Assert.AreEqual("{\"id\":\"12\",\"version\":\"1.0\",\"params\":{\"temp\":{\"value\":23.6,\"time\":1524448722123},\"Power\":{\"value\":\"on\"},\"count\":{\"value\":7},\"big\":{\"value\":-9007199254740993},\"on\":{\"value\":true}}}", Write(w, buffer));
        }

        [TestMethod]
        public void KeysEncodedOnceWriteTheSamePayloadAsNames()
        {
            byte[] buffer = new byte[512];
            var w = new OneJsonWriter(buffer, 0, buffer.Length);
            byte[] temp = OneJsonWriter.EncodeKey("temp");
            byte[] odd = OneJsonWriter.EncodeKey("a\"b\u00e9\u0001");
            // Byte-valued chars: é is UTF-8 C3 A9; the quote and the control character escaped.
            Assert.AreEqual("\"a\\\"b\u00c3\u00a9\\u0001\":", Bytes.Text(odd, 0, odd.Length));

            w.BeginPropertyPost(7);
            w.Property(temp, 21.5, 1764000000123);
            w.Property(odd, 5L, 1764000000123); // the same time again: its text is reused
            w.PropertyText(temp, OneJsonWriter.EncodeText("on\n"), 1764000000124);
            w.BeginEvent(temp);
            w.Member(odd, true);
            w.EndEvent(OneJsonWriter.NoTime);
            string byKeys = Write(w, buffer);
            w.BeginPropertyPost(7);
            w.Property("temp", 21.5, 1764000000123);
            w.Property("a\"b\u00e9\u0001", 5L, 1764000000123);
            w.Property("temp", "on\n", 1764000000124);
            w.BeginEvent("temp");
            w.Member("a\"b\u00e9\u0001", true);
            w.EndEvent(OneJsonWriter.NoTime);

            Assert.AreEqual(byKeys, Write(w, buffer));
            Assert.AreEqual("{\"id\":\"7\",\"version\":\"1.0\",\"params\":{\"temp\":{\"value\":21.5,\"time\":1764000000123},"
                + "\"a\\\"b\u00c3\u00a9\\u0001\":{\"value\":5,\"time\":1764000000123},\"temp\":{\"value\":\"on\\n\",\"time\":1764000000124},"
                + "\"temp\":{\"value\":{\"a\\\"b\u00c3\u00a9\\u0001\":true}}}}", byKeys);
        }

        [TestMethod]
        public void DesiredGetOfKeysListsTheNames()
        {
            byte[] buffer = new byte[128];
            var w = new OneJsonWriter(buffer, 0, buffer.Length);
            w.BeginDesiredGet(3);
            w.DesiredGetName(OneJsonWriter.EncodeKey("report_interval"));
            w.DesiredGetName(OneJsonWriter.EncodeKey("relay1"));
            Assert.AreEqual("{\"id\":\"3\",\"version\":\"1.0\",\"params\":[\"report_interval\",\"relay1\"]}", Write(w, buffer));
        }

        [TestMethod]
        [DataRow(2, 1.005, "1")]      // 1.005 is 1.00499999… in binary
        [DataRow(2, 2.5, "2.5")]
        [DataRow(0, 2.5, "3")]
        [DataRow(0, -2.5, "-3")]
        [DataRow(2, -0.001, "0")]
        [DataRow(2, -0.0, "0")]
        [DataRow(3, 0.0625, "0.063")]
        [DataRow(3, -12.0405, "-12.041")]
        [DataRow(2, 100.0, "100")]
        [DataRow(9, 0.000000001, "0.000000001")]
        public void RoundsHalfAwayFromZeroWithoutMinusZero(int decimals, double value, string expected)
        {
            byte[] buffer = new byte[128];
            var w = new OneJsonWriter(buffer, 0, buffer.Length);
            w.Decimals = decimals;
            w.BeginReply("1", 200, "success");
            w.BeginData();
            w.Member("x", value);
            Assert.AreEqual("{\"id\":\"1\",\"code\":200,\"msg\":\"success\",\"data\":{\"x\":" + expected + "}}", Write(w, buffer));
        }

        [TestMethod]
        public void SkipsNonFiniteValues()
        {
            byte[] buffer = new byte[128];
            var w = new OneJsonWriter(buffer, 0, buffer.Length);
            w.BeginPropertyPost(1);
            w.Property("a", double.NaN, 5);
            w.Property("b", 1.5, 5);
            w.Property("c", double.PositiveInfinity, 5);
            w.Property("d", double.NegativeInfinity, 5);
            Assert.AreEqual("{\"id\":\"1\",\"version\":\"1.0\",\"params\":{\"b\":{\"value\":1.5,\"time\":5}}}", Write(w, buffer));
        }

        [TestMethod]
        public void EscapesStringsAndWritesUtf8()
        {
            byte[] buffer = new byte[128];
            var w = new OneJsonWriter(buffer, 0, buffer.Length);
            w.BeginReply("1", 200, "a\"b\\c\n\u0001\u001f");
            Assert.AreEqual("{\"id\":\"1\",\"code\":200,\"msg\":\"a\\\"b\\\\c\\n\\u0001\\u001f\"}", Write(w, buffer));

            w.BeginReply("1", 200, "\u00e9\u4e2d\ud83d\ude00");
            int n = w.End();
            byte[] expected = { 0xC3, 0xA9, 0xE4, 0xB8, 0xAD, 0xF0, 0x9F, 0x98, 0x80 };
            int msgStart = n - 2 - expected.Length;
            for (int i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], buffer[msgStart + i]);
        }

        [TestMethod]
        public void ReportsATooSmallBufferForEveryLength()
        {
            byte[] buffer = new byte[128];
            var full = new OneJsonWriter(buffer, 0, buffer.Length);
            full.BeginPropertyPost(99);
            full.Property("temp", 21.5, 1700000000000);
            int needed = full.End();
            for (int capacity = 0; capacity < needed; capacity++)
            {
                var w = new OneJsonWriter(buffer, 0, capacity);
                w.BeginPropertyPost(99);
                w.Property("temp", 21.5, 1700000000000);
                Assert.AreEqual(-1, w.End());
            }
        }

        [TestMethod]
        public void ABadBufferIsReportedNotThrown()
        {
            var w = new OneJsonWriter(null, 0, 10);
            w.BeginPropertyPost(1);
            w.Property("a", 1, 1);
            Assert.AreEqual(-1, w.End());
            w.SetBuffer(new byte[8], 4, 8);
            Assert.AreEqual(-1, w.DesiredGet(1, new string[] { "a" }, 1));
        }

        [TestMethod]
        public void WritesAnEventPost()
        {
            byte[] buffer = new byte[128];
            var w = new OneJsonWriter(buffer, 0, buffer.Length);
            w.BeginEventPost(10);
            w.BeginEvent("alarm");
            w.Member("level", 2);
            w.Member("temp", 81.5);
            w.EndEvent(1524448722123);
            Assert.AreEqual("{\"id\":\"10\",\"version\":\"1.0\",\"params\":{\"alarm\":{\"value\":{\"level\":2,\"temp\":81.5},\"time\":1524448722123}}}", Write(w, buffer));
        }

        [TestMethod]
        public void WritesAHistoryPostOfAtMostAHundredPoints()
        {
            byte[] buffer = new byte[4096];
            var w = new OneJsonWriter(buffer, 0, buffer.Length);
            w.BeginHistoryPost(3);
            w.BeginHistory("temp");
            Assert.IsTrue(w.Point(1.5, 1000));
            Assert.IsTrue(w.Point(2, 2000));
            w.EndHistory();
            Assert.AreEqual("{\"id\":\"3\",\"version\":\"1.0\",\"params\":[{\"properties\":{\"temp\":[{\"value\":1.5,\"time\":1000},{\"value\":2,\"time\":2000}]}}]}", Write(w, buffer));

            w.BeginHistoryPost(4);
            w.BeginHistory("temp");
            for (int i = 0; i < 100; i++) Assert.IsTrue(w.Point(i, i));
            Assert.IsFalse(w.Point(1, 1));
            w.EndHistory();
            Assert.IsTrue(w.End() > 0);
        }

        [TestMethod]
        public void WritesADesiredGet()
        {
            byte[] buffer = new byte[128];
            var w = new OneJsonWriter(buffer, 0, buffer.Length);
            int n = w.DesiredGet(8, new string[] { "power", "temperature", "unused" }, 2);
            Assert.AreEqual("{\"id\":\"8\",\"version\":\"1.0\",\"params\":[\"power\",\"temperature\"]}", Bytes.Text(buffer, 0, n));
        }

        [TestMethod]
        public void WritesADesiredDeleteWithAndWithoutVersions()
        {
            byte[] buffer = new byte[128];
            var w = new OneJsonWriter(buffer, 0, buffer.Length);
            w.BeginDesiredDelete(9);
            w.DesiredDeleteMember("power", 2);
            w.DesiredDeleteMember("temperature", 0);
            Assert.AreEqual("{\"id\":\"9\",\"version\":\"1.0\",\"params\":{\"power\":{\"version\":2},\"temperature\":{}}}", Write(w, buffer));
        }

        [TestMethod]
        public void WritesBoolHistoryPointsAsTrueAndFalse()
        {
            byte[] buffer = new byte[256];
            var w = new OneJsonWriter(buffer, 0, buffer.Length);
            w.BeginHistoryPost(5);
            w.BeginHistory("relay1");
            Assert.IsTrue(w.Point(true, 1000));
            Assert.IsTrue(w.Point(false, OneJsonWriter.NoTime));
            w.EndHistory();
            Assert.AreEqual("{\"id\":\"5\",\"version\":\"1.0\",\"params\":[{\"properties\":{\"relay1\":[{\"value\":true,\"time\":1000},{\"value\":false}]}}]}", Write(w, buffer));
        }

        [TestMethod]
        public void EchoesTheRequestIdInAReply()
        {
            byte[] request = Bytes.Of("{\"id\":\"0042\",\"version\":\"1.0\",\"params\":{\"x\":1}}");
            var r = new OneJsonReader();
            Assert.AreEqual(ReplyCodes.Success, r.Read(request, 0, request.Length));
            byte[] buffer = new byte[128];
            var w = new OneJsonWriter(buffer, 0, buffer.Length);
            w.BeginReply(r.Buffer, r.IdOffset, r.IdLength, ReplyCodes.WrongType, null);
            Assert.AreEqual("{\"id\":\"0042\",\"code\":422,\"msg\":\"wrong type or out of range\"}", Write(w, buffer));

            w.BeginReply(r.Buffer, 0, -1, ReplyCodes.Malformed, null);
            Assert.AreEqual("{\"id\":null,\"code\":400,\"msg\":\"malformed request\"}", Write(w, buffer));
        }

        [TestMethod]
        public void RequestIdsWrapAtIntMax()
        {
            var ids = new RequestIds();
            Assert.AreEqual(1, ids.Next());
            Assert.AreEqual(2, ids.Next());
            var wrapping = new RequestIds(int.MaxValue - 1);
            Assert.AreEqual(int.MaxValue, wrapping.Next());
            Assert.AreEqual(1, wrapping.Next());
        }
    }
}
