using nanoFramework.TestFramework;
using OneNetFirmware.OneNet;
using OneNetFirmware.Runtime;
using OneNetFirmware.Runtime.Node;

namespace NFUnitTest.Runtime
{
    /// <summary>
    /// Replies in a payload buffer sized from the node's configuration (its largest post, no floor): a refusal whose
    /// msg quotes an unknown identifier longer than the buffer still goes out, with the code's standard msg; a reply that
    /// cannot fit even then (a request id far beyond OneNET's 13 digits) is logged, never sent cut short.
    /// </summary>
    [TestClass]
    public class ReplyFitTests
    {
        private static HandlerRig s_rig;
        private static int s_payloadBytes;

        private static void Make()
        {
            var properties = new PropertyTable(2);
            properties.Add("temperature", PropertyKind.Number, 1);
            properties.Add(RuntimeSettings.ReportIntervalIdentifier, PropertyKind.Integer, 0);
            s_payloadBytes = OneJsonPayloadWriter.MaxPayloadBytes(properties, new EventTable(1), new DiagnosticsSnapshot(),
                DownlinkHandler.LongestReplyMessage(properties));
            s_rig = new HandlerRig(1024, properties, s_payloadBytes);
        }

        // A name (or id) of n characters, longer than the payload buffer when n is.
        private static string Long(int n)
        {
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) chars[i] = i % 10 == 0 ? 'a' : '7';
            return new string(chars);
        }

        [TestMethod]
        public void SetAndGetRefusalsNamingAnUnknownIdentifierLongerThanTheBufferGoOutWithTheStandardMsg()
        {
            Make();
            string name = Long(s_payloadBytes + 10);
            AnsweredWith(s_rig.Topics.PropertySet, "{\"id\":\"5\",\"version\":\"1.0\",\"params\":{\"" + name + "\":1}}",
                s_rig.Topics.PropertySetReply, "{\"id\":\"5\",\"code\":404,\"msg\":\"unknown identifier\"}");
            AnsweredWith(s_rig.Topics.PropertyGet, "{\"id\":\"6\",\"version\":\"1.0\",\"params\":[\"" + name + "\"]}",
                s_rig.Topics.PropertyGetReply, "{\"id\":\"6\",\"code\":404,\"msg\":\"unknown identifier\"}");
        }

        // The request arrives and is applied: exactly one reply, this one, on this topic.
        private static void AnsweredWith(string topic, string request, string replyTopic, string reply)
        {
            int before = s_rig.Link.Publishes;
            s_rig.Arrive(topic, request);
            s_rig.Step();
            Assert.AreEqual(before + 1, s_rig.Link.Publishes);
            Assert.AreEqual(replyTopic, s_rig.Link.LastTopic);
            Assert.AreEqual(reply, s_rig.Link.LastPayload);
        }

        [TestMethod]
        public void ARefusalNamingAKnownIdentifierKeepsItsMsg()
        {
            Make();
            s_rig.Arrive(s_rig.Topics.PropertySet, "{\"id\":\"7\",\"version\":\"1.0\",\"params\":{\"temperature\":1}}");
            s_rig.Step();
            Assert.AreEqual("{\"id\":\"7\",\"code\":405,\"msg\":\"temperature: not writable\"}", s_rig.Link.LastPayload);
        }

        [TestMethod]
        public void AReplyThatCannotFitEvenWithTheStandardMsgIsLoggedAndNotSent()
        {
            Make();
            string id = Long(s_payloadBytes);
            s_rig.Arrive(s_rig.Topics.PropertyGet, "{\"id\":\"" + id + "\",\"version\":\"1.0\",\"params\":[\"" + RuntimeSettings.ReportIntervalIdentifier + "\"]}");
            s_rig.Step();
            Assert.AreEqual(0, s_rig.Link.Publishes);
            Assert.AreEqual(1, s_rig.Log.Warnings);
        }
    }
}
