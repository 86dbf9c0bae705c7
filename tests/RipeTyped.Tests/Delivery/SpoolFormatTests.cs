using System;
using System.Linq;
using System.Text;
using RipeTyped.Delivery;
using RipeTyped.Delivery.Spool;

namespace RipeTyped.Tests.Delivery;

/// <summary>
/// The spool's on-disk format outlives the process that wrote it: records written by this version (format 1, kept here
/// as bytes) must read back the same in every later version, whatever the order of the calls in the code.
/// </summary>
public class SpoolFormatTests
{
    // One record per call, as format 1 writes them (computed from the documented layout with zlib's CRC-32, not by this
    // code): identify, track, page, group, each messageId "m-<call>" and body "{}".
    private const string FormatOneRecords = 
        "524950450E000000F5DA6DDC000A6D2D6964656E746966797B7D524950450B000000BEB37BF201076D2D747261636B7B7D524950450A000000061403D402066D2D706167657B7D524950450B0000009F76102603076D2D67726F75707B7D";

    [Fact]
    public void Records_written_in_format_one_still_read()
    {
        byte[] data = Convert.FromHexString(FormatOneRecords);

        var records = SpoolRecord.ReadAll(data, 1024, out int damaged);

        Assert.Equal(0, damaged);
        Assert.Equal(new[] { RipeCall.Identify, RipeCall.Track, RipeCall.Page, RipeCall.Group }, records.Select(r => r.Call));
        Assert.Equal(new[] { "m-identify", "m-track", "m-page", "m-group" }, records.Select(r => r.MessageId));
        Assert.All(records, r => Assert.Equal("{}", Encoding.UTF8.GetString(r.Body)));
    }

    [Fact]
    public void This_version_writes_format_one()
    {
        byte[] written = RipeCalls.All
            .SelectMany(call => SpoolRecord.Encode(new OutgoingMessage(call, "m-" + call.Path(), Encoding.UTF8.GetBytes("{}"))))
            .ToArray();

        Assert.Equal(FormatOneRecords, Convert.ToHexString(written));
    }

    [Fact]
    public void An_unknown_call_code_is_skipped_as_damage_not_misread()
    {
        byte[] data = Convert.FromHexString(FormatOneRecords);
        var first = SpoolRecord.ReadAll(data, 1024, out _)[0];
        data[SpoolRecord.HeaderBytes] = 9; // the first record's call byte: no such call

        var records = SpoolRecord.ReadAll(data, 1024, out int damaged);

        Assert.Equal(1, damaged);
        Assert.Equal(3, records.Count);
        Assert.DoesNotContain(records, r => r.MessageId == first.MessageId);
    }
}
