using LeerlingzorgPortal.Domain.Care;

namespace LeerlingzorgPortal.Web.Features.Cases.CasePage;

public sealed record TransitionLine(ReferralStatus? From, ReferralStatus To, string By, DateTimeOffset At);

/// <summary>The history of a referral on its page (partial <c>_History</c>): every status it went through, oldest first.</summary>
public sealed record HistorySection(IReadOnlyList<TransitionLine> Steps);
