using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CareerPath.BrowserTests;

/// <summary>Checks every finished page must pass: axe-core's WCAG 2.0/2.1 A and AA rules, and no sideways scrolling.</summary>
public static class PageQuality
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe(WcagAa);
        var found = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(5).Select(n => n.Html))}");
        Assert.True(result.Violations.Length == 0, $"axe-core found on {page.Url}:\n{string.Join("\n", found)}");
    }

    public static async Task AssertFitsTheWidthAsync(this IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scroll, viewport) = (widths[0], widths[1]);
        if (scroll > viewport)
        {
            // The innermost elements that reach past the window, to say where to look.
            var culprits = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                        && ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
                    .slice(0, 6)
                    .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)} px): ${(e.textContent || '').trim().slice(0, 40)}`)
                """);
            Assert.Fail($"{page.Url} scrolls sideways: {scroll} px wide in a {viewport} px window. Widest: {string.Join(" | ", culprits)}");
        }
    }

    /// <summary>
    /// On a phone, the bars that stay on screen while scrolling down (fixed, or sticky to the top or bottom) take at most
    /// 15 % of its height. A column sticky to the left of a table that scrolls sideways stays in its row, so it is not one.
    /// </summary>
    public static async Task AssertStickyBarsFitAsync(this IPage page)
    {
        var bars = await page.EvaluateAsync<string[]>("""
            () => {
                const pinnedVertically = s => s.position === 'fixed' || (s.position === 'sticky' && (s.top !== 'auto' || s.bottom !== 'auto'));
                const pinned = [...document.querySelectorAll('body *')]
                    .filter(e => pinnedVertically(getComputedStyle(e)) && e.offsetHeight > 0);
                return pinned.filter(e => !pinned.some(p => p !== e && p.contains(e)))
                    .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}:${e.offsetHeight}`);
            }
            """);
        var height = await page.EvaluateAsync<int>("() => window.innerHeight");
        var total = bars.Sum(b => int.Parse(b[(b.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(total <= height * 0.15, $"{page.Url}: bars that stay on screen take {total} px of a {height} px window (at most 15 %): {string.Join(", ", bars)}");
    }
}
