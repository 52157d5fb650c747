using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;

namespace LeerlingzorgPortal.Web.Tests;

/// <summary>
/// Base of every integration test class. Each class runs twice, once per database: the
/// <c>_Sqlite</c> and <c>_PostgreSql</c> subclasses choose the fixture.
/// </summary>
public abstract class PortalTests<TFixture> : IClassFixture<TFixture>
    where TFixture : PortalFixture
{
    protected PortalTests(TFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.RequireDatabase();
        Fixture = fixture;
    }

    protected TFixture Fixture { get; }

    protected TestOrganisation Org => Fixture.Org;
}
