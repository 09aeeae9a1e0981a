using CareerPath.Data.Identity;
using CareerPath.Data.Seeding;
using CareerPath.Domain.Growth;
using CareerPath.Domain.Roles;
using CareerPath.Domain.Skills;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Data;

/// <summary>The one database: Identity's tables, the career catalog and every user's personal data.</summary>
public sealed class CareerPathDbContext(DbContextOptions<CareerPathDbContext> options)
    : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Ladder> Ladders => Set<Ladder>();
    // Identity already owns "Roles" (its IdentityRole set), hence CareerRoles.
    public DbSet<Role> CareerRoles => Set<Role>();
    public DbSet<SkillCategory> SkillCategories => Set<SkillCategory>();
    public DbSet<Skill> Skills => Set<Skill>();
    public DbSet<Track> Tracks => Set<Track>();
    public DbSet<GrowthResource> GrowthResources => Set<GrowthResource>();
    public DbSet<CareerFactor> CareerFactors => Set<CareerFactor>();
    public DbSet<CareerStep> CareerSteps => Set<CareerStep>();
    public DbSet<CatalogRevision> CatalogRevisions => Set<CatalogRevision>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CareerPathDbContext).Assembly);
    }
}
