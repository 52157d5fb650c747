using System.Globalization;

namespace LeerlingzorgPortal.Web.Tests.Infrastructure;

/// <summary>
/// One form that fills every field the portal's POST actions read, valid for each of them: sent to an
/// endpoint the user may not use, only the access rule can refuse it.
/// </summary>
public static class CompleteForm
{
    public static List<KeyValuePair<string, string>> Fields(PortalFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var org = fixture.Org;
        var today = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return
        [
            new("Version", Guid.NewGuid().ToString()), new("CareWorkerId", org.UserIds[TestOrganisation.CareWorkerSouth]),
            new("SupportLevel", "Basic"), new("Advice", "Advies"), new("Date", today), new("With", "Pupil"),
            new("Summary", "Samenvatting"), new("Description", "Actie"), new("OwnerId", org.UserIds[TestOrganisation.CareWorkerSouth]),
            new("DueDate", today), new("Outcome", "GoalsReached"), new("Agency", "GGD"), new("Reason", "Reden"),
            new("PupilId", org.Pupils["Anna"].ToString(CultureInfo.InvariantCulture)), new("Category", "Other"), new("Urgency", "Normal"),
            new("Question", "Vraag"), new("AlreadyTried", "Iets"), new("RequestId", Guid.NewGuid().ToString()),
            new("AgencyKind", "Ggd"), new("AgencyName", "GGD"), new("SentOn", today), new("SharedInformation", "Hulpvraag"),
            new("ConsentBy", "Ouders"), new("InterventionId", "1"), new("StartOn", today),
            new("Kind", "ExtraTime"), new("Detail", "25% extra tijd"), new("Ground", "Verklaring"), new("ValidFrom", today),
            new("ValidUntil", today), new("WithdrawOn", today), new("EndOn", today), new("LeftOn", today), new("Until", "2027-06-01"),
        ];
    }
}
