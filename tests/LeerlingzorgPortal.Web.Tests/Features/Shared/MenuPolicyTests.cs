using System.Security.Claims;
using System.Text.RegularExpressions;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using LeerlingzorgPortal.Web.Tests.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Features.Shared;

/// <summary>
/// The menu and the policies cannot drift apart (ADR 0045): each role sees exactly the items whose policy lets it in
/// (and no link outside the catalogue), each item names the policy its page requires, and no account of the
/// authorization matrix is offered a page the matrix says it is refused.
/// </summary>
public abstract partial class MenuPolicyTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    public static TheoryData<StaffRole> Roles => new(PortalRoles.All);

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task The_menu_shows_each_item_to_exactly_the_roles_its_policy_allows(StaffRole role)
    {
        var (email, _) = await Fixture.NewAccountAsync(role);
        var client = await Fixture.SignInAsync(email);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role.ToString())], "Test"));
        var authorization = Fixture.Services.GetRequiredService<IAuthorizationService>();

        var expected = new List<string>();
        foreach (var item in PortalMenu.All)
        {
            if (item.Policy is null || (await authorization.AuthorizeAsync(principal, item.Policy)).Succeeded)
            {
                expected.Add(Href(item));
            }
        }

        Assert.Equal(expected, await ShownAsync(client));
    }

    [Fact]
    public void Each_menu_item_names_the_policy_its_page_requires()
    {
        var endpoints = Fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        foreach (var item in PortalMenu.All)
        {
            // An action can answer on more than one route; the policy is the action's, so every route must agree.
            var pages = endpoints.Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is { ActionName: "Index" } action
                                             && action.ControllerName == item.Controller
                                             && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") != false).ToList();
            Assert.NotEmpty(pages);
            var required = pages.SelectMany(p => p.Metadata.GetOrderedMetadata<IAuthorizeData>()).Select(a => a.Policy).OfType<string>()
                .Distinct(StringComparer.Ordinal).ToList();
            // A page without a policy opens for every signed-in user; its item may still be offered to fewer roles.
            if (required.Count > 0)
            {
                Assert.True(item.Policy is not null && required.Contains(item.Policy),
                    $"The menu item {item.Text} shows with {item.Policy ?? "no policy"}, its page requires {string.Join(", ", required)}");
            }
        }
    }

    [Fact]
    public async Task No_account_of_the_matrix_is_offered_a_page_the_matrix_refuses_it()
    {
        // Column 0 is the anonymous visitor, who has no menu.
        for (var column = 1; column < 9; column++)
        {
            var account = AuthorizationMatrixTests<TFixture>.AccountAt(column)!;
            var shown = await ShownAsync(await Fixture.ClientForAsync(account));
            foreach (var item in PortalMenu.All.Where(i => shown.Contains(Href(i))))
            {
                var expectation = AuthorizationMatrixTests<TFixture>.Matrix[$"GET {item.Controller}.Index"];
                Assert.True(expectation.Roles[column] == 'O', $"{account} is offered {item.Text}, the matrix says {expectation.Roles[column]}");
            }
        }
    }

    private string Href(MenuItem item) =>
        item.Href ?? Fixture.Services.GetRequiredService<LinkGenerator>().GetPathByAction("Index", item.Controller)
        ?? throw new InvalidOperationException($"No address for {item.Controller}");

    /// <summary>The links of the main menu in order, without the notification badge (shown to everyone).</summary>
    private static async Task<List<string>> ShownAsync(HttpClient client)
    {
        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var start = page.IndexOf("<ul class=\"navbar-nav me-auto\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "The start page has no main menu");
        var menu = page[start..page.IndexOf("</ul>", start, StringComparison.Ordinal)];
        return Link().Matches(menu).Select(m => m.Groups[1].Value).Where(h => h != "/Notifications").ToList();
    }

    [GeneratedRegex("<a\\s[^>]*href=\"([^\"]*)\"", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Link();
}

public sealed class MenuPolicyTests_Sqlite(SqlitePortalFixture fixture) : MenuPolicyTests<SqlitePortalFixture>(fixture);

public sealed class MenuPolicyTests_PostgreSql(PostgreSqlPortalFixture fixture) : MenuPolicyTests<PostgreSqlPortalFixture>(fixture);

public sealed class MenuPolicyTests_SqlServer(SqlServerPortalFixture fixture) : MenuPolicyTests<SqlServerPortalFixture>(fixture);
