using CareerPath.Domain.Assessment;
using CareerPath.Domain.Catalog;
using CareerPath.Domain.Common;

namespace CareerPath.Domain.Tests.Assessment;

public sealed class SkillAuditTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    private static CareerCatalog NewCatalog(params string[] skills)
    {
        var builder = new CatalogBuilder();
        foreach (var skill in skills.Length > 0 ? skills : ["planning", "data-analysis", "stakeholders"])
        {
            builder.WithSkill(skill);
        }

        builder.AddRole("analyst", 1);
        builder.AddRole("tpm", 2);
        return builder.Build();
    }

    private static SkillAudit CompletedAudit(CareerCatalog catalog, string owner = "owner")
    {
        var audit = SkillAudit.Start(owner, "analyst", catalog, Now.AddDays(-30));
        audit.Rate("planning", 2, "Ran the spring planning.", catalog);
        audit.Rate("data-analysis", 4, null, catalog);
        audit.Rate("stakeholders", 3, "Weekly steering updates.", catalog);
        audit.Complete(catalog, Now.AddDays(-29));
        return audit;
    }

    [Fact]
    public void Start_begins_an_empty_draft_for_the_owner_and_role()
    {
        var catalog = NewCatalog();

        var audit = SkillAudit.Start("owner", "analyst", catalog, Now);

        Assert.Equal(AuditStatus.Draft, audit.Status);
        Assert.False(audit.IsCompleted);
        Assert.Equal("owner", audit.OwnerId);
        Assert.Equal("analyst", audit.CurrentRoleSlug);
        Assert.Equal(Now, audit.StartedAtUtc);
        Assert.Null(audit.CompletedAtUtc);
        Assert.Empty(audit.Ratings);
        Assert.Equal(0, audit.RatedCount(catalog));
        Assert.NotEqual(Guid.Empty, audit.Version);
    }

    [Fact]
    public void Start_copies_ratings_and_evidence_from_a_previous_completed_audit()
    {
        var catalog = NewCatalog();
        var previous = CompletedAudit(catalog);

        var audit = SkillAudit.Start("owner", "tpm", catalog, Now, previous);

        Assert.NotEqual(previous.Id, audit.Id);
        Assert.Equal(AuditStatus.Draft, audit.Status);
        Assert.Equal("tpm", audit.CurrentRoleSlug);
        Assert.Equal(
            [("planning", 2, "Ran the spring planning."), ("data-analysis", 4, null), ("stakeholders", 3, "Weekly steering updates.")],
            audit.Ratings.Select(r => (r.SkillSlug, r.Level.Value, r.Evidence)));
        Assert.Equal(3, audit.RatedCount(catalog));
    }

    [Fact]
    public void Re_rating_a_copied_skill_leaves_the_previous_audit_unchanged()
    {
        var catalog = NewCatalog();
        var previous = CompletedAudit(catalog);
        var previousVersion = previous.Version;
        var audit = SkillAudit.Start("owner", "analyst", catalog, Now, previous);

        audit.Rate("planning", 5, "Led the annual plan.", catalog);

        Assert.Equal(5, audit.RatingFor("planning")!.Value.Value);
        Assert.Equal(2, previous.RatingFor("planning")!.Value.Value);
        Assert.Equal("Ran the spring planning.", previous.Ratings.Single(r => r.SkillSlug == "planning").Evidence);
        Assert.Equal(previousVersion, previous.Version);
    }

    [Fact]
    public void Start_drops_copied_ratings_for_skills_no_longer_in_the_catalog()
    {
        var oldCatalog = NewCatalog("planning", "data-analysis", "stakeholders", "fax-machines");
        var previous = SkillAudit.Start("owner", "analyst", oldCatalog, Now.AddDays(-30));
        previous.Rate("planning", 2, null, oldCatalog);
        previous.Rate("data-analysis", 4, null, oldCatalog);
        previous.Rate("stakeholders", 3, null, oldCatalog);
        previous.Rate("fax-machines", 5, null, oldCatalog);
        previous.Complete(oldCatalog, Now.AddDays(-29));
        var catalog = NewCatalog();

        var audit = SkillAudit.Start("owner", "analyst", catalog, Now, previous);

        Assert.Equal(["planning", "data-analysis", "stakeholders"], audit.Ratings.Select(r => r.SkillSlug));
        Assert.Equal(3, previous.RatedCount(catalog));
    }

    [Fact]
    public void Start_refuses_a_draft_as_the_previous_audit()
    {
        var catalog = NewCatalog();
        var draft = SkillAudit.Start("owner", "analyst", catalog, Now.AddDays(-1));
        draft.Rate("planning", 3, null, catalog);

        var ex = Assert.Throws<DomainException>(() => SkillAudit.Start("owner", "analyst", catalog, Now, draft));

        Assert.Equal("A new audit can only start from one of your own completed audits.", ex.Message);
    }

    [Fact]
    public void Start_refuses_another_owners_completed_audit_as_the_previous_audit()
    {
        var catalog = NewCatalog();
        var someoneElses = CompletedAudit(catalog, owner: "someone-else");

        var ex = Assert.Throws<DomainException>(() => SkillAudit.Start("owner", "analyst", catalog, Now, someoneElses));

        Assert.Equal("A new audit can only start from one of your own completed audits.", ex.Message);
    }

    [Theory]
    [InlineData("ceo")]
    [InlineData("Analyst")]
    [InlineData("")]
    public void Start_refuses_a_role_not_in_the_catalog(string role)
    {
        var catalog = NewCatalog();

        var ex = Assert.Throws<DomainException>(() => SkillAudit.Start("owner", role, catalog, Now));

        Assert.Equal($"'{role}' is not a role in the catalog.", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Start_refuses_a_missing_owner(string owner)
    {
        var catalog = NewCatalog();

        var ex = Assert.Throws<DomainException>(() => SkillAudit.Start(owner, "analyst", catalog, Now));

        Assert.Equal("An owner is required.", ex.Message);
    }

    [Fact]
    public void Rate_records_the_level_and_trimmed_evidence()
    {
        var catalog = NewCatalog();
        var audit = SkillAudit.Start("owner", "analyst", catalog, Now);

        audit.Rate("data-analysis", 4, "  Built the churn dashboard.  ", catalog);

        var rating = Assert.Single(audit.Ratings);
        Assert.Equal(("data-analysis", 4, "Built the churn dashboard."), (rating.SkillSlug, rating.Level.Value, rating.Evidence));
        Assert.Equal(4, audit.RatingFor("data-analysis")!.Value.Value);
        Assert.Null(audit.RatingFor("planning"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Rate_stores_blank_evidence_as_none(string? evidence)
    {
        var catalog = NewCatalog();
        var audit = SkillAudit.Start("owner", "analyst", catalog, Now);

        audit.Rate("planning", 3, evidence, catalog);

        Assert.Null(Assert.Single(audit.Ratings).Evidence);
    }

    [Fact]
    public void Rate_accepts_evidence_of_exactly_the_maximum_length()
    {
        var catalog = NewCatalog();
        var audit = SkillAudit.Start("owner", "analyst", catalog, Now);
        var evidence = new string('e', SkillAudit.EvidenceMaxLength);

        audit.Rate("planning", 3, evidence, catalog);

        Assert.Equal(evidence, Assert.Single(audit.Ratings).Evidence);
    }

    [Theory]
    [InlineData("juggling")]
    [InlineData("Planning")]
    public void Rate_refuses_a_skill_not_in_the_catalog_and_leaves_the_ratings_unchanged(string skill)
    {
        var catalog = NewCatalog();
        var audit = SkillAudit.Start("owner", "analyst", catalog, Now);
        audit.Rate("planning", 3, "Quarterly plans.", catalog);
        var version = audit.Version;

        var ex = Assert.Throws<DomainException>(() => audit.Rate(skill, 4, null, catalog));

        Assert.Equal($"'{skill}' is not a skill in the catalog.", ex.Message);
        var rating = Assert.Single(audit.Ratings);
        Assert.Equal(("planning", 3, "Quarterly plans."), (rating.SkillSlug, rating.Level.Value, rating.Evidence));
        Assert.Equal(version, audit.Version);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Rate_refuses_a_level_outside_one_to_five_and_leaves_the_rating_unchanged(int level)
    {
        var catalog = NewCatalog();
        var audit = SkillAudit.Start("owner", "analyst", catalog, Now);
        audit.Rate("planning", 3, "Quarterly plans.", catalog);
        var version = audit.Version;

        var ex = Assert.Throws<DomainException>(() => audit.Rate("planning", level, "Changed my mind.", catalog));

        Assert.Equal($"A rating must be between 1 and 5 (it is {level:N0}).", ex.Message);
        var rating = Assert.Single(audit.Ratings);
        Assert.Equal((3, "Quarterly plans."), (rating.Level.Value, rating.Evidence));
        Assert.Equal(version, audit.Version);
    }

    [Fact]
    public void Rate_refuses_evidence_longer_than_the_limit_and_leaves_the_rating_unchanged()
    {
        var catalog = NewCatalog();
        var audit = SkillAudit.Start("owner", "analyst", catalog, Now);
        audit.Rate("planning", 3, "Quarterly plans.", catalog);
        var version = audit.Version;

        var ex = Assert.Throws<DomainException>(() => audit.Rate("planning", 4, new string('e', SkillAudit.EvidenceMaxLength + 1), catalog));

        Assert.Equal("Evidence must be at most 1000 characters (it is 1001).", ex.Message);
        var rating = Assert.Single(audit.Ratings);
        Assert.Equal((3, "Quarterly plans."), (rating.Level.Value, rating.Evidence));
        Assert.Equal(version, audit.Version);
    }

    [Fact]
    public void Rate_refuses_over_long_evidence_for_an_unrated_skill_without_adding_it()
    {
        var catalog = NewCatalog();
        var audit = SkillAudit.Start("owner", "analyst", catalog, Now);

        Assert.Throws<DomainException>(() => audit.Rate("planning", 4, new string('e', SkillAudit.EvidenceMaxLength + 1), catalog));

        Assert.Empty(audit.Ratings);
        Assert.Null(audit.RatingFor("planning"));
    }

    [Fact]
    public void Rate_replaces_an_earlier_rating_of_the_same_skill()
    {
        var catalog = NewCatalog();
        var audit = SkillAudit.Start("owner", "analyst", catalog, Now);
        audit.Rate("planning", 2, "First attempt.", catalog);

        audit.Rate("planning", 4, null, catalog);

        var rating = Assert.Single(audit.Ratings);
        Assert.Equal(("planning", 4, (string?)null), (rating.SkillSlug, rating.Level.Value, rating.Evidence));
        Assert.Equal(1, audit.RatedCount(catalog));
    }

    [Fact]
    public void Every_change_gives_a_new_version()
    {
        var catalog = NewCatalog();
        var audit = SkillAudit.Start("owner", "analyst", catalog, Now);
        var versions = new List<Guid> { audit.Version };

        audit.Rate("planning", 2, null, catalog);
        versions.Add(audit.Version);
        audit.Rate("planning", 3, null, catalog);
        versions.Add(audit.Version);
        audit.Rate("data-analysis", 4, null, catalog);
        versions.Add(audit.Version);
        audit.Rate("stakeholders", 1, null, catalog);
        versions.Add(audit.Version);
        audit.ChangeCurrentRole("tpm", catalog);
        versions.Add(audit.Version);
        audit.Complete(catalog, Now.AddHours(1));
        versions.Add(audit.Version);

        Assert.Equal(7, versions.Distinct().Count());
    }

    [Fact]
    public void Complete_refuses_while_skills_are_unrated_and_names_them()
    {
        var catalog = NewCatalog();
        var audit = SkillAudit.Start("owner", "analyst", catalog, Now);
        audit.Rate("data-analysis", 3, null, catalog);
        var version = audit.Version;

        var ex = Assert.Throws<DomainException>(() => audit.Complete(catalog, Now.AddHours(1)));

        Assert.Equal("Rate every skill before finishing. Still to rate: planning, stakeholders.", ex.Message);
        Assert.Equal(AuditStatus.Draft, audit.Status);
        Assert.Null(audit.CompletedAtUtc);
        Assert.Equal(version, audit.Version);
    }

    [Fact]
    public void Complete_marks_a_fully_rated_audit_completed_at_the_given_time()
    {
        var catalog = NewCatalog();
        var audit = SkillAudit.Start("owner", "analyst", catalog, Now);
        audit.Rate("planning", 2, null, catalog);
        audit.Rate("data-analysis", 3, null, catalog);
        audit.Rate("stakeholders", 4, null, catalog);

        audit.Complete(catalog, Now.AddHours(2));

        Assert.Equal(AuditStatus.Completed, audit.Status);
        Assert.True(audit.IsCompleted);
        Assert.Equal(Now.AddHours(2), audit.CompletedAtUtc);
        Assert.Equal(3, audit.RatedCount(catalog));
    }

    [Fact]
    public void A_completed_audit_refuses_Rate_and_keeps_its_ratings()
    {
        var catalog = NewCatalog();
        var audit = CompletedAudit(catalog);
        var version = audit.Version;

        var ex = Assert.Throws<DomainException>(() => audit.Rate("planning", 5, "Now an expert.", catalog));

        Assert.Equal("This audit is finished and can no longer change. Start a new audit to re-rate.", ex.Message);
        Assert.Equal(2, audit.RatingFor("planning")!.Value.Value);
        Assert.Equal("Ran the spring planning.", audit.Ratings.Single(r => r.SkillSlug == "planning").Evidence);
        Assert.Equal(version, audit.Version);
    }

    [Fact]
    public void A_completed_audit_refuses_ChangeCurrentRole_and_a_second_Complete()
    {
        var catalog = NewCatalog();
        var audit = CompletedAudit(catalog);
        var completedAt = audit.CompletedAtUtc;

        var change = Assert.Throws<DomainException>(() => audit.ChangeCurrentRole("tpm", catalog));
        var complete = Assert.Throws<DomainException>(() => audit.Complete(catalog, Now));

        Assert.Contains("finished and can no longer change", change.Message);
        Assert.Contains("finished and can no longer change", complete.Message);
        Assert.Equal("analyst", audit.CurrentRoleSlug);
        Assert.Equal(completedAt, audit.CompletedAtUtc);
    }

    [Fact]
    public void ChangeCurrentRole_switches_the_role_of_a_draft()
    {
        var catalog = NewCatalog();
        var audit = SkillAudit.Start("owner", "analyst", catalog, Now);

        audit.ChangeCurrentRole("tpm", catalog);

        Assert.Equal("tpm", audit.CurrentRoleSlug);
    }

    [Fact]
    public void ChangeCurrentRole_refuses_a_role_not_in_the_catalog()
    {
        var catalog = NewCatalog();
        var audit = SkillAudit.Start("owner", "analyst", catalog, Now);
        var version = audit.Version;

        var ex = Assert.Throws<DomainException>(() => audit.ChangeCurrentRole("ceo", catalog));

        Assert.Equal("'ceo' is not a role in the catalog.", ex.Message);
        Assert.Equal("analyst", audit.CurrentRoleSlug);
        Assert.Equal(version, audit.Version);
    }

    [Theory]
    [InlineData(new string[0], 0)]
    [InlineData(new[] { "planning" }, 1)]
    [InlineData(new[] { "planning", "stakeholders" }, 2)]
    [InlineData(new[] { "planning", "data-analysis", "stakeholders" }, 3)]
    public void RatedCount_counts_the_catalog_skills_that_have_a_rating(string[] rated, int expected)
    {
        var catalog = NewCatalog();
        var audit = SkillAudit.Start("owner", "analyst", catalog, Now);
        foreach (var skill in rated)
        {
            audit.Rate(skill, 3, null, catalog);
        }

        var count = audit.RatedCount(catalog);

        Assert.Equal(expected, count);
    }
}
