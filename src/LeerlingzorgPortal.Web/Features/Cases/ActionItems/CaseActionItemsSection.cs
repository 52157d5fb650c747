using LeerlingzorgPortal.Domain.Care;

namespace LeerlingzorgPortal.Web.Features.Cases.ActionItems;

public sealed record ActionItemLine(int Id, string Description, string Owner, string OwnerId, DateOnly DueDate,
    ActionItemStatus Status, bool IsOverdue, bool MayComplete);

/// <summary>
/// The action items of a case on its page (partial <c>_CaseActionItems</c>): all of them for whoever sees
/// the case work, only their own in the mentor's view; <see cref="ActionItemLine.MayComplete"/> adds the
/// button that completes or reopens one (answered by <c>ActionItemsController</c>, back to the case page).
/// </summary>
public sealed record CaseActionItemsSection(int ReferralId, bool SeesCaseWork, IReadOnlyList<ActionItemLine> Items);
