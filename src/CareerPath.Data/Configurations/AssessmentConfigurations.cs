using CareerPath.Data.Identity;
using CareerPath.Domain.Assessment;
using CareerPath.Domain.Common;
using CareerPath.Domain.Skills;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerPath.Data.Configurations;

internal static class OwnedRecordConfiguration
{
    /// <summary>Every personal record hangs off its owner and is deleted with the account.</summary>
    public static void ConfigureOwner<T>(this EntityTypeBuilder<T> builder)
        where T : class, IOwned
    {
        builder.Property(e => e.OwnerId).HasMaxLength(450);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.OwnerId);
    }

    public static void ConfigureVersion<T>(this EntityTypeBuilder<T> builder)
        where T : class, IVersioned =>
        builder.Property(e => e.Version).IsConcurrencyToken();

    /// <summary>
    /// The key of the form that created the record (a shadow property: a persistence detail, not part of the
    /// domain). Unique per owner, so a repeated create request finds the record the first one made.
    /// </summary>
    public static void ConfigureCreationKey<T>(this EntityTypeBuilder<T> builder)
        where T : class, IOwned
    {
        builder.Property<Guid?>(CreationKeys.PropertyName);
        builder.HasIndex(nameof(IOwned.OwnerId), CreationKeys.PropertyName).IsUnique();
    }
}

internal sealed class SkillAuditConfiguration : IEntityTypeConfiguration<SkillAudit>
{
    public void Configure(EntityTypeBuilder<SkillAudit> builder)
    {
        builder.HasKey(a => a.Id);
        builder.ConfigureOwner();
        builder.ConfigureVersion();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CurrentRoleSlug).HasMaxLength(Slug.MaxLength);
        builder.OwnsMany(a => a.Ratings, r =>
        {
            r.ToTable("SkillRatings");
            r.WithOwner().HasForeignKey("SkillAuditId");
            r.Property(x => x.SkillSlug).HasMaxLength(Slug.MaxLength);
            r.HasKey("SkillAuditId", nameof(SkillRating.SkillSlug));
            r.Property(x => x.Level).HasConversion(l => l.Value, v => ProficiencyLevel.From(v));
            r.Property(x => x.Evidence).HasMaxLength(SkillAudit.EvidenceMaxLength);
        });
        builder.Navigation(a => a.Ratings).HasField("_ratings").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class FeedbackRoundConfiguration : IEntityTypeConfiguration<FeedbackRound>
{
    public void Configure(EntityTypeBuilder<FeedbackRound> builder)
    {
        builder.HasKey(r => r.Id);
        builder.ConfigureOwner();
        builder.ConfigureVersion();
        builder.Property(r => r.Name).HasMaxLength(FeedbackRound.NameMaxLength);
        builder.HasMany(r => r.Requests).WithOne().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Requests).HasField("_requests").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(r => r.Figures, f =>
        {
            f.ToTable("FeedbackFigures");
            f.WithOwner().HasForeignKey("FeedbackRoundId");
            f.Ignore(x => x.Relationship);
            f.Property(x => x.Group).HasMaxLength(20);
            f.Property(x => x.SkillSlug).HasMaxLength(Slug.MaxLength);
            f.HasKey("FeedbackRoundId", nameof(FeedbackFigure.Group), nameof(FeedbackFigure.SkillSlug));
        });
        builder.Navigation(r => r.Figures).HasField("_figures").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(r => r.Comments, c =>
        {
            c.ToTable("FeedbackComments");
            c.WithOwner().HasForeignKey("FeedbackRoundId");
            c.HasKey("FeedbackRoundId", nameof(FeedbackComment.Position));
            c.Property(x => x.Position).ValueGeneratedNever();
            c.Property(x => x.Text).HasMaxLength(FeedbackRequest.CommentMaxLength);
        });
        builder.Navigation(r => r.Comments).HasField("_comments").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => new { r.ClosedAtUtc, r.ClosesAtUtc });
    }
}

internal sealed class FeedbackRequestConfiguration : IEntityTypeConfiguration<FeedbackRequest>
{
    public void Configure(EntityTypeBuilder<FeedbackRequest> builder)
    {
        builder.HasKey(r => r.Id);

        // Requests are added through their round: a set id must still mean "new", not "already saved".
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.ConfigureOwner();
        builder.ConfigureVersion();
        builder.Property(r => r.RespondentName).HasMaxLength(FeedbackRequest.NameMaxLength);
        builder.Property(r => r.Relationship).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.TokenHash).HasMaxLength(FeedbackRequest.HashLength);
        builder.HasIndex(r => r.TokenHash).IsUnique();
        builder.Property(r => r.Comment).HasMaxLength(FeedbackRequest.CommentMaxLength);
        builder.OwnsMany(r => r.Ratings, x =>
        {
            x.ToTable("FeedbackRatings");
            x.WithOwner().HasForeignKey("FeedbackRequestId");
            x.Property(y => y.SkillSlug).HasMaxLength(Slug.MaxLength);
            x.HasKey("FeedbackRequestId", nameof(FeedbackRating.SkillSlug));
            x.Property(y => y.Level).HasConversion(l => l!.Value.Value, v => (ProficiencyLevel?)ProficiencyLevel.From(v));
        });
        builder.Navigation(r => r.Ratings).HasField("_ratings").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CareerAspirationConfiguration : IEntityTypeConfiguration<CareerAspiration>
{
    public void Configure(EntityTypeBuilder<CareerAspiration> builder)
    {
        builder.HasKey(a => a.Id);
        builder.ConfigureOwner();
        builder.ConfigureVersion();
        builder.HasIndex(a => a.OwnerId).IsUnique();
        builder.Property(a => a.NextRoleSlug).HasMaxLength(Slug.MaxLength);
        builder.Property(a => a.FiveYearRoleSlug).HasMaxLength(Slug.MaxLength);
        builder.Property(a => a.TrackSlug).HasMaxLength(Slug.MaxLength);
        builder.Property(a => a.Motivation).HasMaxLength(CareerAspiration.TextMaxLength);
        builder.Property(a => a.WantMore).HasMaxLength(CareerAspiration.TextMaxLength);
        builder.Property(a => a.WantLess).HasMaxLength(CareerAspiration.TextMaxLength);
        builder.OwnsMany(a => a.Weights, w =>
        {
            w.ToTable("AspirationFactorWeights");
            w.WithOwner().HasForeignKey("CareerAspirationId");
            w.Property(x => x.FactorSlug).HasMaxLength(Slug.MaxLength);
            w.HasKey("CareerAspirationId", nameof(FactorWeight.FactorSlug));
        });
        builder.Navigation(a => a.Weights).HasField("_weights").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
