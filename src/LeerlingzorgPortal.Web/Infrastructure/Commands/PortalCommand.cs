using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace LeerlingzorgPortal.Web.Infrastructure.Commands;

/// <summary>
/// The operator commands next to running the portal:
/// <c>migrate</c> applies the database migrations and exits;
/// <c>create-admin --email E --name "N"</c> creates the first functional administrator, reading the
/// password from standard input (so it never shows in the shell history or the process list);
/// <c>script [--provider SqlServer|PostgreSql|Sqlite]</c> writes the idempotent migration script to standard output,
/// for a database administrator who applies it instead of migrating on start (it does not connect).
/// </summary>
public sealed class PortalCommand
{
    private readonly string? _name;
    private readonly IReadOnlyDictionary<string, string> _options;

    private PortalCommand(string? name, IReadOnlyDictionary<string, string> options)
    {
        _name = name;
        _options = options;
    }

    public bool IsOperatorCommand => _name is not null;

    public bool MigratesDatabase => _name is "migrate" or "create-admin";

    /// <summary>Whether the command works on the database (all but <c>script</c>, which only writes SQL).</summary>
    public bool NeedsDatabase => _name is not "script";

    public static PortalCommand Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0].StartsWith('-') || args[0].Contains('=', StringComparison.Ordinal))
        {
            return new PortalCommand(null, new Dictionary<string, string>());
        }

        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i + 1 < args.Count; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return new PortalCommand(args[0], options);
    }

    public async Task<int> RunAsync(IServiceProvider services)
    {
        switch (_name)
        {
            case "migrate":
                Console.WriteLine("De database is bijgewerkt tot de laatste migratie.");
                return 0;
            case "create-admin":
                return await CreateAdminAsync(services);
            case "script":
                return await ScriptAsync(services);
            default:
                await Console.Error.WriteLineAsync(
                    $"Onbekend commando '{_name}'. Gebruik: migrate | create-admin --email <adres> --name \"<naam>\" (wachtwoord via standaardinvoer) | script [--provider SqlServer].");
                return 1;
        }
    }

    private async Task<int> ScriptAsync(IServiceProvider services)
    {
        var provider = services.GetRequiredService<Database.DatabaseSettings>().Provider;
        if (_options.TryGetValue("provider", out var chosen)
            && !Database.DatabaseSettings.TryParseProvider(chosen, out provider))
        {
            await Console.Error.WriteLineAsync($"Onbekende provider '{chosen}'; kies Sqlite, PostgreSql of SqlServer.");
            return 1;
        }

        await Console.Out.WriteAsync(Database.MigrationScript.Generate(provider));
        return 0;
    }

    private async Task<int> CreateAdminAsync(IServiceProvider services)
    {
        if (!_options.TryGetValue("email", out var email) || !_options.TryGetValue("name", out var name))
        {
            await Console.Error.WriteLineAsync("Gebruik: create-admin --email <adres> --name \"<naam>\" (wachtwoord via standaardinvoer).");
            return 1;
        }

        var password = (await Console.In.ReadLineAsync())?.Trim();
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("Geef het wachtwoord via standaardinvoer, bijvoorbeeld: read -s PW; echo \"$PW\" | ...");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var user = new PortalUser { UserName = email, Email = email };
        // The first admin chose this password at the server: no change asked, but enrolling the
        // authenticator app needs the one-time code printed below, as for every account (ADR 0038).
        var enrolmentCode = user.IssueEnrolmentCode(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            await Console.Error.WriteLineAsync(
                $"Beheerder niet aangemaakt: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            return 1;
        }

        await users.AddToRoleAsync(user, PortalRoles.Admin);
        db.StaffMembers.Add(new StaffMember(user.Id, name, email));
        await db.SaveChangesAsync();
        Console.WriteLine($"Beheerder aangemaakt: {email}");
        Console.WriteLine($"Inschrijfcode voor de authenticator-app (72 uur geldig, één keer te gebruiken): {enrolmentCode}");
        return 0;
    }
}
