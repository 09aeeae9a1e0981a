using CareerPath.Domain.Catalog;
using CareerPath.Domain.Frameworks;
using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Tests.Frameworks;

public sealed class FrameworkChangesTests
{
    private static readonly RubricLevel[] ThreeLevels = [new("Starts", []), new("Practises", []), new("Leads", [])];

    private static readonly FrameworkDocument Before = new()
    {
        Ladders = [new("eng", "Engineering")],
        SkillCategories = [new("craft", "Craft")],
        Skills = [new("testing", "Testing", "craft", null, ThreeLevels), new("design", "Design", "craft", null, ThreeLevels), new("ops", "Operations", "craft", null, ThreeLevels)],
        Roles =
        [
            new() { Slug = "junior", Name = "Junior", Ladder = "eng", Seniority = 1, ExpectedSkills = new Dictionary<string, int> { ["testing"] = 1, ["ops"] = 1 } },
            new() { Slug = "senior", Name = "Senior", Ladder = "eng", Seniority = 2, ExpectedSkills = new Dictionary<string, int> { ["testing"] = 3, ["design"] = 2 } },
        ],
    };

    private static CareerCatalog Build(FrameworkDocument document) => FrameworkBuilder.Build(document).Catalog!;

    [Fact]
    public void The_same_framework_has_no_changes_and_its_ratings_carry()
    {
        var changes = FrameworkChanges.Between(Build(Before), Build(Before));

        Assert.True(changes.None);
        Assert.True(changes.RatingsCarry);
    }

    [Fact]
    public void Skills_and_roles_added_removed_and_renamed_are_matched_by_key_and_every_moved_expectation_is_listed()
    {
        // By hand: "ops" goes, "writing" comes, "design" is renamed; "junior" is renamed, "staff" is added.
        // Junior: testing 1 -> 2, ops 1 -> not expected (skill gone), writing not expected -> 1.
        // Senior: testing 3 stays, design 2 -> not expected.
        var after = Before with
        {
            Skills = [new("testing", "Testing", "craft", null, ThreeLevels), new("design", "Product design", "craft", null, ThreeLevels), new("writing", "Writing", "craft", null, ThreeLevels)],
            Roles =
            [
                new() { Slug = "junior", Name = "Associate", Ladder = "eng", Seniority = 1, ExpectedSkills = new Dictionary<string, int> { ["testing"] = 2, ["writing"] = 1 } },
                new() { Slug = "senior", Name = "Senior", Ladder = "eng", Seniority = 2, ExpectedSkills = new Dictionary<string, int> { ["testing"] = 3 } },
                new() { Slug = "staff", Name = "Staff", Ladder = "eng", Seniority = 3, ExpectedSkills = new Dictionary<string, int> { ["testing"] = 3, ["design"] = 3 } },
            ],
        };

        var changes = FrameworkChanges.Between(Build(Before), Build(after));

        Assert.Equal(["Writing"], changes.SkillsAdded);
        Assert.Equal(["Operations"], changes.SkillsRemoved);
        Assert.Equal([new Renamed("Design", "Product design")], changes.SkillsRenamed);
        Assert.Equal(["Staff"], changes.RolesAdded);
        Assert.Empty(changes.RolesRemoved);
        Assert.Equal([new Renamed("Junior", "Associate")], changes.RolesRenamed);
        Assert.Equal(
            [
                new ExpectationChange("Associate", "Testing", 1, 2),
                new ExpectationChange("Associate", "Writing", null, 1),
                new ExpectationChange("Associate", "Operations", 1, null),
                new ExpectationChange("Senior", "Product design", 2, null),
            ],
            changes.ExpectationsMoved);
        Assert.False(changes.ScaleChanged);
        Assert.True(changes.RatingsCarry);
        Assert.False(changes.None);
    }

    [Fact]
    public void A_scale_of_another_size_stops_ratings_carrying_and_renamed_levels_are_a_change_that_still_carries()
    {
        RubricLevel[] four = [.. ThreeLevels, new("Shapes", [])];
        var wider = Before with { Skills = Before.Skills.Select(s => s with { Rubric = four }).ToList() };
        var renamed = Before with { Scale = [new("Novice"), new("Skilled"), new("Expert")] };

        var toWider = FrameworkChanges.Between(Build(Before), Build(wider));
        var toRenamed = FrameworkChanges.Between(Build(Before), Build(renamed));

        Assert.True(toWider.ScaleChanged);
        Assert.False(toWider.RatingsCarry);
        Assert.True(toRenamed.ScaleChanged);
        Assert.True(toRenamed.RatingsCarry);
    }

    [Fact]
    public void A_role_the_new_framework_drops_is_listed_once_and_its_expectations_are_not()
    {
        var after = Before with { Roles = [Before.Roles[0]] };

        var changes = FrameworkChanges.Between(Build(Before), Build(after));

        Assert.Equal(["Senior"], changes.RolesRemoved);
        Assert.Empty(changes.ExpectationsMoved);
    }
}
