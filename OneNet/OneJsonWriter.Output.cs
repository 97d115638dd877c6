using System;

namespace OneNetFirmware.OneNet
{
    // OneJsonWriter, part 2: the JSON mechanics under the public API (nesting, separators, numbers, escaped strings, copying pre-encoded fragments).
    public partial class OneJsonWriter
    {
        private void Reset()
        {
            _pos = _start;
            _overflow = false;
            if (_buf == null || _start < 0 || _end > _buf.Length || _end < _start)
            {
                _overflow = true;
                _end = _start; // nothing is ever written into a bad buffer
            }
            _depth = 0;
        }

        // {"id":"<id>","version":"1.0","params": as two copies around the digits; the outer object holds items already.
        private void BeginRequest(int id)
        {
            Reset();
            PutBytes(RequestHead);
            WriteLong(id);
            PutBytes(RequestTail);
            Push((byte)'}', true);
        }

        private void EndReplyHead(int code, string msg)
        {
            Key(CodeKey);
            WriteLong(code);
            Key(MsgKey);
            int i = 0;
            while (i < MessageCodes.Length - 1 && MessageCodes[i] != code) i++;
            if (msg == null || msg == ReplyCodes.Message(code)) PutBytes(Messages[i]);
            else WriteString(msg);
        }

        private bool CanWrite(double value)
        {
            double limit = 9.0e18 / Pow10[_decimals];
            return value > -limit && value < limit; // false for NaN and ±Infinity as well
        }

        private byte[] KeyOf(string name)
        {
            return name == null ? NullKey : _keys.Get(name);
        }

        private void BeginValue(byte[] key)
        {
            Key(key);
            OpenValue();
        }

        // {"value": in one copy; the object holds an item from then on.
        private void OpenValue()
        {
            PutBytes(ValueHead);
            Push((byte)'}', true);
        }

        private void EndValue(long timeMs)
        {
            if (timeMs >= 0)
            {
                if (timeMs != _timeMs) FormatTime(timeMs);
                PutRange(_timeText, 0, _timeLength);
            }
            Close();
        }

        private void Open(byte bracket)
        {
            Put(bracket);
            Push(bracket == (byte)'{' ? (byte)'}' : (byte)']', false);
        }

        private void Push(byte closer, bool hasItem)
        {
            if (_depth >= MaxDepth)
            {
                _overflow = true;
                return;
            }
            _closer[_depth] = closer;
            _hasItem[_depth] = hasItem;
            _depth++;
        }

        private void Close()
        {
            if (_depth == 0) return;
            _depth--;
            Put(_closer[_depth]);
        }

        private void Separator()
        {
            if (_depth == 0) return;
            if (_hasItem[_depth - 1]) Put((byte)',');
            _hasItem[_depth - 1] = true;
        }

        private void Key(byte[] key)
        {
            Separator();
            PutBytes(key);
        }

        private void WriteLong(long value)
        {
            if (value < 0)
            {
                Put((byte)'-');
                WriteDigits((ulong)(-(value + 1)) + 1, 1);
            }
            else
            {
                WriteDigits((ulong)value, 1);
            }
        }

        private void FormatTime(long timeMs)
        {
            int p = FormatDigits((ulong)timeMs, 1);
            Array.Copy(TimeMember, _timeText, TimeMember.Length);
            Array.Copy(_digits, p, _timeText, TimeMember.Length, DigitsSize - p);
            _timeLength = TimeMember.Length + DigitsSize - p;
            _timeMs = timeMs;
        }

        // Writes u with at least minDigits digits (leading zeros) in one copy.
        private void WriteDigits(ulong u, int minDigits)
        {
            int p = FormatDigits(u, minDigits);
            PutRange(_digits, p, DigitsSize - p);
        }

        // Formats u into the end of _digits, two digits per step from the right; returns where the digits start.
        private int FormatDigits(ulong u, int minDigits)
        {
            byte[] d = _digits;
            int p = DigitsSize;
            while (u >= 100)
            {
                ulong q = u / 100;
                int pair = (int)(u - q * 100) << 1;
                d[--p] = DigitPairs[pair + 1];
                d[--p] = DigitPairs[pair];
                u = q;
            }
            if (u >= 10)
            {
                int pair = (int)u << 1;
                d[--p] = DigitPairs[pair + 1];
                d[--p] = DigitPairs[pair];
            }
            else
            {
                d[--p] = (byte)('0' + (int)u);
            }
            while (DigitsSize - p < minDigits) d[--p] = (byte)'0';
            return p;
        }

        // Fixed-point with _decimals, half away from zero, trailing zeros dropped, never "-0". Caller checked CanWrite.
        private void WriteDouble(double value)
        {
            long scale = Pow10[_decimals];
            bool negative = value < 0;
            double magnitude = negative ? -value : value;
            long rounded = (long)(magnitude * scale + 0.5);
            if (rounded == 0)
            {
                Put((byte)'0');
                return;
            }
            if (negative) Put((byte)'-');
            long whole = rounded / scale;
            WriteDigits((ulong)whole, 1);
            long fraction = rounded - whole * scale;
            if (fraction == 0) return;
            int digits = _decimals;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }
            Put((byte)'.');
            WriteDigits((ulong)fraction, digits);
        }

        // A JSON string value: encoded (and escaped) each time, so it allocates; repeated texts use EncodeText once.
        private void WriteString(string s)
        {
            PutBytes(s == null ? NullBytes : Quote(s, false));
        }

        // "s" or "s": as JSON: the text as UTF-8 (Utf8Text: surrogate pairs as 4 bytes, a lone surrogate as U+FFFD),
        // quotes, backslash and control characters escaped. Bytes of UTF-8 at or above 0x80 are never '"', '\' or
        // control characters, so escaping byte by byte is exact.
        private static byte[] Quote(string s, bool key)
        {
            byte[] utf8 = Utf8Text.Encode(s);
            int n = key ? 3 : 2;
            for (int i = 0; i < utf8.Length; i++) n += Escape(utf8[i], null, 0);
            byte[] quoted = new byte[n];
            int p = 0;
            quoted[p++] = (byte)'"';
            for (int i = 0; i < utf8.Length; i++) p += Escape(utf8[i], quoted, p);
            quoted[p++] = (byte)'"';
            if (key) quoted[p] = (byte)':';
            return quoted;
        }

        // Writes b escaped at to[p] (when to is not null); returns the byte count either way.
        private static int Escape(byte b, byte[] to, int p)
        {
            byte short2;
            switch (b)
            {
                case (byte)'"': short2 = (byte)'"'; break;
                case (byte)'\\': short2 = (byte)'\\'; break;
                case (byte)'\n': short2 = (byte)'n'; break;
                case (byte)'\r': short2 = (byte)'r'; break;
                case (byte)'\t': short2 = (byte)'t'; break;
                case (byte)'\b': short2 = (byte)'b'; break;
                case (byte)'\f': short2 = (byte)'f'; break;
                default:
                    if (b >= 0x20)
                    {
                        if (to != null) to[p] = b;
                        return 1;
                    }
                    if (to != null)
                    {
                        // \u00XX
                        to[p] = (byte)'\\';
                        to[p + 1] = (byte)'u';
                        to[p + 2] = (byte)'0';
                        to[p + 3] = (byte)'0';
                        to[p + 4] = (byte)(b < 0x10 ? '0' : '1');
                        int low = b & 0xF;
                        to[p + 5] = (byte)(low < 10 ? '0' + low : 'a' + low - 10);
                    }
                    return 6;
            }
            if (to != null)
            {
                to[p] = (byte)'\\';
                to[p + 1] = short2;
            }
            return 2;
        }

        private static byte[] BuildDigitPairs()
        {
            byte[] pairs = new byte[200];
            for (int i = 0; i < 100; i++)
            {
                pairs[2 * i] = (byte)('0' + i / 10);
                pairs[2 * i + 1] = (byte)('0' + i % 10);
            }
            return pairs;
        }

        // The standard msg of each code in MessageCodes, quoted; the last (Failed) also stands for any other code.
        private static byte[][] EncodeMessages()
        {
            byte[][] messages = new byte[MessageCodes.Length][];
            for (int i = 0; i < messages.Length; i++) messages[i] = EncodeText(ReplyCodes.Message(MessageCodes[i]));
            return messages;
        }

        private void PutBytes(byte[] bytes)
        {
            PutRange(bytes, 0, bytes.Length);
        }

        // One native copy per fragment; on overflow nothing more is written and End() returns -1.
        private void PutRange(byte[] source, int offset, int count)
        {
            int pos = _pos;
            if (count <= _end - pos)
            {
                Array.Copy(source, offset, _buf, pos, count);
                _pos = pos + count;
            }
            else
            {
                _overflow = true;
                _pos = _end;
            }
        }

        private void Put(byte b)
        {
            if (_pos < _end)
            {
                _buf[_pos++] = b;
            }
            else
            {
                _overflow = true;
            }
        }
    }
}
