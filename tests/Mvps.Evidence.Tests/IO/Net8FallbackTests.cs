using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Mvps.Evidence.Receipt;
using Mvps.IO;

namespace Mvps.Evidence.Tests.IO;

/// <summary>
/// The codec also builds for net8.0 (the net8 evidence run): the helpers that stand in for .NET 9+ APIs must
/// give exactly what those APIs give, which the net10.0 tests can still call as the oracle.
/// </summary>
public sealed class Net8FallbackTests
{
    [Fact]
    public void LowerHex_equals_Convert_ToHexStringLower_for_every_length_and_byte_value()
    {
        var bytes = new byte[300];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)((i * 167) + 13); // every byte value appears
        }

        for (var length = 0; length <= bytes.Length; length++)
        {
            Assert.Equal(Convert.ToHexStringLower(bytes.AsSpan(0, length)), LowerHex.Of(bytes.AsSpan(0, length)));
        }
    }

    [Fact]
    public void Dropping_carriage_returns_turns_a_CRLF_JSON_writer_into_the_LF_one_byte_for_byte()
    {
        // A CR and a CRLF inside strings stay escaped: only line ends lose their CR.
        static byte[] Write(string newLine, bool filter)
        {
            using var buffer = new MemoryStream();
            var options = new JsonWriterOptions { Indented = true, NewLine = newLine, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            using (var json = new Utf8JsonWriter(filter ? LfLineEnds.DropCarriageReturns(buffer) : buffer, options))
            {
                json.WriteStartObject();
                json.WriteString("text", "one\r\ntwo\rthree\n");
                json.WriteStartArray("values");
                json.WriteNumberValue(0.985143f);
                json.WriteNumberValue(13);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            return buffer.ToArray();
        }

        var lf = Write("\n", filter: false);
        var crlf = Write("\r\n", filter: false);

        Assert.Contains((byte)'\r', crlf); // the sabotage is real: unfiltered, the line ends differ
        Assert.Equal(Encoding.UTF8.GetString(lf), Encoding.UTF8.GetString(Write("\r\n", filter: true)));
        Assert.Contains("\"one\\r\\ntwo\\rthree\\n\"", Encoding.UTF8.GetString(lf));
    }

    [Theory]
    [InlineData("""{"a":[1,2,{"b":"x"}],"c":null}""", """{"c":null,"a":[1,2,{"b":"x"}]}""", true)]
    [InlineData("1.0", "1", true)]
    [InlineData("0.985143", "0.985143", true)]
    [InlineData("0.985143", "0.985144", false)]
    [InlineData("[1,2]", "[2,1]", false)]
    [InlineData("[1,2]", "[1,2,3]", false)]
    [InlineData("""{"a":1}""", """{"a":1,"b":2}""", false)]
    [InlineData("""{"a":"x"}""", """{"a":"X"}""", false)]
    [InlineData("true", "false", false)]
    [InlineData("1", "\"1\"", false)]
    [InlineData("1e400", "1e401", false)]
    public void The_receipt_comparison_is_JsonElement_DeepEquals(string left, string right, bool equal)
    {
        using var a = JsonDocument.Parse(left);
        using var b = JsonDocument.Parse(right);

        Assert.Equal(equal, ReceiptContentCheck.SameValue(a.RootElement, b.RootElement));
        Assert.Equal(JsonElement.DeepEquals(a.RootElement, b.RootElement), ReceiptContentCheck.SameValue(a.RootElement, b.RootElement));
    }
}
