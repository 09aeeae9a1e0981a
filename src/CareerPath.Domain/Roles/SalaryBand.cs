using CareerPath.Domain.Common;

namespace CareerPath.Domain.Roles;

/// <summary>A yearly salary range for a role, as published by the catalog's sources.</summary>
public sealed record SalaryBand
{
    public const int CurrencyLength = 3;

    private SalaryBand(int min, int max, string currency)
    {
        Min = min;
        Max = max;
        Currency = currency;
    }

    public int Min { get; }
    public int Max { get; }
    public string Currency { get; }
    public int Midpoint => Min + ((Max - Min) / 2);

    public static SalaryBand Create(int min, int max, string currency = "USD")
    {
        if (min <= 0)
        {
            throw new DomainException($"A salary band must start above zero (it starts at {min:N0}).");
        }

        if (max < min)
        {
            throw new DomainException($"A salary band's maximum ({max:N0}) cannot be below its minimum ({min:N0}).");
        }

        if (string.IsNullOrWhiteSpace(currency) || currency.Trim().Length != CurrencyLength)
        {
            throw new DomainException("A salary band's currency must be a three-letter ISO code such as USD.");
        }

        return new SalaryBand(min, max, currency.Trim().ToUpperInvariant());
    }
}
