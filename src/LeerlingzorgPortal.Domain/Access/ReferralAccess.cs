using System.Linq.Expressions;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Access;

/// <summary>A school's choices about care access.</summary>
/// <param name="CareWorkersReadLocationCases">
/// When on, care workers a and b also read (not change) the cases at their locations that are not
/// assigned to them. Off by default: need to know.
/// </param>
public sealed record CareAccessSettings(bool CareWorkersReadLocationCases = false);

/// <summary>
/// The need-to-know rules for referrals and care cases, stated once (see also docs/adr/0003):
/// <list type="bullet">
/// <item>the referrer reads their own referrals, drafts included; nobody else reads a draft;</item>
/// <item>a mentor reads the referrals of pupils in their mentor groups, in the mentor's view;</item>
/// <item>a care worker reads the cases assigned to them (and, read-only, the cases at their
/// locations when the school turns that on);</item>
/// <item>a coordinator reads every referral at their locations;</item>
/// <item>care worker c reads across the board's locations;</item>
/// <item>school leaders and admins read no case content.</item>
/// </list>
/// </summary>
public static class ReferralAccess
{
    public static Expression<Func<Referral, bool>> ReadableBy(StaffScope scope, CareAccessSettings settings)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(settings);
        var me = scope.StaffMemberId;
        var board = scope.Has(StaffRole.CareWorkerC);
        var coordinator = scope.Has(StaffRole.Coordinator);
        var mentor = scope.Has(StaffRole.Mentor);
        var caseReader = settings.CareWorkersReadLocationCases
                         && (scope.Has(StaffRole.CareWorkerA) || scope.Has(StaffRole.CareWorkerB));
        var locations = scope.LocationIds.ToList();
        var groups = mentor ? scope.MentorGroupIds.ToList() : [];
        if (string.IsNullOrEmpty(me))
        {
            return _ => false;
        }

        return r => r.ReferredById == me
                    || r.AssignedCareWorkerId == me
                    || (r.Status != ReferralStatus.Draft
                        && (board
                            || (coordinator && locations.Contains(r.LocationId))
                            || (r.Pupil!.MentorGroupId != null && groups.Contains(r.Pupil.MentorGroupId.Value))
                            || (caseReader && locations.Contains(r.LocationId) && r.Status != ReferralStatus.Submitted
                                && r.Status != ReferralStatus.ReturnedToMentor)));
    }

    /// <summary>What this user may do with this loaded referral (its pupil loaded too).</summary>
    public static ReferralPermissions For(StaffScope scope, Referral referral, CareAccessSettings settings)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(referral);
        if (!ReadableBy(scope, settings).Compile().Invoke(referral))
        {
            return ReferralPermissions.None;
        }

        var assigned = referral.AssignedCareWorkerId == scope.StaffMemberId;
        var coordinatorHere = scope.Has(StaffRole.Coordinator) && scope.LocationIds.Contains(referral.LocationId);
        var board = scope.Has(StaffRole.CareWorkerC);
        var caseReaderHere = settings.CareWorkersReadLocationCases
                             && (scope.Has(StaffRole.CareWorkerA) || scope.Has(StaffRole.CareWorkerB))
                             && scope.LocationIds.Contains(referral.LocationId);
        return new ReferralPermissions(
            CanRead: true,
            SeesCaseWork: assigned || coordinatorHere || board || caseReaderHere,
            ReadsConfidential: assigned || coordinatorHere,
            CanWork: referral.IsOpenCase && (assigned || coordinatorHere || board),
            CanTriage: referral.Status == ReferralStatus.Submitted && (coordinatorHere || board),
            CanEditDraft: referral.Status == ReferralStatus.Draft && referral.ReferredById == scope.StaffMemberId);
    }

    /// <summary>Gives a case they may work to another care worker: the coordinator and care worker c.</summary>
    public static bool MayReassign(StaffScope scope, ReferralPermissions permissions)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(permissions);
        return permissions.CanWork && ReassignsCases(scope);
    }

    /// <summary>The roles that reassign a case they may work: coordinators and care workers c.</summary>
    public static bool ReassignsCases(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Has(StaffRole.Coordinator) || scope.Has(StaffRole.CareWorkerC);
    }

    /// <summary>Starts a meldcode track from a case they may work: care staff and coordinators.</summary>
    public static bool MayStartMeldcode(StaffScope scope, ReferralPermissions permissions)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(permissions);
        return permissions.CanWork && StartsMeldcodeTracks(scope);
    }

    /// <summary>The roles that start a meldcode track from a case they may work: care staff and coordinators.</summary>
    public static bool StartsMeldcodeTracks(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Has(StaffRole.Coordinator) || scope.WorksWithPupilsOfOwnLocations || scope.WorksAcrossBoard;
    }
}

/// <param name="CanRead">Sees the referral at all: status, category, assigned care worker.</param>
/// <param name="SeesCaseWork">Sees the case work (note summaries); otherwise the mentor's view: status,
/// care worker, the agreements of non-confidential notes and their own action items.</param>
/// <param name="ReadsConfidential">Reads confidential notes.</param>
/// <param name="CanWork">Adds notes and action items, closes or refers out.</param>
/// <param name="CanTriage">Assigns or returns a submitted referral.</param>
/// <param name="CanEditDraft">Edits and submits a draft.</param>
public sealed record ReferralPermissions(
    bool CanRead,
    bool SeesCaseWork,
    bool ReadsConfidential,
    bool CanWork,
    bool CanTriage,
    bool CanEditDraft)
{
    public static readonly ReferralPermissions None = new(false, false, false, false, false, false);
}
