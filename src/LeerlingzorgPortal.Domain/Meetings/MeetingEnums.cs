namespace LeerlingzorgPortal.Domain.Meetings;

public enum MeetingType
{
    InternalCareMeeting,
    PupilDiscussion,
    Zat,
    Mdo,
    ParentMeeting,
}

/// <summary>The kinds of partner organisation that take part in ZAT and MDO meetings.</summary>
public enum PartnerKind
{
    Ggd,
    Leerplicht,
    Wijkteam,
    Jeugdzorg,
    Politie,
    VeiligThuis,
    Clb,
    Samenwerkingsverband,
    Other,
}

public enum MeetingStatus
{
    Planned,
    Closed,
}
