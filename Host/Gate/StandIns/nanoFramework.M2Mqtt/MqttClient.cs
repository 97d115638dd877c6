// COMPILE-ONLY stand-in: nanoFramework.M2Mqtt 5.1.220 (docs/packages.md): MqttClient, MqttSettings and MqttProtocolVersion,
// which live in nanoFramework.M2Mqtt.dll (nanoframework/nanoFramework.m2mqtt v5.1.220 M2Mqtt/MqttClient.cs, MqttSettings.cs).
// MqttSettings has only a private constructor (one shared instance).
using System;
using System.Collections;
using System.Security.Cryptography.X509Certificates;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    public class MqttClient : IMqttClient, IDisposable
    {
        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol) { throw new NotImplementedException(); }

        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod) { throw new NotImplementedException(); }
        public void Disconnect() { throw new NotImplementedException(); }
        public void Dispose() { throw new NotImplementedException(); }
        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels) { throw new NotImplementedException(); }
        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain) { throw new NotImplementedException(); }

        public bool IsConnected { get { throw new NotImplementedException(); } }
        public MqttProtocolVersion ProtocolVersion { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
        public MqttSettings Settings { get { throw new NotImplementedException(); } }

        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived;
        public event IMqttClient.MqttMsgSubscribedEventHandler MqttMsgSubscribed;
        public event IMqttClient.ConnectionClosedEventHandler ConnectionClosed;
    }

    public class MqttSettings
    {
        private MqttSettings() { throw new NotImplementedException(); }

        public int InflightQueueSize { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
    }

    public enum MqttProtocolVersion
    {
        Version_3_1 = 3,
        Version_3_1_1 = 4,
        Version_5 = 5
    }
}
