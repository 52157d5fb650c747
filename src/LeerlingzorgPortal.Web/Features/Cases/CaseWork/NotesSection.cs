using LeerlingzorgPortal.Domain.Care;

namespace LeerlingzorgPortal.Web.Features.Cases.CaseWork;

/// <param name="Summary">Null in the mentor's view, which shows only the agreements.</param>
public sealed record NoteLine(int Id, DateOnly Date, ContactParties With, string Author, string? Summary,
    string? Agreements, bool IsConfidential);

/// <summary>
/// The conversation notes of a case on its page (partial <c>_Notes</c>): "Gespreksverslagen" for whoever
/// sees the case work, only the agreements ("Afspraken") in the mentor's view.
/// </summary>
public sealed record NotesSection(bool SeesCaseWork, IReadOnlyList<NoteLine> Notes);
