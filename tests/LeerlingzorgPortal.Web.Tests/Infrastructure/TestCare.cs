using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Care;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Infrastructure;

/// <summary>Puts referrals straight into the test database, in the wanted state, through the domain.</summary>
public static class TestCare
{
    public static async Task<int> SeedReferralAsync(this PortalFixture fixture, string pupil, string referrerEmail,
        ReferralStatus status, string? assignedEmail = null, Action<Referral, DateTimeOffset>? more = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = fixture.Clock.GetUtcNow();
        var org = fixture.Org;
        var referrer = org.UserIds[referrerEmail];
        var entity = await db.Pupils.SingleAsync(p => p.Id == org.Pupils[pupil]);
        var referral = Referral.Draft(entity, referrer, Guid.NewGuid(),
            new ReferralDetails(ReferralCategory.SocialEmotional, Urgency.High, $"Hulpvraag over {pupil}",
                "Gesprekken gevoerd", true, DateOnly.FromDateTime(now.UtcDateTime)), now);
        if (status != ReferralStatus.Draft)
        {
            referral.Submit(referrer, now);
        }

        if (status == ReferralStatus.ReturnedToMentor)
        {
            referral.ReturnToMentor(org.UserIds[TestOrganisation.CoordinatorNorth], "Advies", now);
        }
        else if (status is not (ReferralStatus.Draft or ReferralStatus.Submitted))
        {
            referral.Triage(org.UserIds[TestOrganisation.CoordinatorNorth],
                org.UserIds[assignedEmail ?? TestOrganisation.CareWorkerNorth], SupportLevel.Basic, now);
        }

        if (status == ReferralStatus.InProgress)
        {
            referral.AddNote(referral.AssignedCareWorkerId!, new NoteDetails(DateOnly.FromDateTime(now.UtcDateTime),
                ContactParties.Pupil, "Eerste gesprek", "Wekelijks gesprek", false), now);
        }
        else if (status == ReferralStatus.Closed)
        {
            referral.Close(referral.AssignedCareWorkerId!, CaseOutcome.GoalsReached, "Klaar", now);
        }

        more?.Invoke(referral, now);
        db.Referrals.Add(referral);
        await db.SaveChangesAsync();
        return referral.Id;
    }
}
