using nanoFramework.TestFramework;
using OneNetFirmware.Runtime;

namespace NFUnitTest.Runtime
{
    /// <summary>
    /// property/set through LinkEvents, the queue and the handler with the real OneJSON reader and writer: a value may be a
    /// quoted number ("30", as OneNET's own example quotes it) for a numeric property, other text is 422; a successful
    /// set asks to delete the identifier's desired value whatever its version.
    /// </summary>
    [TestClass]
    public class SetValueTests
    {
        private static HandlerRig s_rig;

        private static void Set(string value)
        {
            var properties = new PropertyTable(2);
            properties.Add(RuntimeSettings.ReportIntervalIdentifier, PropertyKind.Integer, 0);
            s_rig = new HandlerRig(256, properties);
            s_rig.Settings.ReportIntervalSeconds = 60;
            s_rig.Arrive(s_rig.Topics.PropertySet, "{\"id\":\"4\",\"version\":\"1.0\",\"params\":{\"report_interval\":" + value + "}}");
            s_rig.Step();
        }

        [TestMethod]
        public void AQuotedNumberSetsANumericProperty()
        {
            Set("\"30\"");
            Assert.AreEqual("{\"id\":\"4\",\"code\":200,\"msg\":\"success\"}", s_rig.Link.LastPayload);
            Assert.AreEqual(30, s_rig.Settings.ReportIntervalSeconds);
            Assert.AreEqual(1, s_rig.Handler.DesiredDeletes.Pending);
        }

        [TestMethod]
        [DataRow("\"30.5\"")]
        [DataRow("\"thirty\"")]
        [DataRow("\"30 \"")]
        [DataRow("\"true\"")]
        public void OtherTextIsRefusedAndChangesNothing(string value)
        {
            Set(value);
            Assert.AreEqual("{\"id\":\"4\",\"code\":422,\"msg\":\"report_interval: wrong type or out of range\"}", s_rig.Link.LastPayload);
            Assert.AreEqual(60, s_rig.Settings.ReportIntervalSeconds);
            Assert.AreEqual(0, s_rig.Handler.DesiredDeletes.Pending);
        }
    }
}
