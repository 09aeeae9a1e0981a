using CareerPath.Domain.Catalog;
using CareerPath.Domain.Growth;

namespace CareerPath.Domain.Goals;

public sealed record GoalTemplate(string Key, string Label, GoalFields Fields, IReadOnlyList<string> Steps);

/// <summary>A step typed in the new-goal form, added with the goal.</summary>
public sealed record NewStep(string Title, DateOnly DueDate);

public static class StepDates
{
    /// <summary>How far out steps are spread when the goal has no deadline yet.</summary>
    public const int DefaultMonths = 3;

    /// <summary>
    /// Due dates for <paramref name="count"/> steps spread evenly from today to the deadline (or
    /// <see cref="DefaultMonths"/> months out without one), the last on the deadline itself; whole days, rounded down.
    /// </summary>
    public static IReadOnlyList<DateOnly> Spread(int count, DateOnly today, DateOnly? deadline)
    {
        var due = deadline is { } d && d > today ? d : today.AddMonths(DefaultMonths);
        var span = due.DayNumber - today.DayNumber;
        return Enumerable.Range(1, Math.Max(0, count)).Select(i => today.AddDays(span * i / count)).ToList();
    }
}

/// <summary>Common goals, pre-filled from the catalog's own resources (names, durations, the skills they build).</summary>
public static class GoalTemplates
{
    public static IReadOnlyList<GoalTemplate> For(CareerCatalog catalog, DateOnly today)
    {
        var templates = new List<GoalTemplate>();
        if (catalog.Resources.FirstOrDefault(r => r.Slug == "cspo") is { } cspo)
        {
            templates.Add(new("cspo", $"Earn the {cspo.Abbreviation ?? cspo.Name}",
                new GoalFields($"Earn the {cspo.Name} ({cspo.Abbreviation}) certification", GoalHorizon.ShortTerm, ProgressMode.Steps, null, null, null,
                    $"A {Format(cspo.TypicalWeeks)} course; budget about ${cspo.ApproxCostUsd:N0}.", cspo.SkillSlugs, null, null, null, Deadline(today, cspo.TypicalWeeks + 8)),
                ["Choose a course provider and date", "Complete the course", "Pass the assessment"]));
        }

        AddFirst(templates, catalog, GrowthResourceKind.CrossFunctionalProject, "project", "Lead a cross-functional project",
            r => $"Lead “{r.Name}” from kickoff to launch with engineering, design and go-to-market", today,
            ["Agree scope and success metric with my manager", "Run the kickoff with every team", "Launch and share the results"]);
        AddFirst(templates, catalog, GrowthResourceKind.Mentorship, "mentor", "Find a mentor",
            r => "Find a mentor who has made the move I want and meet monthly", today,
            ["List three people I admire", "Ask one of them for a first conversation", "Agree a monthly rhythm"]);
        var speaking = catalog.Resources.FirstOrDefault(r => r.Name.Contains("meetup", StringComparison.OrdinalIgnoreCase))
            ?? catalog.ResourcesOfKind(GrowthResourceKind.NetworkingCommunity).FirstOrDefault();
        if (speaking is not null)
        {
            templates.Add(new("meetup", "Speak at a meetup",
                new GoalFields("Give a twenty-minute talk about a product decision at a local meetup", GoalHorizon.ShortTerm, ProgressMode.Steps, null, null, null,
                    "Evenings over two months; the organisers welcome first-time speakers.", speaking.SkillSlugs, null, null, null, Deadline(today, Math.Max(8, speaking.TypicalWeeks))),
                ["Pick the story and outline it", "Submit the talk proposal", "Rehearse with a colleague", "Give the talk"]));
        }

        return templates;
    }

    private static void AddFirst(List<GoalTemplate> templates, CareerCatalog catalog, GrowthResourceKind kind, string key, string label,
        Func<GrowthResource, string> outcome, DateOnly today, IReadOnlyList<string> steps)
    {
        if (catalog.ResourcesOfKind(kind).FirstOrDefault() is { } resource)
        {
            templates.Add(new(key, label,
                new GoalFields(outcome(resource), GoalHorizon.ShortTerm, ProgressMode.Steps, null, null, null,
                    $"About {Format(resource.TypicalWeeks)} alongside my day job.", resource.SkillSlugs, null, null, null, Deadline(today, Math.Max(4, resource.TypicalWeeks))),
                steps));
        }
    }

    private static DateOnly Deadline(DateOnly today, int weeks) => today.AddDays(7 * Math.Min(weeks, 50));

    private static string Format(int weeks) => weeks <= 1 ? "one-week" : $"{weeks}-week";
}
