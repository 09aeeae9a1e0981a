using System.Text.Json;
using CareerPath.Data.Frameworks;
using CareerPath.Data.Seeding;
using CareerPath.Domain.Common;
using CareerPath.Domain.Growth;
using CareerPath.Domain.Roles;
using CareerPath.Domain.Skills;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerPath.Data.Configurations;

internal sealed class LadderConfiguration : IEntityTypeConfiguration<Ladder>
{
    public void Configure(EntityTypeBuilder<Ladder> builder)
    {
        builder.HasKey(l => l.Slug);
        builder.Property(l => l.Slug).HasMaxLength(Slug.MaxLength);
        builder.Property(l => l.Name).HasMaxLength(Ladder.NameMaxLength);
        builder.Property(l => l.Description).HasMaxLength(Ladder.DescriptionMaxLength);
    }
}

internal sealed class RoleConfiguration : IEntityTypeConfiguration<Role>
{
    public void Configure(EntityTypeBuilder<Role> builder)
    {
        builder.ToTable("CareerRoles");
        builder.HasKey(r => r.Slug);
        builder.Property(r => r.Slug).HasMaxLength(Slug.MaxLength);
        builder.Property(r => r.Name).HasMaxLength(Role.NameMaxLength);
        builder.Property(r => r.LadderSlug).HasMaxLength(Slug.MaxLength);
        builder.HasOne<Ladder>().WithMany().HasForeignKey(r => r.LadderSlug).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Summary).HasMaxLength(Role.SummaryMaxLength);
        builder.Property(r => r.Description).HasMaxLength(Role.DescriptionMaxLength);
        builder.PrimitiveCollection(r => r.Responsibilities).HasField("_responsibilities").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsOne(r => r.Salary, salary =>
        {
            salary.Property(s => s.Min).HasColumnName("SalaryMin");
            salary.Property(s => s.Max).HasColumnName("SalaryMax");
            salary.Property(s => s.Currency).HasColumnName("SalaryCurrency").HasMaxLength(SalaryBand.CurrencyLength);
            salary.Ignore(s => s.Midpoint);
        });

        builder.OwnsMany(r => r.Expectations, e =>
        {
            e.ToTable("RoleSkillExpectations");
            e.WithOwner().HasForeignKey("RoleSlug");
            e.Property<string>("RoleSlug").HasMaxLength(Slug.MaxLength);
            e.Property(x => x.SkillSlug).HasMaxLength(Slug.MaxLength);
            e.HasKey("RoleSlug", nameof(SkillExpectation.SkillSlug));
            e.Property(x => x.Level).HasConversion(l => l.Value, v => ProficiencyLevel.From(v));
        });
        builder.Navigation(r => r.Expectations).HasField("_expectations").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(r => r.NextRoles, t =>
        {
            t.ToTable("RoleTransitions");
            t.WithOwner().HasForeignKey(x => x.FromRoleSlug);
            t.Property(x => x.FromRoleSlug).HasMaxLength(Slug.MaxLength);
            t.Property(x => x.ToRoleSlug).HasMaxLength(Slug.MaxLength);
            t.HasKey(x => new { x.FromRoleSlug, x.ToRoleSlug });
        });
        builder.Navigation(r => r.NextRoles).HasField("_nextRoles").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SkillCategoryConfiguration : IEntityTypeConfiguration<SkillCategory>
{
    public void Configure(EntityTypeBuilder<SkillCategory> builder)
    {
        builder.HasKey(c => c.Slug);
        builder.Property(c => c.Slug).HasMaxLength(Slug.MaxLength);
        builder.Property(c => c.Name).HasMaxLength(SkillCategory.NameMaxLength);
        builder.Property(c => c.Description).HasMaxLength(SkillCategory.DescriptionMaxLength);
    }
}

internal sealed class SkillConfiguration : IEntityTypeConfiguration<Skill>
{
    private static readonly JsonSerializerOptions RubricJson = new(JsonSerializerDefaults.Web) { Converters = { new RubricLevelConverter() } };

    public void Configure(EntityTypeBuilder<Skill> builder)
    {
        builder.HasKey(s => s.Slug);
        builder.Property(s => s.Slug).HasMaxLength(Slug.MaxLength);
        builder.Property(s => s.Name).HasMaxLength(Skill.NameMaxLength);
        builder.Property(s => s.CategorySlug).HasMaxLength(Slug.MaxLength);
        builder.HasOne<SkillCategory>().WithMany().HasForeignKey(s => s.CategorySlug).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Description).HasMaxLength(Skill.DescriptionMaxLength);
        // Stored as the JSON array catalog files use (a level without criteria is a plain string), so rows written
        // before rubric levels had criteria read unchanged.
        builder.Property<List<RubricLevel>>("_rubric")
            .HasColumnName(nameof(Skill.Rubric))
            .HasConversion(
                v => JsonSerializer.Serialize(v, RubricJson),
                s => JsonSerializer.Deserialize<List<RubricLevel>>(s, RubricJson) ?? new List<RubricLevel>(),
                new ValueComparer<List<RubricLevel>>(
                    (a, b) => JsonSerializer.Serialize(a, RubricJson) == JsonSerializer.Serialize(b, RubricJson),
                    v => JsonSerializer.Serialize(v, RubricJson).GetHashCode(),
                    v => v.ToList()))
            .IsRequired();
        builder.Ignore(s => s.Rubric);
    }
}

internal sealed class TrackConfiguration : IEntityTypeConfiguration<Track>
{
    public void Configure(EntityTypeBuilder<Track> builder)
    {
        builder.HasKey(t => t.Slug);
        builder.Property(t => t.Slug).HasMaxLength(Slug.MaxLength);
        builder.Property(t => t.Name).HasMaxLength(Track.NameMaxLength);
        builder.Property(t => t.Focus).HasMaxLength(Track.FocusMaxLength);
        builder.Property(t => t.Description).HasMaxLength(Track.DescriptionMaxLength);
        builder.PrimitiveCollection(t => t.KeySkillSlugs).HasField("_keySkillSlugs").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class GrowthResourceConfiguration : IEntityTypeConfiguration<GrowthResource>
{
    public void Configure(EntityTypeBuilder<GrowthResource> builder)
    {
        builder.HasKey(r => r.Slug);
        builder.Property(r => r.Slug).HasMaxLength(Slug.MaxLength);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.Name).HasMaxLength(GrowthResource.NameMaxLength);
        builder.Property(r => r.Abbreviation).HasMaxLength(GrowthResource.AbbreviationMaxLength);
        builder.Property(r => r.Description).HasMaxLength(GrowthResource.DescriptionMaxLength);
        builder.PrimitiveCollection(r => r.SkillSlugs).HasField("_skillSlugs").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CareerFactorConfiguration : IEntityTypeConfiguration<CareerFactor>
{
    public void Configure(EntityTypeBuilder<CareerFactor> builder)
    {
        builder.HasKey(f => f.Slug);
        builder.Property(f => f.Slug).HasMaxLength(Slug.MaxLength);
        builder.Property(f => f.Name).HasMaxLength(CareerFactor.NameMaxLength);
        builder.Property(f => f.Description).HasMaxLength(CareerFactor.DescriptionMaxLength);
    }
}

internal sealed class CareerStepConfiguration : IEntityTypeConfiguration<CareerStep>
{
    public void Configure(EntityTypeBuilder<CareerStep> builder)
    {
        builder.HasKey(s => s.Order);
        builder.Property(s => s.Order).ValueGeneratedNever();
        builder.Property(s => s.Title).HasMaxLength(CareerStep.TitleMaxLength);
        builder.Property(s => s.Description).HasMaxLength(CareerStep.DescriptionMaxLength);
    }
}

internal sealed class CatalogRevisionConfiguration : IEntityTypeConfiguration<CatalogRevision>
{
    public void Configure(EntityTypeBuilder<CatalogRevision> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ContentHash).HasMaxLength(64);
        builder.Property(r => r.Source).HasMaxLength(500);
    }
}
