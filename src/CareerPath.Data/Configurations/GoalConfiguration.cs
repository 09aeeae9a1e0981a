using CareerPath.Domain.Common;
using CareerPath.Domain.Goals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerPath.Data.Configurations;

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.HasKey(g => g.Id);
        builder.ConfigureOwner();
        builder.ConfigureVersion();
        builder.ConfigureCreationKey();
        builder.Property(g => g.Outcome).HasMaxLength(Goal.OutcomeMaxLength);
        builder.Property(g => g.Horizon).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.MeasureName).HasMaxLength(Goal.MeasureMaxLength);
        builder.Property(g => g.Achievable).HasMaxLength(Goal.TextMaxLength);
        builder.Property(g => g.TargetRoleSlug).HasMaxLength(Slug.MaxLength);
        builder.PrimitiveCollection(g => g.SkillSlugs).HasField("_skillSlugs").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(g => g.Steps);
        builder.Ignore(g => g.CheckIns);
        builder.Ignore(g => g.Progress);
        builder.OwnsMany<GoalStep>("_steps", s =>
        {
            s.ToTable("GoalSteps");
            s.WithOwner().HasForeignKey("GoalId");
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).ValueGeneratedNever();
            s.Property(x => x.Title).HasMaxLength(GoalStep.TitleMaxLength);
            s.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        });
        builder.OwnsMany<CheckIn>("_checkIns", c =>
        {
            c.ToTable("GoalCheckIns");
            c.WithOwner().HasForeignKey("GoalId");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.Note).HasMaxLength(Goal.TextMaxLength);
        });
    }
}
