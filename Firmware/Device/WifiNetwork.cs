using System;
using System.Device.Wifi;
using System.Net.NetworkInformation;
using System.Threading;
using nanoFramework.Networking;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Device
{
    /// <summary>
    /// INetwork on the ESP32 (docs/device-runtime.md "Wi-Fi"). Connects on its own short-lived thread so Start returns
    /// at once. With saveCredentials: WifiNetworkHelper.ConnectDhcp with automatic reconnection and a
    /// CancellationTokenSource timeout (without one it waits forever) — it writes the credentials to flash whenever the
    /// radio is not already connected to that SSID. Without: the adapter's own Disconnect/Connect, which passes the
    /// credentials to the radio without a configuration write; the supervisor decides which (CredentialSaves).
    /// Afterwards the firmware reconnects by itself; NetworkChange events only mark the cached state stale, and IsUp
    /// re-reads the station's IPv4 address when it is. RSSI comes from a scan report (the only source the API offers),
    /// refreshed once after each successful connect.
    /// </summary>
    public class WifiNetwork : INetwork
    {
        private const string NoAddress = "0.0.0.0";

        private readonly string _ssid;
        private readonly string _password;
        private readonly int _connectTimeoutMilliseconds;
        private readonly ILog _log;
        private readonly object _lock = new object();

        private bool _eventsHooked;
        private bool _connecting;
        private bool _saveCredentials;
        private WifiAdapter _adapter;
        private bool _stateStale = true;
        private bool _up;
        private bool _scanReady;
        private int _rssi;
        private WifiAdapter _scannedAdapter;

        public WifiNetwork(string ssid, string password, int connectTimeoutMilliseconds, ILog log)
        {
            _ssid = ssid;
            _password = password;
            _connectTimeoutMilliseconds = connectTimeoutMilliseconds;
            _log = log;
        }

        public bool IsUp
        {
            get
            {
                lock (_lock)
                {
                    if (_stateStale)
                    {
                        _stateStale = false;
                        _up = HasIPv4Address();
                    }
                    return _up;
                }
            }
        }

        public int Rssi
        {
            get
            {
                lock (_lock)
                {
                    if (_scanReady)
                    {
                        _scanReady = false;
                        _rssi = ReadRssiFromReport();
                    }
                    return _rssi;
                }
            }
        }

        public void Start(bool saveCredentials)
        {
            lock (_lock)
            {
                if (!_eventsHooked)
                {
                    _eventsHooked = true;
                    NetworkChange.NetworkAddressChanged += OnAddressChanged;
                    NetworkChange.NetworkAvailabilityChanged += OnAvailabilityChanged;
                }
                if (_connecting)
                {
                    return;
                }
                _connecting = true;
                _saveCredentials = saveCredentials;
                _stateStale = true;
            }
            new Thread(Connect).Start();
        }

        /// <summary>
        /// Disconnect and connect again. No Reset is needed because this class never uses SetupNetworkHelper. Only with
        /// saveCredentials does the new connect go through ConnectDhcp and write flash.
        /// </summary>
        public void Restart(bool saveCredentials)
        {
            lock (_lock)
            {
                if (_connecting)
                {
                    return; // a connect is already under way; it ends within its timeout
                }
            }
            try
            {
                WifiAdapter adapter = Adapter();
                if (adapter != null)
                {
                    adapter.Disconnect();
                }
            }
            catch (Exception ex)
            {
                _log.Warn("wifi: disconnect failed: " + ex.Message);
            }
            Start(saveCredentials);
        }

        // One adapter for this class's lifetime (WifiNetworkHelper.Disconnect would dispose the helper's).
        private WifiAdapter Adapter()
        {
            if (_adapter == null)
            {
                WifiAdapter[] adapters = WifiAdapter.FindAllAdapters();
                _adapter = adapters.Length > 0 ? adapters[0] : null;
            }
            return _adapter;
        }

        private void Connect()
        {
            bool connected = false;
            try
            {
                if (_saveCredentials)
                {
                    using (CancellationTokenSource timeout = new CancellationTokenSource(_connectTimeoutMilliseconds))
                    {
                        connected = WifiNetworkHelper.ConnectDhcp(_ssid, _password, WifiReconnectionKind.Automatic, false, 0, timeout.Token);
                    }
                }
                else
                {
                    connected = ConnectWithoutSaving();
                }
                if (connected)
                {
                    StartRssiScan();
                }
                else
                {
                    _log.Warn("wifi: no IPv4 address within " + _connectTimeoutMilliseconds.ToString() + " ms; the radio keeps retrying");
                }
            }
            catch (Exception ex)
            {
                _log.Error("wifi: connect failed: " + ex.Message);
            }
            lock (_lock)
            {
                _connecting = false;
                _stateStale = true;
            }
        }

        // The adapter's Connect blocks until the radio reports (the native side waits up to 20 s); then DHCP has until
        // the connect timeout to give an address. No managed configuration write on this path.
        private bool ConnectWithoutSaving()
        {
            WifiAdapter adapter = Adapter();
            if (adapter == null)
            {
                return false;
            }
            WifiConnectionResult result = adapter.Connect(_ssid, WifiReconnectionKind.Automatic, _password);
            if (result.ConnectionStatus != WifiConnectionStatus.Success)
            {
                _log.Warn("wifi: connect refused (" + ((int)result.ConnectionStatus).ToString() + ")");
                return false;
            }
            for (int waited = 0; waited < _connectTimeoutMilliseconds; waited += FirmwareDefaults.AddressPollMilliseconds)
            {
                if (HasIPv4Address())
                {
                    return true;
                }
                Thread.Sleep(FirmwareDefaults.AddressPollMilliseconds);
            }
            return false;
        }

        private void StartRssiScan()
        {
            WifiAdapter adapter = Adapter();
            if (adapter == null)
            {
                return;
            }
            lock (_lock)
            {
                if (_scannedAdapter != adapter)
                {
                    _scannedAdapter = adapter;
                    adapter.AvailableNetworksChanged += OnScanReport;
                }
            }
            adapter.ScanAsync();
        }

        private bool HasIPv4Address()
        {
            try
            {
                NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
                WifiAdapter adapter = Adapter();
                int index = adapter != null ? adapter.NetworkInterface : 0;
                if (index < 0 || index >= interfaces.Length)
                {
                    return false;
                }
                string address = interfaces[index].IPv4Address;
                return !string.IsNullOrEmpty(address) && address != NoAddress;
            }
            catch (Exception)
            {
                return false;
            }
        }

        private int ReadRssiFromReport()
        {
            try
            {
                WifiAdapter adapter = _scannedAdapter;
                if (adapter == null)
                {
                    return _rssi;
                }
                WifiAvailableNetwork[] networks = adapter.NetworkReport.AvailableNetworks;
                for (int i = 0; i < networks.Length; i++)
                {
                    if (networks[i].Ssid == _ssid)
                    {
                        return (int)networks[i].NetworkRssiInDecibelMilliwatts;
                    }
                }
            }
            catch (Exception)
            {
                // The adapter may have been disposed by a restart; keep the last value.
            }
            return _rssi;
        }

        // Event handlers run on the firmware's event thread: they only mark state stale.
        private void OnAddressChanged(object sender, EventArgs e)
        {
            lock (_lock)
            {
                _stateStale = true;
            }
        }

        private void OnAvailabilityChanged(object sender, NetworkAvailabilityEventArgs e)
        {
            lock (_lock)
            {
                _stateStale = true;
            }
        }

        private void OnScanReport(WifiAdapter sender, object e)
        {
            lock (_lock)
            {
                _scanReady = true;
            }
        }
    }
}
