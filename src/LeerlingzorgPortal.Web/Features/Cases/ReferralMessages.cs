namespace LeerlingzorgPortal.Web.Features.Cases;

/// <summary>What the case says in more than one place: the conflict message and the link to a case page.</summary>
public static class ReferralMessages
{
    public const string Conflict =
        "Iemand anders heeft deze aanmelding intussen gewijzigd. Bekijk de nieuwe stand hieronder; er is niets overschreven.";

    public static string Link(int id) => $"/Referrals/Details/{id}";
}
