using CareerPath.Web.Services;

namespace CareerPath.Web.Tests;

public sealed class FormatTests
{
    [Theory]
    [InlineData("Engenharia – Backend 🛠️", "engenharia-backend")]
    [InlineData("To Senior PM (2027)", "to-senior-pm-2027")]
    [InlineData("Ärger über Straße", "arger-uber-stra-e")]
    [InlineData("产品经理", "roadmap")]
    [InlineData("---", "roadmap")]
    [InlineData("aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee fffffffff gggg", "aaaaaaaaaa-bbbbbbbbbb-cccccccccc-dddddddddd-eeeeeeeeee-fffff")]
    public void A_download_is_named_in_plain_ascii_words_or_the_fallback(string name, string expected) =>
        Assert.Equal(expected, Format.FileName(name, "roadmap"));

    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "1 goal" }, "1 goal")]
    [InlineData(new[] { "1 skill audit", "1 goal" }, "1 skill audit and 1 goal")]
    [InlineData(new[] { "2 skill audits", "1 roadmap", "3 goals" }, "2 skill audits, 1 roadmap and 3 goals")]
    public void A_list_reads_as_a_sentence(string[] items, string expected) => Assert.Equal(expected, Format.List(items));
}
