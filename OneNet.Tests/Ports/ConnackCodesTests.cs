using nanoFramework.TestFramework;
using OneNetFirmware.OneNet.Ports;

namespace NFUnitTest.OneNet.Ports
{
    [TestClass]
    public class ConnackCodesTests
    {
        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(4)]
        [DataRow(5)]
        public void Mqtt311CodesPassThrough(int code)
        {
            Assert.AreEqual(code, ConnackCodes.ToConnectResult(code));
        }

        [TestMethod]
        [DataRow(0x84, 1)]
        [DataRow(0x85, 2)]
        [DataRow(0x88, 3)]
        [DataRow(0x86, 4)]
        [DataRow(0x87, 5)]
        public void Mqtt5CodesMapToTheirMqtt311Meaning(int reason, int expected)
        {
            Assert.AreEqual(expected, ConnackCodes.ToConnectResult(reason));
        }

        [TestMethod]
        public void AuthRefusalsAreAuthFailures()
        {
            Assert.IsTrue(ConnectResult.IsAuthFailure(ConnackCodes.ToConnectResult(0x86)));
            Assert.IsTrue(ConnectResult.IsAuthFailure(ConnackCodes.ToConnectResult(0x87)));
        }

        [TestMethod]
        [DataRow(-1)]
        [DataRow(6)]
        [DataRow(0x80)]
        [DataRow(0x8B)]
        [DataRow(0xA2)]
        public void EverythingElseIsANetworkError(int reason)
        {
            Assert.AreEqual(ConnectResult.NetworkError, ConnackCodes.ToConnectResult(reason));
        }
    }
}
