using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Features.Meetings;

/// <summary>Two people saving the minutes of one agenda item: the second sees the first's minutes and loses nothing (ADR 0036).</summary>
public abstract partial class MinutesConcurrencyTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    [Fact]
    public async Task The_second_writer_of_the_same_minutes_sees_the_conflict_and_keeps_the_own_text()
    {
        var (meetingId, itemId) = await MeetingWithItemAsync();
        using var first = await Fixture.SignInAsync(TestOrganisation.CoordinatorNorth);
        using var second = await Fixture.SignInAsync(TestOrganisation.CoordinatorNorth);
        var firstToken = TokenOf(await first.GetPageAsync($"/Meetings/Details/{meetingId}"));
        var secondToken = TokenOf(await second.GetPageAsync($"/Meetings/Details/{meetingId}"));

        var saved = await PostMinutesAsync(first, meetingId, itemId, "Eerste notulist: wijkteam bellen", firstToken);
        var late = await PostMinutesAsync(second, meetingId, itemId, "Tweede notulist: eerst met ouders praten", secondToken);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var html = await late.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Iemand anders heeft de notulen van dit agendapunt intussen opgeslagen.", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"minutes-conflict\"", html, StringComparison.Ordinal);
        Assert.Contains("Eerste notulist: wijkteam bellen", html, StringComparison.Ordinal);
        Assert.Contains(">Tweede notulist: eerst met ouders praten</textarea>", html, StringComparison.Ordinal);
        Assert.Equal("Eerste notulist: wijkteam bellen", await DecisionsAsync(itemId));

        // Saving again, now with the other's minutes in view, goes through on purpose.
        var again = await PostMinutesAsync(second, meetingId, itemId, "Tweede notulist: eerst met ouders praten", TokenOf(html));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Tweede notulist: eerst met ouders praten", await DecisionsAsync(itemId));
    }

    [Fact]
    public async Task Minutes_posted_without_the_version_they_started_from_are_not_saved_over_existing_minutes()
    {
        var (meetingId, itemId) = await MeetingWithItemAsync();
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var token = TokenOf(await coordinator.GetPageAsync($"/Meetings/Details/{meetingId}"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostMinutesAsync(coordinator, meetingId, itemId, "Bewaard besluit", token)).StatusCode);

        var blind = await PostMinutesAsync(coordinator, meetingId, itemId, "Blind overschreven", null);

        Assert.Equal(HttpStatusCode.OK, blind.StatusCode);
        Assert.Equal("Bewaard besluit", await DecisionsAsync(itemId));
    }

    [Fact]
    public async Task One_writer_saving_twice_in_a_row_meets_no_conflict()
    {
        var (meetingId, itemId) = await MeetingWithItemAsync();
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var first = await PostMinutesAsync(coordinator, meetingId, itemId, "Eerste versie",
            TokenOf(await coordinator.GetPageAsync($"/Meetings/Details/{meetingId}")));
        var second = await PostMinutesAsync(coordinator, meetingId, itemId, "Tweede versie",
            TokenOf(await coordinator.GetPageAsync($"/Meetings/Details/{meetingId}")));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("Tweede versie", await DecisionsAsync(itemId));
    }

    private static string TokenOf(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no minutes form with a version token.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("name=\"MinutesToken\" value=\"([0-9A-F]+)\"")]
    private static partial Regex TokenPattern();

    private static Task<HttpResponseMessage> PostMinutesAsync(HttpClient client, int meetingId, int itemId, string decisions, string? token)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("ItemId", itemId.ToString(CultureInfo.InvariantCulture)), new("Discussion", "Besproken"), new("Decisions", decisions),
        };
        if (token is not null)
        {
            fields.Add(new("MinutesToken", token));
        }

        return client.PostFormAsync($"/Meetings/Details/{meetingId}", $"/Meetings/RecordMinutes/{meetingId}", fields);
    }

    private Task<string?> DecisionsAsync(int itemId) => Fixture.QueryAsync(db =>
        db.Meetings.SelectMany(m => m.Agenda).Where(a => a.Id == itemId).Select(a => a.Decisions).SingleAsync());

    /// <summary>A planned internal care meeting of Noord with Anna's case on the agenda; each test gets its own.</summary>
    private async Task<(int Meeting, int Item)> MeetingWithItemAsync()
    {
        var caseId = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var start = Fixture.Clock.GetUtcNow().AddDays(3);
        var created = await coordinator.PostFormAsync("/Meetings/Create", "/Meetings/Create",
        [
            new("Type", "InternalCareMeeting"), new("LocationId", Org.NorthId.ToString(CultureInfo.InvariantCulture)),
            new("Date", DateOnly.FromDateTime(start.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("Time", start.ToString("HH:mm", CultureInfo.InvariantCulture)), new("ChairId", Org.UserIds[TestOrganisation.CoordinatorNorth]),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var meetingId = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var added = await coordinator.PostFormAsync($"/Meetings/Details/{meetingId}", $"/Meetings/AddItem/{meetingId}",
            [new("ReferralId", caseId.ToString(CultureInfo.InvariantCulture)), new("Question", "Hoe verder?")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var itemId = await Fixture.QueryAsync(db => db.Meetings.Where(m => m.Id == meetingId).SelectMany(m => m.Agenda).Select(a => a.Id).SingleAsync());
        return (meetingId, itemId);
    }
}

public sealed class MinutesConcurrencyTests_Sqlite(SqlitePortalFixture fixture) : MinutesConcurrencyTests<SqlitePortalFixture>(fixture);

public sealed class MinutesConcurrencyTests_PostgreSql(PostgreSqlPortalFixture fixture) : MinutesConcurrencyTests<PostgreSqlPortalFixture>(fixture);

public sealed class MinutesConcurrencyTests_SqlServer(SqlServerPortalFixture fixture) : MinutesConcurrencyTests<SqlServerPortalFixture>(fixture);
