namespace LeerlingzorgPortal.Web.Infrastructure.Database;

/// <summary>
/// The database settings are wrong or the database cannot be reached. The message is one line for
/// the operator, naming the setting and what is wrong; start-up prints it and exits non-zero.
/// </summary>
public sealed class DatabaseConfigurationException : Exception
{
    public DatabaseConfigurationException(string message) : base(message)
    {
    }

    public DatabaseConfigurationException()
    {
    }

    public DatabaseConfigurationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
