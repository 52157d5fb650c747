using LeerlingzorgPortal.Domain.Accommodations;

namespace LeerlingzorgPortal.Web.Features.Accommodations;

/// <summary>How accommodations read on screen, in Dutch.</summary>
public static class AccommodationText
{
    public static string Kind(AccommodationKind kind) => kind switch
    {
        AccommodationKind.ExtraTime => "Extra tijd",
        AccommodationKind.EnlargedPrint => "Vergroot lettertype",
        AccommodationKind.ReadAloudSoftware => "Voorleessoftware",
        AccommodationKind.Laptop => "Laptop",
        AccommodationKind.QuietRoom => "Rustige ruimte",
        AccommodationKind.Exemption => "Vrijstelling",
        _ => "Anders",
    };

    /// <summary>"Extra tijd: 25% extra tijd bij toetsen", or only the kind when there is no detail.</summary>
    public static string KindAndDetail(AccommodationKind kind, string? detail) =>
        detail is null ? Kind(kind) : $"{Kind(kind)}: {detail}";
}
