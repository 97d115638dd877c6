namespace OneNetFirmware.OneNet.Ports
{
    /// <summary>
    /// Maps an MQTT client library's CONNACK reason code (3.1.1 codes 0–5, or the MQTT 5 equivalents some libraries
    /// report) to IMqttLink.Connect's result. Anything else is treated like a failed network attempt.
    /// </summary>
    public static class ConnackCodes
    {
        public static int ToConnectResult(int reasonCode)
        {
            if (reasonCode >= 0 && reasonCode <= 5)
            {
                return reasonCode; // MQTT 3.1.1 CONNACK return codes as they are
            }
            switch (reasonCode)
            {
                case 0x84: return 1; // MQTT 5 Unsupported Protocol Version
                case 0x85: return 2; // Client Identifier not valid
                case 0x88: return 3; // Server unavailable
                case 0x86: return ConnectResult.BadUserNameOrPassword;
                case 0x87: return ConnectResult.NotAuthorized;
                default: return ConnectResult.NetworkError;
            }
        }
    }
}
