namespace LeerlingzorgPortal.Domain;

/// <summary>
/// Raised when an operation would break a rule of the domain. The message is Dutch because it is
/// shown to the user as is.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string message) : base(message)
    {
    }

    public DomainRuleException()
    {
    }

    public DomainRuleException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
