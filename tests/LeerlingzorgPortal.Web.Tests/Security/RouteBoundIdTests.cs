using System.Globalization;
using System.Net;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Security;

/// <summary>
/// A record id in the URL is the only id an action sees (ADR 0036): an <c>id</c> posted in the form
/// body or added to the query string never replaces the route's, so a form for one record cannot act
/// on another.
/// </summary>
public abstract class RouteBoundIdTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    [Fact]
    public async Task A_posted_id_in_the_body_does_not_replace_the_route_id()
    {
        var (anna, bram, _) = await SeedAsync();
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var response = await coordinator.PostFormAsync("/", $"/CareCases/Flag/{Key(anna)}",
            [new("id", Key(bram)), new("flagged", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"/Referrals/Details/{Key(anna)}", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.True(await FlaggedAsync(anna));
        Assert.False(await FlaggedAsync(bram));
    }

    [Fact]
    public async Task A_queried_id_does_not_replace_the_route_id()
    {
        var (anna, bram, _) = await SeedAsync();
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var response = await coordinator.PostFormAsync("/", $"/CareCases/Flag/{Key(anna)}?id={Key(bram)}", [new("flagged", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await FlaggedAsync(anna));
        Assert.False(await FlaggedAsync(bram));
    }

    [Fact]
    public async Task A_foreign_route_id_is_refused_even_with_an_allowed_id_in_the_body()
    {
        var (anna, _, sem) = await SeedAsync();
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var response = await coordinator.PostFormAsync("/", $"/CareCases/Flag/{Key(sem)}", [new("id", Key(anna)), new("flagged", "true")]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await FlaggedAsync(anna));
        Assert.False(await FlaggedAsync(sem));
    }

    [Fact]
    public async Task An_id_without_a_route_id_is_not_taken_from_the_body_or_query()
    {
        var (anna, _, _) = await SeedAsync();
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var body = await coordinator.PostFormAsync("/", "/CareCases/Flag", [new("id", Key(anna)), new("flagged", "true")]);
        var query = await coordinator.GetAsync(new Uri($"/Referrals/Details?id={Key(anna)}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, body.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, query.StatusCode);
        Assert.False(await FlaggedAsync(anna));
    }

    /// <summary>Every action parameter named after a parameter of its route binds from the route only, on every controller.</summary>
    [Fact]
    public void Every_route_parameter_of_every_action_binds_from_the_route_only()
    {
        var endpoints = Fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: e.RoutePattern, Action: e.Metadata.GetMetadata<ControllerActionDescriptor>()))
            .Where(e => e.Action is not null)
            .ToList();
        var checkedParameters = 0;
        var wrong = new List<string>();
        foreach (var (pattern, action) in endpoints)
        {
            var names = pattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in action!.Parameters.Where(p => names.Contains(p.Name) && p.BindingInfo?.BindingSource != BindingSource.Services))
            {
                checkedParameters++;
                if (parameter.BindingInfo?.BindingSource != BindingSource.Path)
                {
                    wrong.Add($"{action.ControllerName}.{action.ActionName}({parameter.Name}): {parameter.BindingInfo?.BindingSource?.Id ?? "any source"}");
                }
            }
        }

        Assert.Empty(wrong);
        Assert.True(checkedParameters > 50, $"Only {checkedParameters} route parameters found; the route patterns were not read.");
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<bool> FlaggedAsync(int id) =>
        Fixture.QueryAsync(db => db.Referrals.AsNoTracking().Where(r => r.Id == id).Select(r => r.IsFlaggedForDiscussion).SingleAsync());

    /// <summary>Fresh open cases of Anna and Bram (Noord) and of Sem (Zuid), none flagged; each test its own.</summary>
    private async Task<(int Anna, int Bram, int Sem)> SeedAsync()
    {
        var anna = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var bram = await Fixture.SeedReferralAsync("Bram", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var sem = await Fixture.SeedReferralAsync("Sem", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerSouth);
        return (anna, bram, sem);
    }
}

public sealed class RouteBoundIdTests_Sqlite(SqlitePortalFixture fixture) : RouteBoundIdTests<SqlitePortalFixture>(fixture);

public sealed class RouteBoundIdTests_PostgreSql(PostgreSqlPortalFixture fixture) : RouteBoundIdTests<PostgreSqlPortalFixture>(fixture);

public sealed class RouteBoundIdTests_SqlServer(SqlServerPortalFixture fixture) : RouteBoundIdTests<SqlServerPortalFixture>(fixture);
