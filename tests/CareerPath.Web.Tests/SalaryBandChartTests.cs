using CareerPath.Domain.Roles;
using CareerPath.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerPath.Web.Tests;

/// <summary>The salary chart's markup: one currency on one scale, said in the caption.</summary>
public sealed class SalaryBandChartTests
{
    [Fact]
    public async Task Bands_are_drawn_in_the_frameworks_currency_and_roles_paid_in_another_are_left_out_and_counted()
    {
        var html = await RenderAsync(
            Role("junior", 40_000, 50_000, "EUR"),
            Role("senior", 60_000, 80_000, "EUR"),
            Role("lead", 90_000, 120_000, "GBP"),
            Role("intern", null, null, null));

        Assert.Contains("Yearly base salary in EUR. Lowest to highest figure published for each role. 1 role paid in other currencies not drawn.", html, StringComparison.Ordinal);
        Assert.Contains("40,000 EUR", html, StringComparison.Ordinal);
        Assert.Contains("50,000 EUR", html, StringComparison.Ordinal);
        Assert.DoesNotContain("lead", html, StringComparison.Ordinal);
        // The axis runs from the lowest band's floor to above the highest, in 25,000 steps, in the same currency.
        Assert.Contains("<span>25,000 EUR</span><span>100,000 EUR</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dollar_bands_say_us_dollars()
    {
        var html = await RenderAsync(Role("pm", 120_011, 180_000, "USD"));

        Assert.Contains("Yearly base salary in US dollars.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("other currencies", html, StringComparison.Ordinal);
    }

    private static Role Role(string slug, int? min, int? max, string? currency) =>
        new(slug, slug, "eng", 1, false, "", "", [], min is null ? null : SalaryBand.Create(min.Value, max!.Value, currency!), 24);

    private static async Task<string> RenderAsync(params Role[] roles)
    {
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<SalaryBandChart>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Roles"] = roles }))).ToHtmlString());
    }
}
