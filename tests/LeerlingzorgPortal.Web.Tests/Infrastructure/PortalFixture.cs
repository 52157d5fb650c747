using System.Net;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Infrastructure;

/// <summary>
/// One running portal over a fresh database with the <see cref="TestOrganisation"/>, shared by the
/// tests of one class. Tests that change things create their own accounts or records.
/// </summary>
public abstract class PortalFixture : IAsyncLifetime
{
    private readonly Dictionary<string, HttpClient> _signedIn = [];
    private readonly Dictionary<string, object> _once = [];
    private PortalFactory? _factory;
    private TestOrganisation? _org;

    protected PortalFixture(TestDatabase database)
    {
        Database = database;
    }

    public TestDatabase Database { get; }

    /// <summary>Settings over <see cref="PortalFactory.Defaults"/>, for fixtures that test two factors or throttling.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public FakeClock Clock { get; } = new();

    /// <summary>Services a fixture puts in place of the portal's (e.g. a counting password hasher).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    public PortalFactory Factory => _factory ?? throw Unavailable();

    public TestOrganisation Org => _org ?? throw Unavailable();

    public IServiceProvider Services => Factory.Services;

    public async ValueTask InitializeAsync()
    {
        if (Database.UnavailableReason is not null)
        {
            return;
        }

        _factory = new PortalFactory(Database, Clock, settings: Settings, testServices: ConfigureTestServices);
        _org = await TestOrganisation.CreateAsync(_factory.Services);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _signedIn.Values)
        {
            client.Dispose();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Call first in every test: skips (or, under the test script, fails) when the database is missing.</summary>
    public void RequireDatabase()
    {
        if (Database.UnavailableReason is { } reason)
        {
            if (Database.MayBeMissing)
            {
                Assert.Skip(reason);
            }

            TestEnvironment.SkipOrFail(reason);
        }
    }

    public HttpClient AnonymousClient() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<HttpClient> SignInAsync(string email, string password = TestOrganisation.Password)
    {
        var client = AnonymousClient();
        var response = await client.PostFormAsync("/Account/Login", "/Account/Login",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>
    /// A signed-in client for one of the organisation's accounts, kept for the class: for tests that
    /// only read. Tests that sign out, lock or change an account use <see cref="NewAccountAsync"/>.
    /// </summary>
    public async Task<HttpClient> ClientForAsync(string email)
    {
        if (!_signedIn.TryGetValue(email, out var client))
        {
            client = await SignInAsync(email);
            _signedIn[email] = client;
        }

        return client;
    }

    /// <summary>Data a test class sets up once and then only reads.</summary>
    public async Task<T> OnceAsync<T>(string key, Func<Task<T>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (!_once.TryGetValue(key, out var value))
        {
            value = (await create())!;
            _once[key] = value;
        }

        return (T)value;
    }

    /// <summary>Reads from the test database in a scope of its own, as a check after a request.</summary>
    public async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>A new account for a test that changes or locks it, so other tests are not affected.</summary>
    public async Task<(string Email, string Id)> NewAccountAsync(params StaffRole[] roles)
    {
        var email = $"{Guid.NewGuid():N}@test.example";
        await using var scope = Services.CreateAsyncScope();
        var id = await TestOrganisation.CreateAccountAsync(
            scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>(),
            scope.ServiceProvider.GetRequiredService<PortalDbContext>(),
            email, "Test Medewerker", roles, [Org.NorthId], []);
        return (email, id);
    }

    private InvalidOperationException Unavailable() =>
        new($"The test database is not available: {Database.UnavailableReason}");
}

public sealed class SqlitePortalFixture() : PortalFixture(new SqliteTestDatabase());

public sealed class PostgreSqlPortalFixture() : PortalFixture(new PostgreSqlTestDatabase());

/// <summary>The portal on SQL Server when <see cref="TestEnvironment.SqlServerVariable"/> names one; its tests skip otherwise.</summary>
public sealed class SqlServerPortalFixture() : PortalFixture(new SqlServerTestDatabase());
