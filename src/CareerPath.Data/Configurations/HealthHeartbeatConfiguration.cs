using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerPath.Data.Configurations;

internal sealed class HealthHeartbeatConfiguration : IEntityTypeConfiguration<HealthHeartbeat>
{
    public void Configure(EntityTypeBuilder<HealthHeartbeat> builder)
    {
        builder.ToTable(HealthHeartbeat.TableName, table => table.HasCheckConstraint("CK_HealthHeartbeats_SingleRow", $"\"Id\" = {HealthHeartbeat.SingleId}"));
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
    }
}
