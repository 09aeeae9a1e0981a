using CareerPath.Data.Frameworks;

namespace CareerPath.Web.Tests.Frameworks;

public sealed class FrameworkKeysTests
{
    [Theory]
    [InlineData("Comunicação", "comunicacao")]
    [InlineData("  Senior PM (EMEA) ", "senior-pm-emea")]
    [InlineData("Product Roadmap & Product-Led Growth", "product-roadmap-product-led-growth")]
    [InlineData("Straße, Øresund, Łódź", "strasse-oresund-lodz")]
    [InlineData("👩‍💼 Liderança", "lideranca")]
    [InlineData("Level 10", "level-10")]
    [InlineData("🚀", "skill-3")]
    [InlineData("沟通", "skill-3")]
    [InlineData("", "skill-3")]
    public void A_key_comes_from_the_name_or_the_fallback(string name, string key) =>
        Assert.Equal(key, FrameworkKeys.FromName(name, "skill-3"));

    [Fact]
    public void A_long_name_gives_a_key_of_at_most_80_characters_without_a_trailing_hyphen()
    {
        var key = FrameworkKeys.FromName(new string('a', 79) + " b c", "x");

        Assert.Equal(new string('a', 79), key);
    }
}
