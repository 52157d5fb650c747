using System.Globalization;
using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Web.Features.Shared;

/// <summary>How values read on screen: nl-NL dates and numbers, Dutch names for codes.</summary>
public static class Dutch
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>"05-03-2012".</summary>
    public static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", Culture);

    /// <summary>"5 maart 2012".</summary>
    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    /// <summary>"22-11-2026 14:05", in the server's local time zone.</summary>
    public static string DateTime(DateTimeOffset moment) => moment.ToLocalTime().ToString("dd-MM-yyyy HH:mm", Culture);

    public static string Number(int value) => value.ToString("N0", Culture);

    public static string Relationship(GuardianRelationship relationship) => relationship switch
    {
        GuardianRelationship.Mother => "Moeder",
        GuardianRelationship.Father => "Vader",
        GuardianRelationship.Parent => "Ouder",
        GuardianRelationship.Carer => "Verzorger",
        _ => "Anders",
    };
}
