using CareerPath.Domain.Catalog;
using CareerPath.Domain.Roles;

namespace CareerPath.Domain.Roadmaps;

public enum PathProblem
{
    None,
    UnknownRole,
    SameRole,
    TargetBelowStart,
    Unreachable,
}

/// <summary>The roles from a start to a target, or why there is no such path.</summary>
public sealed record RolePath(IReadOnlyList<Role> Roles, PathProblem Problem, string? Message)
{
    public bool Found => Problem == PathProblem.None;

    public static RolePath Fail(PathProblem problem, string message) => new([], problem, message);
}

public static class PathFinder
{
    /// <summary>
    /// Finds the route with the fewest moves between two roles, across ladders and sideways where the catalog allows
    /// it. Ties
    /// go to the route with the shorter typical total time in role, then to the alphabetically first route, so the
    /// answer is always the same for the same catalog.
    /// </summary>
    public static RolePath Find(CareerCatalog catalog, string startSlug, string targetSlug)
    {
        var start = catalog.FindRole(startSlug);
        var target = catalog.FindRole(targetSlug);
        if (start is null || target is null)
        {
            return RolePath.Fail(PathProblem.UnknownRole, $"'{(start is null ? startSlug : targetSlug)}' is not a role in the catalog.");
        }

        if (start.Slug == target.Slug)
        {
            return RolePath.Fail(PathProblem.SameRole, $"You already hold {start.Name}. Choose a target role you want to move into.");
        }

        if (target.Seniority < start.Seniority)
        {
            return RolePath.Fail(PathProblem.TargetBelowStart,
                $"{target.Name} is less senior than {start.Name}, and a roadmap leads upwards or sideways. Choose another target, or start from an earlier role.");
        }

        // Dijkstra on (moves, months, names): the graph is small and acyclic, but this keeps ties deterministic.
        var best = new Dictionary<string, (int Moves, int Months, string Key, string? Previous)>
        {
            [start.Slug] = (0, 0, start.Slug, null),
        };
        var queue = new PriorityQueue<Role, (int Moves, int Months, string Key)>(Comparer<(int, int, string)>.Create(CompareCost));
        queue.Enqueue(start, (0, 0, start.Slug));
        while (queue.TryDequeue(out var role, out var cost))
        {
            if (best[role.Slug] is var known && (known.Moves, known.Months, known.Key) != cost)
            {
                continue;
            }

            if (role.Slug == target.Slug)
            {
                break;
            }

            foreach (var next in catalog.NextRoles(role.Slug))
            {
                var candidate = (cost.Moves + 1, cost.Months + role.TypicalMonthsInRole, cost.Key + "/" + next.Slug);
                if (!best.TryGetValue(next.Slug, out var existing) || CompareCost(candidate, (existing.Moves, existing.Months, existing.Key)) < 0)
                {
                    best[next.Slug] = (candidate.Item1, candidate.Item2, candidate.Item3, role.Slug);
                    queue.Enqueue(next, candidate);
                }
            }
        }

        if (!best.ContainsKey(target.Slug))
        {
            return RolePath.Fail(PathProblem.Unreachable,
                $"The catalog has no route from {start.Name} to {target.Name}. Try an intermediate target, such as one of the roles {start.Name} leads to.");
        }

        var path = new List<Role>();
        for (string? slug = target.Slug; slug is not null; slug = best[slug].Previous)
        {
            path.Add(catalog.FindRole(slug)!);
        }

        path.Reverse();
        return new RolePath(path, PathProblem.None, null);
    }

    private static int CompareCost((int Moves, int Months, string Key) a, (int Moves, int Months, string Key) b)
    {
        var byMoves = a.Moves.CompareTo(b.Moves);
        if (byMoves != 0)
        {
            return byMoves;
        }

        var byMonths = a.Months.CompareTo(b.Months);
        return byMonths != 0 ? byMonths : string.CompareOrdinal(a.Key, b.Key);
    }
}
