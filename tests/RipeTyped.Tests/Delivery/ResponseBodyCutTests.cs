using System.Text;
using RipeTyped.Delivery;
using Xunit;

namespace RipeTyped.Tests.Delivery;

// A response body is read into a fixed buffer; a cut in the middle of a multi-byte character must not
// turn into a replacement character in the message the sender logs or reports.
public class ResponseBodyCutTests
{
    [Theory]
    [InlineData("abc", 3)]          // ASCII: nothing to trim
    [InlineData("aé", 2)]           // cut after the lead byte of a 2-byte char
    [InlineData("a€", 2)]           // 3-byte char, 1 of 3 bytes kept
    [InlineData("a€", 3)]           // 3-byte char, 2 of 3 bytes kept
    [InlineData("a😀", 4)]          // 4-byte char, 3 of 4 bytes kept
    [InlineData("a😀", 5)]          // 4-byte char complete
    [InlineData("é€😀", 9)]         // all complete
    public void A_cut_keeps_only_whole_characters(string text, int cut)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        int kept = RipeHttpSender.WholeUtf8Length(bytes, cut);

        string decoded = Encoding.UTF8.GetString(bytes, 0, kept);
        Assert.DoesNotContain('\uFFFD', decoded);
        Assert.StartsWith(decoded, text, System.StringComparison.Ordinal);
        // At most one character (up to 3 trailing bytes) is dropped.
        Assert.InRange(cut - kept, 0, 3);
        string whole = Encoding.UTF8.GetString(bytes, 0, cut);
        if (!whole.Contains('\uFFFD'))
        {
            Assert.Equal(cut, kept);
        }
    }
}
