namespace LeerlingzorgPortal.Domain.Care;

/// <summary>One step in a referral's life: from which status to which, by whom and when.</summary>
public sealed class ReferralTransition
{
    private ReferralTransition()
    {
        ById = string.Empty;
    }

    internal ReferralTransition(ReferralStatus? from, ReferralStatus to, string byId, DateTimeOffset at)
    {
        From = from;
        To = to;
        ById = byId;
        At = at;
    }

    public long Id { get; private set; }

    public int ReferralId { get; private set; }

    public ReferralStatus? From { get; private set; }

    public ReferralStatus To { get; private set; }

    public string ById { get; private set; }

    public DateTimeOffset At { get; private set; }
}
