using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Notifications;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Features.Home;

/// <summary>
/// The home page's lists of the user's own work, read in one command (ADR 0032): each keeps its own filter,
/// order and length.
/// </summary>
public abstract class HomeListsTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private static readonly int[] NewestFirst = [7, 6, 5, 4, 3];
    private static readonly int[] DueInDays = [6, 2, 4, 1, 5, 3];

    private DateOnly Today => DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task The_home_page_shows_the_five_newest_unread_notifications_newest_first_and_not_read_ones_or_someone_else_s()
    {
        var now = Fixture.Clock.GetUtcNow();
        var me = Org.UserIds[TestOrganisation.CareWorkerSouth];
        await AddAsync(db =>
        {
            for (var i = 1; i <= 7; i++)
            {
                db.Notifications.Add(new Notification(me, $"Melding nummer {i}.", "/Notifications", now.AddMinutes(i)));
            }

            var read = new Notification(me, "Al gelezen melding.", "/Notifications", now.AddMinutes(8));
            read.MarkRead(now.AddMinutes(9));
            db.Notifications.Add(read);
            db.Notifications.Add(new Notification(Org.UserIds[TestOrganisation.MentorA], "Melding voor een ander.", "/Notifications",
                now.AddMinutes(10)));
        });

        var home = await (await Fixture.ClientForAsync(TestOrganisation.CareWorkerSouth)).GetPageAsync("/");

        var shown = NewestFirst.Select(i => home.IndexOf($"Melding nummer {i}.", StringComparison.Ordinal)).ToList();
        Assert.All(shown, position => Assert.True(position > 0));
        Assert.Equal(shown.Order().ToList(), shown);
        Assert.DoesNotContain("Melding nummer 2.", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Al gelezen melding.", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Melding voor een ander.", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_shows_the_first_five_open_action_items_by_due_date_and_not_done_ones()
    {
        await Fixture.SeedReferralAsync("Bram", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth,
            (referral, now) =>
            {
                var owner = referral.AssignedCareWorkerId!;
                foreach (var day in DueInDays)
                {
                    referral.AddActionItem(owner, owner, $"Actie op dag {day}", Today.AddDays(day), now);
                }

                referral.AddActionItem(owner, owner, "Actie die al af is", Today.AddDays(1), now).MarkDone(now);
            });

        var home = await (await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth)).GetPageAsync("/");

        var shown = Enumerable.Range(1, 5).Select(day => home.IndexOf($"Actie op dag {day}", StringComparison.Ordinal)).ToList();
        Assert.All(shown, position => Assert.True(position > 0));
        Assert.Equal(shown.Order().ToList(), shown);
        Assert.DoesNotContain("Actie op dag 6", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Actie die al af is", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Late_feedback_shows_a_care_worker_their_own_cases_the_coordinator_all_and_the_mentor_none()
    {
        var own = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var other = await Fixture.SeedReferralAsync("Carmen", TestOrganisation.MentorB, ReferralStatus.InProgress, TestOrganisation.CareWorkerC);
        await AddExternalReferralAsync(own, "Anna", "Bureau Eigen", received: false);
        await AddExternalReferralAsync(other, "Carmen", "Bureau Ander", received: false);
        await AddExternalReferralAsync(own, "Anna", "Bureau Klaar", received: true);

        var worker = await (await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth)).GetPageAsync("/");
        var coordinator = await (await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth)).GetPageAsync("/");
        var mentor = await (await Fixture.ClientForAsync(TestOrganisation.MentorA)).GetPageAsync("/");

        Assert.Contains("Bureau Eigen", worker, StringComparison.Ordinal);
        Assert.DoesNotContain("Bureau Ander", worker, StringComparison.Ordinal);
        Assert.Contains("Bureau Eigen", coordinator, StringComparison.Ordinal);
        Assert.Contains("Bureau Ander", coordinator, StringComparison.Ordinal);
        Assert.DoesNotContain("Bureau Klaar", worker + coordinator, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"home-feedback\"", mentor, StringComparison.Ordinal);
    }

    private async Task AddExternalReferralAsync(int referralId, string pupil, string agency, bool received)
    {
        var now = Fixture.Clock.GetUtcNow();
        await AddAsync(db =>
        {
            var external = new ExternalReferral(referralId, Org.Pupils[pupil], PartnerKind.Jeugdzorg, agency, Today.AddDays(-20), "Reden",
                "Hulpvraag", "Ouders", Today.AddDays(-2), Org.UserIds[TestOrganisation.CoordinatorNorth], now);
            if (received)
            {
                external.Update(ExternalReferralStatus.Sent, Today.AddDays(-2), Today.AddDays(-1), "Teruggekoppeld", now);
            }

            db.ExternalReferrals.Add(external);
        });
    }

    private async Task AddAsync(Action<PortalDbContext> add)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        add(db);
        await db.SaveChangesAsync();
    }
}

public sealed class HomeListsTests_Sqlite(SqlitePortalFixture fixture) : HomeListsTests<SqlitePortalFixture>(fixture);

public sealed class HomeListsTests_PostgreSql(PostgreSqlPortalFixture fixture) : HomeListsTests<PostgreSqlPortalFixture>(fixture);

public sealed class HomeListsTests_SqlServer(SqlServerPortalFixture fixture) : HomeListsTests<SqlServerPortalFixture>(fixture);
