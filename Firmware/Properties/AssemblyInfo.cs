using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("OneNetFirmware")]
[assembly: AssemblyDescription("ESP32 sensor node publishing to China Mobile OneNET")]
[assembly: AssemblyProduct("OneNetFirmware")]
[assembly: AssemblyCopyright("Copyright (c) OneNetFirmware contributors")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
