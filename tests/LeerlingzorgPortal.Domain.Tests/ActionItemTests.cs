using LeerlingzorgPortal.Domain.Care;
using static LeerlingzorgPortal.Domain.Tests.CareBuilders;

namespace LeerlingzorgPortal.Domain.Tests;

public sealed class ActionItemTests
{
    private static DateOnly DayOf(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    [Fact]
    public void An_open_item_is_overdue_from_the_day_after_its_due_date()
    {
        var item = InStatus(ReferralStatus.InProgress).AddActionItem("w", "m", "Bellen", Today.AddDays(2), Now);

        Assert.False(item.IsOverdueOn(DayOf(Now.AddDays(2))));
        Assert.True(item.IsOverdueOn(DayOf(Now.AddDays(3))));
    }

    [Fact]
    public void A_done_item_is_never_overdue()
    {
        var item = InStatus(ReferralStatus.InProgress).AddActionItem("w", "m", "Bellen", Today, Now);

        item.MarkDone(Now.AddDays(1));

        Assert.False(item.IsOverdueOn(Today.AddDays(30)));
        Assert.Equal(Now.AddDays(1), item.DoneAt);
    }

    [Fact]
    public void An_item_is_done_once_and_can_be_reopened()
    {
        var item = InStatus(ReferralStatus.InProgress).AddActionItem("w", "m", "Bellen", Today, Now);
        item.MarkDone(Now);

        Assert.Throws<DomainRuleException>(() => item.MarkDone(Now));
        item.Reopen();
        Assert.Equal(ActionItemStatus.Open, item.Status);
        Assert.Null(item.DoneAt);
    }

    [Fact]
    public void An_item_needs_a_description_of_at_most_500_characters()
    {
        var referral = InStatus(ReferralStatus.InProgress);

        Assert.Throws<DomainRuleException>(() => referral.AddActionItem("w", "m", " ", Today, Now));
        Assert.Throws<DomainRuleException>(() => referral.AddActionItem("w", "m", new string('x', 501), Today, Now));
    }
}
