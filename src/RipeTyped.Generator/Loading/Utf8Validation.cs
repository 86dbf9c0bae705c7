namespace RipeTyped.Generator.Loading
{
    /// <summary>Finds the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF).</summary>
    internal static class Utf8Validation
    {
        /// <returns>The index of the first byte of the first ill-formed sequence, or -1 when every byte from <paramref name="start"/> on is valid UTF-8.</returns>
        public static int FirstInvalidByte(byte[] bytes, int start)
        {
            int i = start;
            while (i < bytes.Length)
            {
                byte b = bytes[i];
                if (b < 0x80)
                {
                    i++;
                    continue;
                }

                // The length of the sequence b starts, and the range its second byte must be in (which excludes overlong
                // forms, UTF-16 surrogates and code points above U+10FFFF).
                int length;
                byte low = 0x80, high = 0xBF;
                if (b >= 0xC2 && b <= 0xDF)
                {
                    length = 2;
                }
                else if (b >= 0xE0 && b <= 0xEF)
                {
                    length = 3;
                    low = b == 0xE0 ? (byte)0xA0 : (byte)0x80;
                    high = b == 0xED ? (byte)0x9F : (byte)0xBF;
                }
                else if (b >= 0xF0 && b <= 0xF4)
                {
                    length = 4;
                    low = b == 0xF0 ? (byte)0x90 : (byte)0x80;
                    high = b == 0xF4 ? (byte)0x8F : (byte)0xBF;
                }
                else
                {
                    return i;
                }

                if (i + length > bytes.Length || bytes[i + 1] < low || bytes[i + 1] > high)
                {
                    return i;
                }

                for (int k = 2; k < length; k++)
                {
                    if (bytes[i + k] < 0x80 || bytes[i + k] > 0xBF)
                    {
                        return i;
                    }
                }

                i += length;
            }

            return -1;
        }
    }
}
