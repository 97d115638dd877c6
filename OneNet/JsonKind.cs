namespace OneNetFirmware.OneNet
{
    /// <summary>The JSON type of a value seen by <see cref="OneJsonReader"/> (int constants: enums print as numbers on the device).</summary>
    public static class JsonKind
    {
        public const int None = 0;
        public const int String = 1;
        public const int Number = 2;
        public const int True = 3;
        public const int False = 4;
        public const int Null = 5;
        public const int Object = 6;
        public const int Array = 7;
    }
}
