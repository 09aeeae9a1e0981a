using CareerPath.Domain.Catalog;
using CareerPath.Domain.Common;
using CareerPath.Domain.Skills;

namespace CareerPath.Domain.Assessment;

public enum AuditStatus
{
    Draft,
    Completed,
}

/// <summary>
/// A self-assessment: the user's rating of every catalog skill, with optional evidence. A draft can be
/// changed freely; once completed it is a dated snapshot that never changes.
/// </summary>
public sealed class SkillAudit : IOwned, IVersioned, IFrameworkBound
{
    public const int EvidenceMaxLength = 1000;

    private readonly List<SkillRating> _ratings = [];

    private SkillAudit()
    {
    }

    private SkillAudit(string ownerId, string currentRoleSlug, DateTime startedAtUtc)
    {
        Id = Guid.NewGuid();
        OwnerId = Guard.Text(ownerId, "An owner", 450);
        CurrentRoleSlug = currentRoleSlug;
        StartedAtUtc = startedAtUtc;
        Status = AuditStatus.Draft;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public string OwnerId { get; private set; } = "";
    public AuditStatus Status { get; private set; }
    public string CurrentRoleSlug { get; private set; } = "";
    public DateTime StartedAtUtc { get; private set; }
    public DateTime? CompletedAtUtc { get; private set; }
    public Guid Version { get; private set; }
    public Guid? FrameworkVersionId { get; private set; }
    public IReadOnlyList<SkillRating> Ratings => _ratings;

    public bool IsCompleted => Status == AuditStatus.Completed;

    /// <summary>Starts a draft, carrying over the ratings and evidence of the previous completed audit.</summary>
    public static SkillAudit Start(string ownerId, string currentRoleSlug, CareerCatalog catalog, DateTime nowUtc, SkillAudit? previous = null)
    {
        RequireRole(catalog, currentRoleSlug);
        if (previous is not null && (previous.OwnerId != ownerId.Trim() || !previous.IsCompleted))
        {
            throw new DomainException("A new audit can only start from one of your own completed audits.");
        }

        var audit = new SkillAudit(ownerId, currentRoleSlug, nowUtc) { FrameworkVersionId = catalog.VersionId };
        // Ratings carry over by skill key, where the level is still on the scale.
        foreach (var rating in previous?.Ratings ?? [])
        {
            if (catalog.FindSkill(rating.SkillSlug) is not null && catalog.Scale.Contains(rating.Level.Value))
            {
                audit._ratings.Add(new SkillRating(rating.SkillSlug, rating.Level, rating.Evidence));
            }
        }

        return audit;
    }

    /// <summary>Rebuilds an audit from an export, checking every value as if it had been entered.</summary>
    public static SkillAudit Restore(string ownerId, AuditStatus status, string currentRoleSlug, DateTime startedAtUtc, DateTime? completedAtUtc,
        IEnumerable<(string Skill, int Level, string? Evidence)> ratings, CareerCatalog catalog)
    {
        RequireRole(catalog, currentRoleSlug);
        if (!Enum.IsDefined(status) || (status == AuditStatus.Completed) != (completedAtUtc is not null))
        {
            throw new DomainException("An audit must be either a draft, or completed with a completion date.");
        }

        var audit = new SkillAudit(ownerId, currentRoleSlug, startedAtUtc) { FrameworkVersionId = catalog.VersionId };
        foreach (var (skill, level, evidence) in ratings)
        {
            if (audit.RatingFor(skill ?? "") is not null)
            {
                throw new DomainException($"The audit rates '{skill}' twice.");
            }

            audit.Rate(skill ?? "", level, evidence, catalog);
        }

        audit.Status = status;
        audit.CompletedAtUtc = completedAtUtc;
        return audit;
    }

    public ProficiencyLevel? RatingFor(string skillSlug) => _ratings.FirstOrDefault(r => r.SkillSlug == skillSlug)?.Level;

    public void ChangeCurrentRole(string roleSlug, CareerCatalog catalog)
    {
        RequireDraft();
        RequireRole(catalog, roleSlug);
        CurrentRoleSlug = roleSlug;
        Touch();
    }

    /// <summary>Rates one skill; the skill must be in the catalog and the audit still a draft.</summary>
    public void Rate(string skillSlug, int level, string? evidence, CareerCatalog catalog)
    {
        RequireDraft();
        if (catalog.FindSkill(skillSlug) is null)
        {
            throw new DomainException($"'{skillSlug}' is not a skill in the catalog.");
        }

        var value = catalog.Scale.Contains(level)
            ? ProficiencyLevel.From(level)
            : throw new DomainException($"A rating must be between 1 and {catalog.Scale.Count} (it is {level:N0}).");
        var note = Guard.OptionalText(evidence, "Evidence", EvidenceMaxLength);
        var existing = _ratings.FindIndex(r => r.SkillSlug == skillSlug);
        if (existing >= 0)
        {
            _ratings[existing].Change(value, note);
        }
        else
        {
            _ratings.Add(new SkillRating(skillSlug, value, note));
        }

        Touch();
    }

    /// <summary>How many of the catalog's skills this audit has rated.</summary>
    public int RatedCount(CareerCatalog catalog) => catalog.Skills.Count(s => RatingFor(s.Slug) is not null);

    public void Complete(CareerCatalog catalog, DateTime nowUtc)
    {
        RequireDraft();
        var missing = catalog.Skills.Where(s => RatingFor(s.Slug) is null).Select(s => s.Name).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException($"Rate every skill before finishing. Still to rate: {string.Join(", ", missing)}.");
        }

        Status = AuditStatus.Completed;
        CompletedAtUtc = nowUtc;
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();

    private void RequireDraft()
    {
        if (IsCompleted)
        {
            throw new DomainException("This audit is finished and can no longer change. Start a new audit to re-rate.");
        }
    }

    private static void RequireRole(CareerCatalog catalog, string? roleSlug)
    {
        if (string.IsNullOrEmpty(roleSlug) || catalog.FindRole(roleSlug) is null)
        {
            throw new DomainException($"'{roleSlug}' is not a role in the catalog.");
        }
    }
}

/// <summary>One skill's self-rating in an audit.</summary>
public sealed class SkillRating
{
    private SkillRating()
    {
    }

    internal SkillRating(string skillSlug, ProficiencyLevel level, string? evidence)
    {
        SkillSlug = skillSlug;
        Level = level;
        Evidence = evidence;
    }

    public string SkillSlug { get; private set; } = "";
    public ProficiencyLevel Level { get; private set; }
    public string? Evidence { get; private set; }

    internal void Change(ProficiencyLevel level, string? evidence)
    {
        Level = level;
        Evidence = evidence;
    }
}
