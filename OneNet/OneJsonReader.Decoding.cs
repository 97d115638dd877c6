namespace OneNetFirmware.OneNet
{
    // OneJsonReader, part 3: turning a validated value into a number or a string, or comparing it in place.
    public partial class OneJsonReader
    {
        private bool ParseLong(int p, int end, out long value)
        {
            value = 0;
            bool negative = p < end && _b[p] == (byte)'-';
            if (negative) p++;
            if (p >= end) return false;
            ulong limit = negative ? 9223372036854775808UL : 9223372036854775807UL;
            ulong v = 0;
            for (; p < end; p++)
            {
                int d = _b[p] - '0';
                if (d < 0 || d > 9) return false;
                if (v > (limit - (ulong)d) / 10) return false;
                v = v * 10 + (ulong)d;
            }
            value = negative ? (long)(0 - v) : (long)v;
            return true;
        }

        private bool ParseDouble(int p, int end, out double value)
        {
            value = 0;
            bool negative = _b[p] == (byte)'-';
            if (negative) p++;
            ulong mantissa = 0;
            int digits = 0;
            int exponent = 0;
            bool fraction = false;
            for (; p < end; p++)
            {
                byte c = _b[p];
                if (c == (byte)'.')
                {
                    fraction = true;
                    continue;
                }
                if (c == (byte)'e' || c == (byte)'E') break;
                if (mantissa == 0 && c == (byte)'0')
                {
                    if (fraction) exponent--;
                    continue;
                }
                if (digits < 19)
                {
                    mantissa = mantissa * 10 + (ulong)(c - '0');
                    digits++;
                    if (fraction) exponent--;
                }
                else if (!fraction)
                {
                    exponent++;
                }
            }
            if (p < end)
            {
                p++;
                bool expNegative = _b[p] == (byte)'-';
                if (_b[p] == (byte)'-' || _b[p] == (byte)'+') p++;
                int e = 0;
                for (; p < end; p++)
                {
                    if (e < 100000) e = e * 10 + (_b[p] - '0');
                }
                exponent += expNegative ? -e : e;
            }
            double result = mantissa;
            if (mantissa != 0)
            {
                if (exponent > 330) return false;
                if (exponent < -360)
                {
                    result = 0;
                }
                else
                {
                    while (exponent > 22)
                    {
                        result *= 1e22;
                        exponent -= 22;
                    }
                    while (exponent < -22)
                    {
                        result /= 1e22;
                        exponent += 22;
                    }
                    result = exponent >= 0 ? result * Exact[exponent] : result / Exact[-exponent];
                }
            }
            if (!(result > -1.7976931348623157e308 && result < 1.7976931348623157e308)) return false;
            value = negative ? -result : result;
            return true;
        }

        // Decodes a validated string (quotes at start and end-1) into a new string: escapes and UTF-8 → UTF-16.
        private string DecodeString(int start, int end)
        {
            char[] chars = new char[end - start];
            int n = 0;
            int p = start + 1;
            int last = end - 1;
            while (p < last)
            {
                int c = _b[p];
                if (c == '\\')
                {
                    int e = _b[p + 1];
                    p += 2;
                    switch (e)
                    {
                        case 'n': chars[n++] = '\n'; break;
                        case 'r': chars[n++] = '\r'; break;
                        case 't': chars[n++] = '\t'; break;
                        case 'b': chars[n++] = '\b'; break;
                        case 'f': chars[n++] = '\f'; break;
                        case 'u':
                            chars[n++] = (char)((HexValue(_b[p]) << 12) | (HexValue(_b[p + 1]) << 8) | (HexValue(_b[p + 2]) << 4) | HexValue(_b[p + 3]));
                            p += 4;
                            break;
                        default: chars[n++] = (char)e; break;
                    }
                }
                else if (c < 0x80)
                {
                    chars[n++] = (char)c;
                    p++;
                }
                else if (c < 0xE0)
                {
                    chars[n++] = (char)(((c & 0x1F) << 6) | (_b[p + 1] & 0x3F));
                    p += 2;
                }
                else if (c < 0xF0)
                {
                    chars[n++] = (char)(((c & 0x0F) << 12) | ((_b[p + 1] & 0x3F) << 6) | (_b[p + 2] & 0x3F));
                    p += 3;
                }
                else
                {
                    int cp = ((c & 0x07) << 18) | ((_b[p + 1] & 0x3F) << 12) | ((_b[p + 2] & 0x3F) << 6) | (_b[p + 3] & 0x3F);
                    cp -= 0x10000;
                    chars[n++] = (char)(0xD800 + (cp >> 10));
                    chars[n++] = (char)(0xDC00 + (cp & 0x3FF));
                    p += 4;
                }
            }
            return new string(chars, 0, n);
        }

        // ---- comparing in place ----

        // Raw string content [start+1, end-1) equals the UTF-8 of a text byte for byte (identifiers, ids).
        private bool RawEquals(int start, int end, byte[] utf8)
        {
            return RawEquals(start, end, utf8, 0, utf8.Length);
        }

        // The same with utf8[offset..offset + count): the name part of a key (OneJsonWriter.EncodeKey).
        private bool RawEquals(int start, int end, byte[] utf8, int offset, int count)
        {
            int n = end - start - 2;
            if (n != count) return false;
            for (int i = 0; i < n; i++)
            {
                if (_b[start + 1 + i] != utf8[offset + i]) return false;
            }
            return true;
        }
    }
}
