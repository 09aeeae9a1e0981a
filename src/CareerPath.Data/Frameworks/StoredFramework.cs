using CareerPath.Domain.Common;

namespace CareerPath.Data.Frameworks;

/// <summary>
/// A framework kept on this server: its versions hold the content. Versions are never changed once written, so
/// results made against one keep their meaning when the framework is edited or re-imported.
/// </summary>
public sealed class StoredFramework
{
    public const int NameMaxLength = 120;

    /// <summary>The framework every instance has, seeded from the catalog file.</summary>
    public const string DefaultKey = "default";

    public Guid Id { get; set; }

    /// <summary>A slug, unique on the server.</summary>
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The user who imported a personal framework, which only they see; null for a server framework, which everyone sees.</summary>
    public string? OwnerId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public static int KeyMaxLength => Slug.MaxLength;
}

/// <summary>One immutable version of a framework: the checked document in the app's own JSON format.</summary>
public sealed class StoredFrameworkVersion
{
    public const int SourceMaxLength = 200;

    public Guid Id { get; set; }
    public Guid FrameworkId { get; set; }

    /// <summary>1 for the first version, counting up.</summary>
    public int Number { get; set; }

    /// <summary>The framework as <see cref="FrameworkJson"/> writes it, after <c>FrameworkBuilder</c> accepted it.</summary>
    public string Document { get; set; } = "";

    /// <summary>SHA-256 of <see cref="Document"/>, so re-importing the same content adds no version.</summary>
    public string ContentHash { get; set; } = "";

    /// <summary>Where the content came from: a file name, or the editor.</summary>
    public string Source { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}
