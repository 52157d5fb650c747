namespace LeerlingzorgPortal.Web.Tests.Infrastructure;

/// <summary>Files of the repository itself (docs, scripts) that tests keep in step with the code.</summary>
public static class RepositoryFiles
{
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LeerlingzorgPortal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (LeerlingzorgPortal.sln) was not found.");
    }
}
