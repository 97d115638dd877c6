using nanoFramework.TestFramework;
using NFUnitTest.OneNet;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Runtime.Node;
using OneNetFirmware.Runtime;

namespace NFUnitTest.OneNet.Node
{
    /// <summary>The seams NodeBuilder fills with the protocol code: token source, OneJSON writer and downlink parser.</summary>
    [TestClass]
    public class NodeAdapterTests
    {
        private static OneNetConfig OneNet(long fixedExpiry)
        {
            var c = new OneNetConfig();
            c.ProductId = "P1";
            c.DeviceName = "d1";
            c.DeviceKey = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
            c.TokenLifetimeHours = 2;
            c.TokenExpiresAtUnixSeconds = fixedExpiry;
            return c;
        }

        [TestMethod]
        public void TokenLifetimeCountsFromTheClockAndNeedsAValidOne()
        {
            var tokens = new OneNetTokenSource(OneNet(0), new ZeroSigner());
            Assert.IsNull(tokens.PasswordAt(false, 0));
            string password = tokens.PasswordAt(true, 1800000000);
            Assert.IsTrue(password.IndexOf("res=products%2FP1%2Fdevices%2Fd1&et=1800007200&method=sha256&sign=") > 0, password);
        }

        [TestMethod]
        public void FixedExpiryWorksWithoutAClockButNeverWhenPast()
        {
            var tokens = new OneNetTokenSource(OneNet(1900000000), new ZeroSigner());
            Assert.IsTrue(tokens.PasswordAt(false, 0).IndexOf("&et=1900000000&") > 0);
            Assert.IsNull(tokens.PasswordAt(true, 1900000000));
        }

        [TestMethod]
        public void PropertyPostWrapsValuesByKindWithTimes()
        {
            var table = new PropertyTable(4);
            int t = table.Add("temp", PropertyKind.Number, 1);
            int n = table.Add("count", PropertyKind.Integer, 0);
            int r = table.Add("relay1", PropertyKind.Bool, 0);
            var points = new PointBatch(4);
            points.Property[0] = t; points.Value[0] = 21.46; points.UtcMilliseconds[0] = 1800000000123; points.HasTime[0] = true;
            points.Property[1] = n; points.Value[1] = 7; points.HasTime[1] = false;
            points.Property[2] = r; points.Value[2] = 1; points.HasTime[2] = false;
            points.Count = 3;
            byte[] buffer = new byte[256];

            int length = new OneJsonPayloadWriter().WritePropertyPost(buffer, 5, table, points);

            Assert.AreEqual("{\"id\":\"5\",\"version\":\"1.0\",\"params\":{\"temp\":{\"value\":21.5,\"time\":1800000000123},\"count\":{\"value\":7},\"relay1\":{\"value\":true}}}",
                Bytes.Text(buffer, 0, length));
            Assert.AreEqual(-1, new OneJsonPayloadWriter().WritePropertyPost(new byte[20], 5, table, points));
        }

        [TestMethod]
        public void EventPostCarriesOneEventWithItsParameterAndTime()
        {
            var table = new EventTable(2);
            table.Add("door", NodeEvents.ContactParameter);
            int bell = table.Add("bell", NodeEvents.ButtonParameter);
            byte[] buffer = new byte[128];
            var writer = new OneJsonPayloadWriter();

            int length = writer.WriteEventPost(buffer, 9, table, 0, true, 1800000000123);
            Assert.AreEqual("{\"id\":\"9\",\"version\":\"1.0\",\"params\":{\"door\":{\"value\":{\"open\":true},\"time\":1800000000123}}}",
                Bytes.Text(buffer, 0, length));
            length = writer.WriteEventPost(buffer, 10, table, bell, false, ReadingTime.None);
            Assert.AreEqual("{\"id\":\"10\",\"version\":\"1.0\",\"params\":{\"bell\":{\"value\":{\"pressed\":false}}}}",
                Bytes.Text(buffer, 0, length));
            Assert.AreEqual(-1, writer.WriteEventPost(new byte[20], 9, table, 0, true, 1800000000123));
        }

        [TestMethod]
        public void ReplyCarriesIdCodeAndMessage()
        {
            byte[] buffer = new byte[128];
            int length = new OneJsonPayloadWriter().WriteReply(buffer, "17", 404, "nosuch: unknown identifier");
            Assert.AreEqual("{\"id\":\"17\",\"code\":404,\"msg\":\"nosuch: unknown identifier\"}", Bytes.Text(buffer, 0, length));
        }

        [TestMethod]
        public void ParsesAPropertySetIntoNamesAndKinds()
        {
            byte[] payload = Bytes.Of("{\"id\":\"9\",\"version\":\"1.0\",\"params\":{\"relay1\":true,\"report_interval\":30,\"mode\":\"x\",\"o\":{}}}");
            var message = new DownlinkMessage(8);

            Assert.IsTrue(new OneJsonDownlinkParser().Parse(DownlinkKind.PropertySet, payload, payload.Length, message));

            Assert.AreEqual("9", message.Id);
            Assert.AreEqual(4, message.Count);
            Assert.AreEqual("relay1", message.Names[0]);
            Assert.AreEqual(DownlinkMessage.Bool, message.Kinds[0]);
            Assert.AreEqual(1.0, message.Numbers[0]);
            Assert.AreEqual(DownlinkMessage.Number, message.Kinds[1]);
            Assert.AreEqual(30.0, message.Numbers[1]);
            Assert.AreEqual(DownlinkMessage.Text, message.Kinds[2]);
            Assert.AreEqual(DownlinkMessage.Other, message.Kinds[3]);
        }

        [TestMethod]
        public void NamesOfThePropertyTableAreHandedOutAsItsOwnStrings()
        {
            var table = new PropertyTable(4);
            table.Add("relay1", PropertyKind.Bool, 0);
            table.Add("report_interval", PropertyKind.Integer, 0);
            var parser = new OneJsonDownlinkParser(table);
            var message = new DownlinkMessage(4);
            byte[] set = Bytes.Of("{\"id\":\"9\",\"params\":{\"report_interval\":30,\"nosuch\":1}}");
            byte[] get = Bytes.Of("{\"id\":\"10\",\"params\":[\"relay1\",\"relay\"]}");

            Assert.IsTrue(parser.Parse(DownlinkKind.PropertySet, set, set.Length, message));
            // Matched in place: the table's own string object, nothing decoded; an unknown name is decoded for the 404.
            Assert.IsTrue((object)message.Names[0] == (object)table.Identifier(1), "report_interval is the table's string");
            Assert.AreEqual("nosuch", message.Names[1]);
            Assert.AreEqual("9", message.Id);

            Assert.IsTrue(parser.Parse(DownlinkKind.PropertyGet, get, get.Length, message));
            Assert.IsTrue((object)message.Names[0] == (object)table.Identifier(0), "relay1 is the table's string");
            Assert.AreEqual("relay", message.Names[1]);
        }

        [TestMethod]
        public void ParsesQuotedNumbersAndBoolsAsTheValuesTheySpell()
        {
            byte[] payload = Bytes.Of("{\"id\":\"5\",\"version\":\"1.0\",\"params\":{\"temperature\":\"30.5\",\"relay1\":\"false\",\"mode\":\"30 \"}}");
            var message = new DownlinkMessage(4);

            Assert.IsTrue(new OneJsonDownlinkParser().Parse(DownlinkKind.PropertySet, payload, payload.Length, message));

            Assert.AreEqual(DownlinkMessage.Number, message.Kinds[0]);
            Assert.AreEqual(30.5, message.Numbers[0]);
            Assert.AreEqual(DownlinkMessage.Bool, message.Kinds[1]);
            Assert.AreEqual(0.0, message.Numbers[1]);
            Assert.AreEqual(DownlinkMessage.Text, message.Kinds[2]);
        }

        [TestMethod]
        public void ParsesTheVersionOfEachDesiredValueAndADeleteReply()
        {
            var parser = new OneJsonDownlinkParser();
            var message = new DownlinkMessage(4);
            byte[] reply = Bytes.Of("{\"id\":\"8\",\"code\":200,\"msg\":\"success\",\"data\":{\"relay1\":{\"value\":true,\"version\":3},\"report_interval\":{\"value\":30}}}");
            Assert.IsTrue(parser.Parse(DownlinkKind.DesiredGetReply, reply, reply.Length, message));
            Assert.AreEqual(2, message.Count);
            Assert.AreEqual(3L, message.Versions[0]);
            Assert.AreEqual(-1L, message.Versions[1]);

            byte[] deleted = Bytes.Of("{\"id\":\"9\",\"code\":200,\"msg\":\"success\"}");
            Assert.IsTrue(parser.Parse(DownlinkKind.DesiredDeleteReply, deleted, deleted.Length, message));
            Assert.AreEqual(9L, message.IdNumber);
            Assert.IsNull(message.Id); // replies are matched by number: no string made
            Assert.AreEqual(200, message.Code);
        }

        [TestMethod]
        public void ParsesPostRepliesAndRejectsInvalidJson()
        {
            var parser = new OneJsonDownlinkParser();
            var message = new DownlinkMessage(2);
            byte[] reply = Bytes.Of("{\"id\":\"12\",\"code\":200,\"msg\":\"success\"}");
            Assert.IsTrue(parser.Parse(DownlinkKind.PostReply, reply, reply.Length, message));
            Assert.AreEqual(12L, message.IdNumber);
            Assert.IsNull(message.Id);
            Assert.AreEqual(200, message.Code);
            Assert.IsNull(message.Msg); // decoded only when the platform refused

            byte[] refused = Bytes.Of("{\"id\":\"15\",\"code\":2402,\"msg\":\"bad \\u00e9\"}");
            Assert.IsTrue(parser.Parse(DownlinkKind.PostReply, refused, refused.Length, message));
            Assert.AreEqual(15L, message.IdNumber);
            Assert.AreEqual(2402, message.Code);
            Assert.AreEqual("bad \u00e9", message.Msg);

            byte[] broken = Bytes.Of("{\"id\":\"13\",\"params\":{\"relay1\":tru}}");
            Assert.IsFalse(parser.Parse(DownlinkKind.PropertySet, broken, broken.Length, message));
            byte[] tooMany = Bytes.Of("{\"id\":\"14\",\"params\":{\"a\":1,\"b\":2,\"c\":3}}");
            Assert.IsFalse(parser.Parse(DownlinkKind.PropertySet, tooMany, tooMany.Length, message));
        }
    }
}
