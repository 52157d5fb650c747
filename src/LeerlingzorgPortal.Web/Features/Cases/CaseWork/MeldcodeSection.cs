namespace LeerlingzorgPortal.Web.Features.Cases.CaseWork;

/// <summary>A meldcode track of this case, listed only for those who may see it.</summary>
public sealed record MeldcodeLine(int Id, int ReachedStep, bool Closed);

/// <summary>
/// The meldcode tracks of a case on its page (partial <c>_MeldcodeTracks</c>), each linking to its track
/// in <c>Features/Meldcode</c>. It lives here, not in <c>Meldcode</c>, because that folder already uses
/// the case (its loader), and the folders may not use each other (ADR 0044).
/// </summary>
public sealed record MeldcodeSection(IReadOnlyList<MeldcodeLine> Tracks);
