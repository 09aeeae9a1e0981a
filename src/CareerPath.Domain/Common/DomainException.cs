namespace CareerPath.Domain.Common;

/// <summary>Raised when an operation would put a domain object into an invalid state.</summary>
public sealed class DomainException(string message) : Exception(message);
