using CareerPath.Data.Identity;
using CareerPath.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerPath.Data.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(ApplicationUser.DisplayNameMaxLength);
        builder.Property(u => u.CurrentRoleSlug).HasMaxLength(Slug.MaxLength);
        builder.Property(u => u.TimeZone).HasMaxLength(UserTimeZone.MaxIdLength);
    }
}
