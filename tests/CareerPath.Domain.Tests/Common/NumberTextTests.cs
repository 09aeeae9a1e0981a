using CareerPath.Domain.Common;

namespace CareerPath.Domain.Tests.Common;

public sealed class NumberTextTests
{
    [Theory]
    [InlineData("12", 12)]
    [InlineData(" 12.50 ", 12.5)]
    [InlineData("1e3", 1000)]
    [InlineData("0", 0)]
    [InlineData("12,5", 12.5)]        // a phone keypad's decimal comma
    [InlineData("0.000001", 0.000001)]
    public void A_number_in_range_is_read_as_typed(string text, double expected) =>
        Assert.Equal((decimal)expected, NumberText.Decimal(text, "The target value", 0, 1_000_000_000m));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void An_empty_box_is_no_value(string? text) =>
        Assert.Null(NumberText.Decimal(text, "The target value", 0, 1_000_000_000m));

    [Theory]
    [InlineData("1e15", "The target value must be at most 1,000,000,000.")]
    [InlineData("1e20", "The target value must be at most 1,000,000,000.")]
    [InlineData("1e30", "The target value must be at most 1,000,000,000.")]
    [InlineData("-3", "The target value cannot be negative.")]
    [InlineData("abc", "The target value must be a number, such as 12 or 3.5, without thousands separators.")]
    [InlineData("1e400", "The target value must be at most 1,000,000,000.")]
    [InlineData("-1e400", "The target value cannot be negative.")]
    [InlineData("1,000", "The target value must be a number, such as 12 or 3.5, without thousands separators.")]
    [InlineData("1.5,5", "The target value must be a number, such as 12 or 3.5, without thousands separators.")]
    [InlineData("NaN", "The target value must be a number, such as 12 or 3.5, without thousands separators.")]
    [InlineData("1e-30", "The target value can have at most 6 decimal places.")]
    [InlineData("0.0000001", "The target value can have at most 6 decimal places.")]
    public void A_value_the_field_cannot_take_gets_a_message_in_the_users_words(string text, string message) =>
        Assert.Equal(message, Assert.Throws<DomainException>(() => NumberText.Decimal(text, "The target value", 0, 1_000_000_000m)).Message);

    [Theory]
    [InlineData("2.5", "Lifetime in days must be a whole number, such as 12.")]
    [InlineData("seven", "Lifetime in days must be a whole number, such as 12.")]
    [InlineData("0", "Lifetime in days must be at least 1.")]
    [InlineData("91", "Lifetime in days must be at most 90.")]
    public void A_count_must_be_a_whole_number_in_range(string text, string message) =>
        Assert.Equal(message, Assert.Throws<DomainException>(() => NumberText.WholeNumber(text, "Lifetime in days", 1, 90)).Message);

    [Fact]
    public void A_whole_number_is_read() => Assert.Equal(30, NumberText.WholeNumber("30", "Lifetime in days", 1, 90));
}
