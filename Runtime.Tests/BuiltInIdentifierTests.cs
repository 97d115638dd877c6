using nanoFramework.TestFramework;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Runtime;

namespace NFUnitTest.Runtime
{
    /// <summary>
    /// The identifiers the firmware names itself (not taken from the configuration, which ConfigValidator checks) keep
    /// the one identifier rule, TextRules.IsIdentifier: diagnostics, the writable intervals, the services and the event
    /// parameters. The host test IdentifierRuleTests checks every identifier a running node actually posts.
    /// </summary>
    [TestClass]
    public class BuiltInIdentifierTests
    {
        [TestMethod]
        public void EveryDiagnosticsIdentifierFollowsTheRule()
        {
            Assert.AreEqual(19, DiagnosticsIdentifiers.All.Length);
            for (int i = 0; i < DiagnosticsIdentifiers.All.Length; i++)
            {
                Assert.IsTrue(TextRules.IsIdentifier(DiagnosticsIdentifiers.All[i]), DiagnosticsIdentifiers.All[i]);
                for (int j = 0; j < i; j++)
                {
                    Assert.AreNotEqual(DiagnosticsIdentifiers.All[j], DiagnosticsIdentifiers.All[i]);
                }
            }
        }

        [TestMethod]
        public void PerSensorDiagnosticsFollowTheRule()
        {
            Assert.AreEqual("diag_s0_failures", DiagnosticsIdentifiers.SensorFailuresOf(0));
            Assert.AreEqual("diag_s0_status", DiagnosticsIdentifiers.SensorStatusOf(0));
            Assert.IsTrue(TextRules.IsIdentifier(DiagnosticsIdentifiers.SensorFailuresOf(99)));
            Assert.IsTrue(TextRules.IsIdentifier(DiagnosticsIdentifiers.SensorStatusOf(99)));
            Assert.IsTrue(TextRules.IsIdentifier(DiagnosticsIdentifiers.SensorFailuresOf(99999)));
            Assert.IsFalse(TextRules.IsIdentifier(DiagnosticsIdentifiers.SensorFailuresOf(100000)));
        }

        [TestMethod]
        public void EveryOtherBuiltInIdentifierFollowsTheRule()
        {
            string[] identifiers =
            {
                RuntimeSettings.ReportIntervalIdentifier, RuntimeSettings.SampleIntervalIdentifier,
                DownlinkHandler.RebootService, DownlinkHandler.ReportNowService,
                NodeEvents.ContactParameter, NodeEvents.MotionParameter, NodeEvents.ButtonParameter,
            };
            for (int i = 0; i < identifiers.Length; i++)
            {
                Assert.IsTrue(TextRules.IsIdentifier(identifiers[i]), identifiers[i]);
            }
        }

        [TestMethod]
        public void EveryIdentifierTheNodeDefinesIsReservedSoNoChannelCanTakeIt()
        {
            for (int i = 0; i < DiagnosticsIdentifiers.All.Length; i++)
            {
                Assert.IsTrue(ReservedIdentifiers.IsReserved(DiagnosticsIdentifiers.All[i]), DiagnosticsIdentifiers.All[i]);
            }
            Assert.IsTrue(ReservedIdentifiers.IsReserved(DiagnosticsIdentifiers.SensorFailuresOf(7)));
            Assert.IsTrue(ReservedIdentifiers.IsReserved(DiagnosticsIdentifiers.SensorStatusOf(7)));
            Assert.IsTrue(ReservedIdentifiers.IsReserved(RuntimeSettings.ReportIntervalIdentifier));
            Assert.IsTrue(ReservedIdentifiers.IsReserved(RuntimeSettings.SampleIntervalIdentifier));
            Assert.IsTrue(ReservedIdentifiers.IsReserved(DownlinkHandler.RebootService));
            Assert.IsTrue(ReservedIdentifiers.IsReserved(DownlinkHandler.ReportNowService));
            Assert.IsFalse(ReservedIdentifiers.IsReserved("temperature"));
            Assert.IsFalse(ReservedIdentifiers.IsReserved("diagnostic")); // the prefix is diag_, with its underscore
        }
    }
}
