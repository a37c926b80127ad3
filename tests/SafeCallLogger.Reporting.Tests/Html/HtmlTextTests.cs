using System.Xml.Linq;
using SafeCallLogger.Reporting.Html;

namespace SafeCallLogger.Reporting.Tests.Html;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("Tom & Jerry's \"FC\"", "Tom &amp; Jerry&#39;s &quot;FC&quot;")]
    [InlineData("plain", "plain")]
    [InlineData(null, "")]
    [InlineData("a\u0001b\u0000c", "abc")]
    [InlineData("é 🏀", "é 🏀")]
    public void Encode_MarkupAndControlCharacters_AreEscapedOrDropped(string? text, string expected) =>
        Assert.Equal(expected, HtmlText.Encode(text));

    [Fact]
    public void Encode_LoneSurrogate_IsDroppedSoThePageStaysWellFormed()
    {
        var encoded = HtmlText.Encode("a\uD83Cb");

        Assert.Equal("ab", encoded);
        Assert.Equal("ab", XElement.Parse("<p>" + encoded + "</p>").Value);
    }

    [Fact]
    public void Encode_AnyText_ReadsBackVerbatimAsAnAttribute()
    {
        const string Text = "<b a=\"1\">&amp;</b>'";

        Assert.Equal(Text, (string?)XElement.Parse("<p title=\"" + HtmlText.Encode(Text) + "\"/>").Attribute("title"));
    }
}
