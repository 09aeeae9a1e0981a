using System.Reflection;
using CareerPath.Data.Frameworks;
using CareerPath.Data.Identity;
using CareerPath.Data.Seeding;
using CareerPath.Domain.Assessment;
using CareerPath.Domain.Common;
using CareerPath.Domain.Goals;
using CareerPath.Domain.Growth;
using CareerPath.Domain.Roadmaps;
using CareerPath.Domain.Roles;
using CareerPath.Domain.Skills;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Data;

/// <summary>The one database: Identity's tables, career frameworks and every user's personal data.</summary>
/// <remarks>
/// Personal records (<see cref="IOwned"/>) are visible only to <see cref="CurrentOwnerId"/>: a global query
/// filter applies it to every query, and saving refuses to write a record that belongs to someone else. A
/// context with no owner sees no personal data at all.
/// </remarks>
public sealed class CareerPathDbContext(DbContextOptions<CareerPathDbContext> options)
    : IdentityDbContext<ApplicationUser>(options)
{
    /// <summary>The user whose personal data this context may read and write; null for none.</summary>
    public string? CurrentOwnerId { get; set; }

    /// <summary>Career frameworks; their content lives in <see cref="FrameworkVersions"/>.</summary>
    public DbSet<StoredFramework> Frameworks => Set<StoredFramework>();
    public DbSet<StoredFrameworkVersion> FrameworkVersions => Set<StoredFrameworkVersion>();
    public DbSet<HealthHeartbeat> HealthHeartbeats => Set<HealthHeartbeat>();

    public DbSet<SkillAudit> SkillAudits => Set<SkillAudit>();
    public DbSet<FeedbackRound> FeedbackRounds => Set<FeedbackRound>();
    public DbSet<FeedbackRequest> FeedbackRequests => Set<FeedbackRequest>();
    public DbSet<CareerAspiration> CareerAspirations => Set<CareerAspiration>();
    public DbSet<Roadmap> Roadmaps => Set<Roadmap>();
    public DbSet<Goal> Goals => Set<Goal>();

    /// <summary>Signed-in sessions; not personal data, so no owner filter (looked up by their random id).</summary>
    public DbSet<AuthSession> AuthSessions => Set<AuthSession>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CareerPathDbContext).Assembly);

        // A framework version that a plan or a record was made against cannot be deleted from under it. NO ACTION, not
        // RESTRICT: SQLite checks it when the statement ends, so deleting an account whose plan and records use its
        // own personal framework (all of it cascading in one statement) still works.
        foreach (var type in builder.Model.GetEntityTypes().Where(t => !t.IsOwned() && typeof(IFrameworkBound).IsAssignableFrom(t.ClrType)).ToList())
        {
            builder.Entity(type.ClrType).HasOne(typeof(StoredFrameworkVersion)).WithMany()
                .HasForeignKey(nameof(IFrameworkBound.FrameworkVersionId)).OnDelete(DeleteBehavior.NoAction);
        }

        builder.Entity<ApplicationUser>().HasOne<StoredFrameworkVersion>().WithMany()
            .HasForeignKey(u => u.FrameworkVersionId).OnDelete(DeleteBehavior.NoAction);

        var applyFilter = typeof(CareerPathDbContext).GetMethod(nameof(ApplyOwnerFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var type in builder.Model.GetEntityTypes().Where(t => !t.IsOwned() && typeof(IOwned).IsAssignableFrom(t.ClrType)).ToList())
        {
            applyFilter.MakeGenericMethod(type.ClrType).Invoke(this, [builder]);
        }
    }

    // Contexts from the factory are pooled: one handed out again must not still be bound to its last user.
    public override void Dispose()
    {
        CurrentOwnerId = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        CurrentOwnerId = null;
        return base.DisposeAsync();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var autoDetect = DetectChangesOnce();
        try
        {
            RefuseForeignWrites();
            using var turn = Database.CurrentTransaction is null ? WriteGate.Enter() : null;
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var autoDetect = DetectChangesOnce();
        try
        {
            RefuseForeignWrites();
            // Saves queue in the process (WriteGate) rather than in SQLite's busy handler. Inside an explicit
            // transaction the write lock is already this context's, so the save goes straight in.
            using var turn = Database.CurrentTransaction is null ? await WriteGate.EnterAsync(cancellationToken).ConfigureAwait(false) : null;
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>
    /// Scans the tracked entities for changes once for both the owner check and the save, which would each scan
    /// again (a goal with its check-ins is hundreds of entities); returns the setting to restore afterwards.
    /// </summary>
    private bool DetectChangesOnce()
    {
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        if (autoDetect)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }

        return autoDetect;
    }

    private void ApplyOwnerFilter<T>(ModelBuilder builder)
        where T : class, IOwned =>
        builder.Entity<T>().HasQueryFilter(e => e.OwnerId == CurrentOwnerId);

    private void RefuseForeignWrites()
    {
        foreach (var entry in ChangeTracker.Entries<IOwned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entry.Entity.OwnerId != CurrentOwnerId)
            {
                throw new InvalidOperationException($"Refusing to save a {entry.Metadata.ClrType.Name} that does not belong to the current user.");
            }
        }
    }
}
