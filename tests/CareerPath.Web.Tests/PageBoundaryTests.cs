using System.Collections.Concurrent;
using CareerPath.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareerPath.Web.Tests;

/// <summary>Every interactive page sits in a <see cref="PageBoundary"/>: a failure while loading is explained and logged.</summary>
public sealed class PageBoundaryTests
{
    [Fact]
    public async Task A_page_that_fails_to_load_is_replaced_by_an_explanation_with_a_retry_and_the_error_is_logged()
    {
        var logs = new ListLogger();
        var services = new ServiceCollection().AddLogging(builder => builder.AddProvider(logs)).BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());

        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            RenderFragment page = builder =>
            {
                builder.OpenComponent<FailingPage>(0);
                builder.CloseComponent();
            };
            var output = await renderer.RenderComponentAsync<PageBoundary>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["ChildContent"] = page }));
            return output.ToHtmlString();
        });

        Assert.Contains("This page could not be shown", html, StringComparison.Ordinal);
        Assert.Contains("Try again", html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("database did not answer", html, StringComparison.Ordinal);
        var logged = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error && e.Category.EndsWith("PageBoundary", StringComparison.Ordinal));
        Assert.IsType<TimeoutException>(logged.Exception);
    }

    [Fact]
    public async Task The_prerendered_copy_of_a_page_has_its_buttons_disabled_and_its_links_working()
    {
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());

        // HtmlRenderer renders as prerendering does: not interactive, so nothing on the page could answer a click yet.
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            RenderFragment page = builder => builder.AddMarkupContent(0, "<a href=\"goals\">Goals</a><button type=\"button\">Delete</button>");
            var output = await renderer.RenderComponentAsync<PageBoundary>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["ChildContent"] = page }));
            return output.ToHtmlString();
        });

        Assert.Equal("<fieldset class=\"until-live\" disabled><a href=\"goals\">Goals</a><button type=\"button\">Delete</button></fieldset>", html);
    }

    private sealed class FailingPage : ComponentBase
    {
        protected override Task OnInitializedAsync() => throw new TimeoutException("The database did not answer.");
    }

    private sealed class ListLogger : ILoggerProvider
    {
        public ConcurrentBag<(string Category, LogLevel Level, Exception? Exception)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ListLogger owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Add((category, logLevel, exception));
        }
    }
}

public sealed class PageBoundaryCoverageTests
{
    [Fact]
    public void Every_interactive_page_renders_its_content_inside_a_page_boundary()
    {
        // Every component of the app, wherever it lives (Components/, Features/).
        var web = Path.Combine(CareerPath.Testing.AppProcess.RepositoryRoot, "src", "CareerPath.Web");
        var interactive = Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).Any(l => l.StartsWith("@rendermode", StringComparison.Ordinal)))
            .ToList();

        Assert.Contains(interactive, f => Path.GetFileName(f) == "GoalDetail.razor");
        Assert.All(interactive, f => Assert.True(File.ReadAllText(f).Contains("<PageBoundary>", StringComparison.Ordinal), $"{Path.GetFileName(f)} has no <PageBoundary>"));
    }
}
