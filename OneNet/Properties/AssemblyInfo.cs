using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("OneNetFirmware.OneNet")]
[assembly: AssemblyDescription("The OneNET protocol, the node configuration and the port interfaces of OneNetFirmware")]
[assembly: AssemblyProduct("OneNetFirmware")]
[assembly: AssemblyCopyright("Copyright (c) OneNetFirmware contributors")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
