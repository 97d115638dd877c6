namespace OneNetFirmware.Runtime
{
    /// <summary>How a property's value is written in OneJSON.</summary>
    public enum PropertyKind
    {
        /// <summary>A float/double with the identifier's decimals.</summary>
        Number = 0,
        /// <summary>An int32: written without decimals.</summary>
        Integer = 1,
        /// <summary>true / false (the value is 0 or 1).</summary>
        Bool = 2,
    }
}
