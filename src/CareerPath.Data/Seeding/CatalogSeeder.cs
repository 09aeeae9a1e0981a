using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CareerPath.Domain.Catalog;
using CareerPath.Domain.Common;
using CareerPath.Domain.Growth;
using CareerPath.Domain.Roles;
using CareerPath.Domain.Skills;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareerPath.Data.Seeding;

/// <summary>
/// Applies the catalog file to the database: inserts new entries, updates existing ones by slug, and never
/// touches user data. A file already applied (same content hash) is skipped.
/// </summary>
public sealed class CatalogSeeder(CareerPathDbContext db, ILogger<CatalogSeeder> logger)
{
    public const string DefaultFileName = "catalog.json";

    public async Task<bool> SeedAsync(string path, CancellationToken cancellationToken = default)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CatalogException($"The catalog file '{path}' cannot be read: {ex.Message}");
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        if (await db.CatalogRevisions.AnyAsync(r => r.ContentHash == hash, cancellationToken))
        {
            logger.LogDebug("Catalog {Path} already applied", path);
            return false;
        }

        CatalogDocument document;
        try
        {
            document = CatalogDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new CatalogException($"The catalog file '{path}' is not valid JSON: {ex.Message}");
        }

        try
        {
            await ApplyAsync(document, cancellationToken);
        }
        catch (DomainException ex)
        {
            throw new CatalogException($"The catalog file '{path}' is inconsistent: {ex.Message}");
        }

        db.CatalogRevisions.Add(new CatalogRevision
        {
            Version = document.Version,
            ContentHash = hash,
            Source = Path.GetFileName(path),
            AppliedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Applied catalog version {Version} from {Path}", document.Version, path);
        return true;
    }

    private async Task ApplyAsync(CatalogDocument doc, CancellationToken ct)
    {
        var ladders = await db.Ladders.ToDictionaryAsync(x => x.Slug, ct);
        var categories = await db.SkillCategories.ToDictionaryAsync(x => x.Slug, ct);
        var skills = await db.Skills.ToDictionaryAsync(x => x.Slug, ct);
        var roles = await db.CareerRoles.ToDictionaryAsync(x => x.Slug, ct);
        var tracks = await db.Tracks.ToDictionaryAsync(x => x.Slug, ct);
        var resources = await db.GrowthResources.ToDictionaryAsync(x => x.Slug, ct);
        var factors = await db.CareerFactors.ToDictionaryAsync(x => x.Slug, ct);
        var steps = await db.CareerSteps.ToDictionaryAsync(x => x.Order, ct);

        foreach (var (e, i) in doc.Ladders.Select((e, i) => (e, i)))
        {
            Upsert(ladders, e.Slug, () => new Ladder(e.Slug, e.Name, e.Description, i), x => x.Update(e.Name, e.Description, i));
        }

        foreach (var (e, i) in doc.SkillCategories.Select((e, i) => (e, i)))
        {
            Upsert(categories, e.Slug, () => new SkillCategory(e.Slug, e.Name, e.Description, i), x => x.Update(e.Name, e.Description, i));
        }

        foreach (var (e, i) in doc.Skills.Select((e, i) => (e, i)))
        {
            Upsert(skills, e.Slug, () => new Skill(e.Slug, e.Name, e.Category, e.Description, e.Rubric, i),
                x => x.Update(e.Name, e.Category, e.Description, e.Rubric, i));
        }

        foreach (var e in doc.Roles)
        {
            var salary = e.Salary is null ? null : SalaryBand.Create(e.Salary.Min, e.Salary.Max, e.Salary.Currency ?? "USD");
            var role = Upsert(roles, e.Slug,
                () => new Role(e.Slug, e.Name, e.Ladder, e.Seniority, e.IsEntryPoint, e.Summary, e.Description, e.Responsibilities, salary, e.TypicalMonthsInRole),
                x => x.Update(e.Name, e.Ladder, e.Seniority, e.IsEntryPoint, e.Summary, e.Description, e.Responsibilities, salary, e.TypicalMonthsInRole));
            foreach (var (skill, level) in e.ExpectedSkills)
            {
                role.Expect(skill, ProficiencyLevel.From(level));
            }
        }

        foreach (var e in doc.Roles)
        {
            var next = (e.NextRoles ?? []).Select(slug => roles.TryGetValue(slug, out var r)
                ? r
                : throw new DomainException($"Role '{e.Slug}' leads into an unknown role '{slug}'."));
            roles[e.Slug].SetNextRoles(next);
        }

        foreach (var (e, i) in doc.Tracks.Select((e, i) => (e, i)))
        {
            Upsert(tracks, e.Slug, () => new Track(e.Slug, e.Name, e.Focus, e.Description, e.KeySkills, i),
                x => x.Update(e.Name, e.Focus, e.Description, e.KeySkills, i));
        }

        var allResources = doc.Certifications.Select(r => (r, GrowthResourceKind.Certification))
            .Concat(doc.Degrees.Select(r => (r, GrowthResourceKind.Degree)))
            .Concat(doc.GrowthResources.Select(r => (r, ParseKind(r))));
        foreach (var (e, kind) in allResources)
        {
            Upsert(resources, e.Slug,
                () => new GrowthResource(e.Slug, kind, e.Name, e.Abbreviation, e.Description, e.Skills, e.TypicalWeeks, e.ApproxCostUsd),
                x => x.Update(kind, e.Name, e.Abbreviation, e.Description, e.Skills, e.TypicalWeeks, e.ApproxCostUsd));
        }

        foreach (var (e, i) in doc.CareerFactors.Select((e, i) => (e, i)))
        {
            Upsert(factors, e.Slug, () => new CareerFactor(e.Slug, e.Name, e.Score, e.Description, i), x => x.Update(e.Name, e.Score, e.Description, i));
        }

        foreach (var e in doc.StepsToTpm)
        {
            Upsert(steps, e.Order, () => new CareerStep(e.Order, e.Title, e.Description), x => x.Update(e.Title, e.Description));
        }

        // Building the snapshot checks every cross-reference before anything is saved.
        _ = new CareerCatalog(ladders.Values, roles.Values, categories.Values, skills.Values, tracks.Values,
            resources.Values, factors.Values, steps.Values);
    }

    private T Upsert<TKey, T>(Dictionary<TKey, T> existing, TKey key, Func<T> create, Action<T> update)
        where TKey : notnull
        where T : class
    {
        if (existing.TryGetValue(key, out var entity))
        {
            update(entity);
            return entity;
        }

        entity = create();
        existing[key] = entity;
        db.Add(entity);
        return entity;
    }

    private static GrowthResourceKind ParseKind(CatalogDocument.ResourceEntry entry) =>
        Enum.TryParse<GrowthResourceKind>(entry.Kind, ignoreCase: false, out var kind) && Enum.IsDefined(kind)
            ? kind
            : throw new DomainException($"Growth resource '{entry.Slug}' has an unknown kind '{entry.Kind}'.");
}

/// <summary>The catalog file cannot be read or applied; the message says why.</summary>
public sealed class CatalogException(string message) : Exception(message);
