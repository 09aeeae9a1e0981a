using CareerPath.Domain.Common;
using CareerPath.Domain.Roadmaps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerPath.Data.Configurations;

internal sealed class RoadmapConfiguration : IEntityTypeConfiguration<Roadmap>
{
    public void Configure(EntityTypeBuilder<Roadmap> builder)
    {
        builder.HasKey(r => r.Id);
        builder.ConfigureOwner();
        builder.ConfigureVersion();
        builder.ConfigureCreationKey();
        builder.Property(r => r.Name).HasMaxLength(Roadmap.NameMaxLength);
        builder.Property(r => r.StartRoleSlug).HasMaxLength(Slug.MaxLength);
        builder.Property(r => r.TargetRoleSlug).HasMaxLength(Slug.MaxLength);
        builder.Property(r => r.TrackSlug).HasMaxLength(Slug.MaxLength);
        builder.Ignore(r => r.Milestones);
        builder.OwnsMany<Milestone>("_milestones", m =>
        {
            m.ToTable("Milestones");
            m.WithOwner().HasForeignKey("RoadmapId");
            m.HasKey(x => x.Id);
            m.Property(x => x.Id).ValueGeneratedNever();
            m.Property(x => x.Title).HasMaxLength(Milestone.TitleMaxLength);
            m.Property(x => x.ResourceSlug).HasMaxLength(Slug.MaxLength);
            m.Property(x => x.StepRoleSlug).HasMaxLength(Slug.MaxLength);
            m.PrimitiveCollection(x => x.SkillSlugs).HasField("_skillSlugs").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
    }
}
