namespace CareerPath.Domain.Common;

/// <summary>
/// A record made against one version of a career framework (its ratings, roles and skills mean what that version
/// says). Null for records made before frameworks had versions: those were made against the default framework's
/// first version.
/// </summary>
public interface IFrameworkBound
{
    Guid? FrameworkVersionId { get; }
}
