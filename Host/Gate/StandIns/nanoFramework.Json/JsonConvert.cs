// COMPILE-ONLY stand-in: nanoFramework.Json 2.2.213, NANOFRAMEWORK.md §2.5.
using System;

namespace nanoFramework.Json
{
    public static class JsonConvert
    {
        public static object DeserializeObject(string value, Type type, JsonSerializerOptions options) { throw new NotImplementedException(); }
    }

    public sealed class JsonSerializerOptions
    {
        public bool PropertyNameCaseInsensitive { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }
    }
}
