using CareerPath.Data.Frameworks;
using CareerPath.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerPath.Data.Configurations;

internal sealed class StoredFrameworkConfiguration : IEntityTypeConfiguration<StoredFramework>
{
    public void Configure(EntityTypeBuilder<StoredFramework> builder)
    {
        builder.ToTable("Frameworks");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Key).HasMaxLength(StoredFramework.KeyMaxLength);
        builder.HasIndex(f => f.Key).IsUnique();
        builder.Property(f => f.Name).HasMaxLength(StoredFramework.NameMaxLength);
        // A personal framework goes with its owner's account.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StoredFrameworkVersionConfiguration : IEntityTypeConfiguration<StoredFrameworkVersion>
{
    public void Configure(EntityTypeBuilder<StoredFrameworkVersion> builder)
    {
        builder.ToTable("FrameworkVersions");
        builder.HasKey(v => v.Id);
        builder.HasOne<StoredFramework>().WithMany().HasForeignKey(v => v.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.FrameworkId, v.Number }).IsUnique();
        builder.Property(v => v.ContentHash).HasMaxLength(64);
        builder.Property(v => v.Source).HasMaxLength(StoredFrameworkVersion.SourceMaxLength);
    }
}
