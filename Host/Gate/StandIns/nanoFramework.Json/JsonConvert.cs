// COMPILE-ONLY stand-in: nanoFramework.Json 2.2.203 (docs/packages.md), from nanoframework/nanoFramework.Json v2.2.203
// JsonConvert.cs and JsonSerializerOptions.cs.
using System;

namespace nanoFramework.Json
{
    public static class JsonConvert
    {
        public static object DeserializeObject(string value, Type type, JsonSerializerOptions options) { throw new NotImplementedException(); }
    }

    public sealed class JsonSerializerOptions
    {
        public JsonSerializerOptions() { throw new NotImplementedException(); }

        public bool PropertyNameCaseInsensitive { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
    }
}
