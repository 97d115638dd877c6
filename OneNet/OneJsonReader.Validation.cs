namespace OneNetFirmware.OneNet
{
    // OneJsonReader, part 2: validating a payload before it is read (structure, numbers, strings, UTF-8), in one pass.
    public partial class OneJsonReader
    {
        // Strict JSON check of the value at p (an object) up to _end, recording the envelope members of the top level.
        private bool Validate(int p)
        {
            int depth = 0;
            int pendingTop = -1;
            bool afterValue = false;
            while (true)
            {
                if (!afterValue)
                {
                    if (p >= _end) return false;
                    byte c = _b[p];
                    if (depth == 1 && pendingTop >= 0) _topStart[pendingTop] = p;
                    if (c == (byte)'{' || c == (byte)'[')
                    {
                        if (depth >= MaxDepth) return false;
                        _stack[depth++] = c;
                        p = SkipWs(p + 1);
                        if (p >= _end) return false;
                        if (_b[p] == (byte)(c + 2)) // '}' = '{' + 2 and ']' = '[' + 2
                        {
                            depth--;
                            p++;
                            afterValue = true;
                        }
                        else if (c == (byte)'{')
                        {
                            p = ValidateKey(p, depth, out pendingTop);
                            if (p < 0) return false;
                        }
                        continue;
                    }
                    p = ValidateScalar(p);
                    if (p < 0) return false;
                    if (depth == 1 && pendingTop >= 0) _topEnd[pendingTop] = p;
                    afterValue = true;
                    continue;
                }
                p = SkipWs(p);
                if (depth == 0) return p == _end;
                if (p >= _end) return false;
                byte open = _stack[depth - 1];
                if (_b[p] == (byte)',')
                {
                    p = SkipWs(p + 1);
                    afterValue = false;
                    if (open == (byte)'{')
                    {
                        p = ValidateKey(p, depth, out pendingTop);
                        if (p < 0) return false;
                    }
                    else
                    {
                        pendingTop = -1;
                    }
                    continue;
                }
                if (_b[p] != (byte)(open + 2)) return false;
                depth--;
                p++;
                if (depth == 1) pendingTop = -1;
            }
        }

        // p at a key: checks "key" ws ':' ws, records envelope keys at depth 1 (duplicates are malformed). The value's position or -1.
        private int ValidateKey(int p, int depth, out int top)
        {
            top = -1;
            if (p >= _end || _b[p] != (byte)'"') return -1;
            int end = ValidateString(p);
            if (end < 0) return -1;
            if (depth == 1)
            {
                for (int i = 0; i < TopCount; i++)
                {
                    if (RawEquals(p, end, TopNames[i]))
                    {
                        if (_topStart[i] >= 0) return -1;
                        top = i;
                        break;
                    }
                }
            }
            p = SkipWs(end);
            if (p >= _end || _b[p] != (byte)':') return -1;
            return SkipWs(p + 1);
        }

        private int ValidateScalar(int p)
        {
            byte c = _b[p];
            if (c == (byte)'"') return ValidateString(p);
            if (c == (byte)'t') return Literal(p, TrueWord);
            if (c == (byte)'f') return Literal(p, FalseWord);
            if (c == (byte)'n') return Literal(p, NullWord);
            return ValidateNumber(p);
        }

        private int Literal(int p, byte[] word)
        {
            if (p > _end - word.Length) return -1;
            for (int i = 0; i < word.Length; i++)
            {
                if (_b[p + i] != word[i]) return -1;
            }
            return p + word.Length;
        }

        // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        private int ValidateNumber(int p)
        {
            if (p < _end && _b[p] == (byte)'-') p++;
            if (p >= _end || !IsDigit(_b[p])) return -1;
            if (_b[p] == (byte)'0') p++;
            else p = Digits(p);
            if (p < _end && _b[p] == (byte)'.')
            {
                p++;
                if (p >= _end || !IsDigit(_b[p])) return -1;
                p = Digits(p);
            }
            if (p < _end && (_b[p] == (byte)'e' || _b[p] == (byte)'E'))
            {
                p++;
                if (p < _end && (_b[p] == (byte)'+' || _b[p] == (byte)'-')) p++;
                if (p >= _end || !IsDigit(_b[p])) return -1;
                p = Digits(p);
            }
            return p;
        }

        private int Digits(int p)
        {
            while (p < _end && IsDigit(_b[p])) p++;
            return p;
        }

        // p at the opening quote: checks escapes, control characters and UTF-8; the position after the closing quote or -1.
        private int ValidateString(int p)
        {
            p++;
            while (p < _end)
            {
                int c = _b[p];
                if (c == '"') return p + 1;
                if (c < 0x20) return -1;
                if (c == '\\')
                {
                    if (p + 1 >= _end) return -1;
                    int e = _b[p + 1];
                    if (e == 'u')
                    {
                        if (p + 5 >= _end) return -1;
                        for (int i = 2; i < 6; i++)
                        {
                            if (HexValue(_b[p + i]) < 0) return -1;
                        }
                        p += 6;
                    }
                    else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't')
                    {
                        p += 2;
                    }
                    else
                    {
                        return -1;
                    }
                    continue;
                }
                if (c < 0x80)
                {
                    p++;
                    continue;
                }
                p = ValidateUtf8(p, c);
                if (p < 0) return -1;
            }
            return -1;
        }

        // A multi-byte UTF-8 sequence starting with lead c at p (no overlong forms, no surrogates, ≤ U+10FFFF).
        private int ValidateUtf8(int p, int c)
        {
            int count;
            int min;
            int cp;
            if (c >= 0xC2 && c <= 0xDF) { count = 1; min = 0x80; cp = c & 0x1F; }
            else if (c >= 0xE0 && c <= 0xEF) { count = 2; min = 0x800; cp = c & 0x0F; }
            else if (c >= 0xF0 && c <= 0xF4) { count = 3; min = 0x10000; cp = c & 0x07; }
            else return -1;
            if (p + count >= _end) return -1;
            for (int i = 1; i <= count; i++)
            {
                int b = _b[p + i];
                if ((b & 0xC0) != 0x80) return -1;
                cp = (cp << 6) | (b & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
            return p + count + 1;
        }

        private int SkipWs(int p)
        {
            while (p < _end && IsWs(_b[p])) p++;
            return p;
        }

        private static bool IsWs(byte c)
        {
            return c == (byte)' ' || c == (byte)'\t' || c == (byte)'\n' || c == (byte)'\r';
        }

        private static bool IsDigit(byte c)
        {
            return c >= (byte)'0' && c <= (byte)'9';
        }

        private static int HexValue(int c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }
    }
}
