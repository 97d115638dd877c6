using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("OneNetFirmware.Drivers")]
[assembly: AssemblyDescription("Sensor and GPIO drivers of the OneNetFirmware node (portable: mscorlib only)")]
[assembly: AssemblyProduct("OneNetFirmware")]
[assembly: AssemblyCopyright("Copyright (c) OneNetFirmware contributors")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
