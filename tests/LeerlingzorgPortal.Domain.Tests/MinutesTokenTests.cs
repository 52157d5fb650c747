using LeerlingzorgPortal.Domain.Meetings;

namespace LeerlingzorgPortal.Domain.Tests;

/// <summary>The minutes of an agenda item are saved only over the version their writer saw (ADR 0036).</summary>
public sealed class MinutesTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private static (Meeting Meeting, AgendaItem Item) MeetingWithItem()
    {
        var meeting = Meeting.Plan(1, MeetingType.InternalCareMeeting, Now.AddDays(2), "chair", null, [], [], Now)[0];
        return (meeting, meeting.AddToAgenda(10, 1, "Vraag", "chair", ConsentCheck.Given));
    }

    [Fact]
    public void Minutes_saved_over_the_version_the_writer_saw_are_recorded()
    {
        var (meeting, item) = MeetingWithItem();

        Assert.True(meeting.RecordMinutes(item, "Besproken", "Wijkteam", item.MinutesToken));
        Assert.Equal("Wijkteam", item.Decisions);
    }

    [Fact]
    public void Minutes_saved_over_an_older_version_change_nothing()
    {
        var (meeting, item) = MeetingWithItem();
        var seenByBoth = item.MinutesToken;
        meeting.RecordMinutes(item, "Eerste", "Eerste besluit", seenByBoth);

        Assert.False(meeting.RecordMinutes(item, "Tweede", "Tweede besluit", seenByBoth));
        Assert.False(meeting.RecordMinutes(item, "Tweede", "Tweede besluit", null));
        Assert.Equal("Eerste besluit", item.Decisions);
    }

    [Fact]
    public void The_token_follows_the_text_of_both_fields_and_not_where_it_is_split()
    {
        Assert.Equal(AgendaItem.MinutesTokenOf("a", "b"), AgendaItem.MinutesTokenOf("a", "b"));
        Assert.NotEqual(AgendaItem.MinutesTokenOf("a", "b"), AgendaItem.MinutesTokenOf("ab", null));
        Assert.NotEqual(AgendaItem.MinutesTokenOf("ab", ""), AgendaItem.MinutesTokenOf("a", "b"));
        Assert.NotEqual(AgendaItem.MinutesTokenOf(null, null), AgendaItem.MinutesTokenOf("", ""));
    }
}
