using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Organisation;
using static LeerlingzorgPortal.Domain.Tests.Builders;
using static LeerlingzorgPortal.Domain.Tests.CareBuilders;

namespace LeerlingzorgPortal.Domain.Tests;

/// <summary>The visibility rules for referrals and cases as a table: role × relation → may read / may edit.</summary>
public sealed class ReferralAccessTests
{
    public enum Relation
    {
        /// <summary>The user referred this pupil.</summary>
        Referrer,

        /// <summary>The pupil is in the user's mentor group; someone else referred.</summary>
        MentorOfPupil,

        /// <summary>The case is assigned to the user.</summary>
        Assigned,

        /// <summary>Same location, not assigned, not the pupil's mentor.</summary>
        SameLocation,

        /// <summary>Another location.</summary>
        OtherLocation,
    }

    public static TheoryData<StaffRole, Relation, bool, bool> Table => new()
    {
        // role, relation, may read, may work the case
        { StaffRole.Mentor, Relation.Referrer, true, false },
        { StaffRole.Mentor, Relation.MentorOfPupil, true, false },
        { StaffRole.Mentor, Relation.SameLocation, false, false },
        { StaffRole.CareWorkerA, Relation.Assigned, true, true },
        { StaffRole.CareWorkerA, Relation.SameLocation, false, false },
        { StaffRole.CareWorkerA, Relation.OtherLocation, false, false },
        { StaffRole.CareWorkerB, Relation.Assigned, true, true },
        { StaffRole.CareWorkerB, Relation.SameLocation, false, false },
        { StaffRole.CareWorkerC, Relation.SameLocation, true, true },
        { StaffRole.CareWorkerC, Relation.OtherLocation, true, true },
        { StaffRole.Coordinator, Relation.SameLocation, true, true },
        { StaffRole.Coordinator, Relation.OtherLocation, false, false },
        { StaffRole.SchoolLeader, Relation.SameLocation, false, false },
        { StaffRole.SchoolLeader, Relation.OtherLocation, false, false },
        { StaffRole.Admin, Relation.SameLocation, false, false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Role_and_relation_decide_who_reads_and_works_a_case(StaffRole role, Relation relation, bool mayRead,
        bool mayWork)
    {
        var (referral, scope) = Arrange(role, relation, ReferralStatus.InProgress);

        var permissions = ReferralAccess.For(scope, referral, new CareAccessSettings());

        Assert.Equal(mayRead, permissions.CanRead);
        Assert.Equal(mayWork, permissions.CanWork);
        Assert.Equal(mayRead, ReferralAccess.ReadableBy(scope, new CareAccessSettings()).Compile()(referral));
    }

    [Fact]
    public void Nobody_but_the_referrer_reads_a_draft()
    {
        foreach (var role in Enum.GetValues<StaffRole>())
        {
            var (referral, scope) = Arrange(role, Relation.SameLocation, ReferralStatus.Draft);
            Assert.False(ReferralAccess.For(scope, referral, new CareAccessSettings()).CanRead);
        }

        var (own, mine) = Arrange(StaffRole.Mentor, Relation.Referrer, ReferralStatus.Draft);
        var permissions = ReferralAccess.For(mine, own, new CareAccessSettings());
        Assert.True(permissions.CanEditDraft);
    }

    [Theory]
    [InlineData(StaffRole.Coordinator, Relation.SameLocation, true)]
    [InlineData(StaffRole.CareWorkerA, Relation.Assigned, true)]
    [InlineData(StaffRole.CareWorkerC, Relation.SameLocation, false)]
    [InlineData(StaffRole.Mentor, Relation.Referrer, false)]
    [InlineData(StaffRole.Mentor, Relation.MentorOfPupil, false)]
    public void Confidential_notes_are_for_the_assigned_care_staff_and_the_coordinator(StaffRole role, Relation relation,
        bool readsConfidential)
    {
        var (referral, scope) = Arrange(role, relation, ReferralStatus.InProgress);

        Assert.Equal(readsConfidential, ReferralAccess.For(scope, referral, new CareAccessSettings()).ReadsConfidential);
    }

    [Fact]
    public void The_mentor_gets_the_mentor_view_not_the_case_work()
    {
        var (referral, scope) = Arrange(StaffRole.Mentor, Relation.Referrer, ReferralStatus.InProgress);

        var permissions = ReferralAccess.For(scope, referral, new CareAccessSettings());

        Assert.True(permissions.CanRead);
        Assert.False(permissions.SeesCaseWork);
    }

    [Theory]
    [InlineData(StaffRole.Coordinator, Relation.SameLocation, true)]
    [InlineData(StaffRole.CareWorkerC, Relation.OtherLocation, true)]
    [InlineData(StaffRole.Coordinator, Relation.OtherLocation, false)]
    [InlineData(StaffRole.CareWorkerB, Relation.SameLocation, false)]
    public void Coordinators_of_the_location_and_level_c_triage(StaffRole role, Relation relation, bool mayTriage)
    {
        var (referral, scope) = Arrange(role, relation, ReferralStatus.Submitted);

        Assert.Equal(mayTriage, ReferralAccess.For(scope, referral, new CareAccessSettings()).CanTriage);
    }

    [Theory]
    [InlineData(StaffRole.Coordinator, Relation.SameLocation, true)]
    [InlineData(StaffRole.CareWorkerC, Relation.OtherLocation, true)]
    [InlineData(StaffRole.CareWorkerA, Relation.Assigned, false)]
    [InlineData(StaffRole.CareWorkerB, Relation.Assigned, false)]
    [InlineData(StaffRole.Coordinator, Relation.OtherLocation, false)]
    [InlineData(StaffRole.Mentor, Relation.Referrer, false)]
    public void Coordinators_of_the_location_and_level_c_reassign_a_case(StaffRole role, Relation relation, bool mayReassign)
    {
        var (referral, scope) = Arrange(role, relation, ReferralStatus.InProgress);

        var permissions = ReferralAccess.For(scope, referral, new CareAccessSettings());

        Assert.Equal(mayReassign, ReferralAccess.MayReassign(scope, permissions));
    }

    [Theory]
    [InlineData(StaffRole.Coordinator, Relation.SameLocation, true)]
    [InlineData(StaffRole.CareWorkerA, Relation.Assigned, true)]
    [InlineData(StaffRole.CareWorkerC, Relation.OtherLocation, true)]
    [InlineData(StaffRole.CareWorkerA, Relation.SameLocation, false)]
    [InlineData(StaffRole.Coordinator, Relation.OtherLocation, false)]
    [InlineData(StaffRole.Mentor, Relation.Referrer, false)]
    public void Care_staff_who_work_the_case_start_the_meldcode_from_it(StaffRole role, Relation relation, bool mayStart)
    {
        var (referral, scope) = Arrange(role, relation, ReferralStatus.InProgress);

        var permissions = ReferralAccess.For(scope, referral, new CareAccessSettings());

        Assert.Equal(mayStart, ReferralAccess.MayStartMeldcode(scope, permissions));
    }

    [Theory]
    [InlineData(StaffRole.Coordinator, true, true)]
    [InlineData(StaffRole.CareWorkerC, true, true)]
    [InlineData(StaffRole.CareWorkerA, false, true)]
    [InlineData(StaffRole.CareWorkerB, false, true)]
    [InlineData(StaffRole.Mentor, false, false)]
    [InlineData(StaffRole.SchoolLeader, false, false)]
    public void Only_the_roles_of_the_rule_reassign_a_case_or_start_a_meldcode_track(StaffRole role, bool reassigns, bool startsTrack)
    {
        var (_, scope) = Arrange(role, Relation.SameLocation, ReferralStatus.InProgress);

        Assert.Equal(reassigns, ReferralAccess.ReassignsCases(scope));
        Assert.Equal(startsTrack, ReferralAccess.StartsMeldcodeTracks(scope));
    }

    [Fact]
    public void When_the_school_allows_it_care_workers_read_but_do_not_work_the_cases_of_their_location()
    {
        var (referral, scope) = Arrange(StaffRole.CareWorkerA, Relation.SameLocation, ReferralStatus.InProgress);
        var settings = new CareAccessSettings(CareWorkersReadLocationCases: true);

        var permissions = ReferralAccess.For(scope, referral, settings);

        Assert.True(permissions.CanRead);
        Assert.True(permissions.SeesCaseWork);
        Assert.False(permissions.CanWork);
        Assert.False(permissions.ReadsConfidential);
    }

    [Fact]
    public void A_closed_case_is_read_but_no_longer_worked()
    {
        var (referral, scope) = Arrange(StaffRole.CareWorkerA, Relation.Assigned, ReferralStatus.Closed);

        var permissions = ReferralAccess.For(scope, referral, new CareAccessSettings());

        Assert.True(permissions.CanRead);
        Assert.False(permissions.CanWork);
    }

    private static (Referral Referral, StaffScope Scope) Arrange(StaffRole role, Relation relation, ReferralStatus status)
    {
        var (_, north, south) = TwoLocations();
        var ownGroup = Group(north, "1A", 10);
        var otherGroup = Group(north, "2B", 11);
        var southGroup = Group(south, "3C", 30);
        var pupil = relation switch
        {
            Relation.MentorOfPupil => Pupil(north, ownGroup),
            Relation.OtherLocation => Pupil(south, southGroup),
            _ => Pupil(north, otherGroup),
        };
        var referral = Referral.Draft(pupil, relation == Relation.Referrer ? "me" : "someone", Guid.NewGuid(), Complete, Now);
        if (status != ReferralStatus.Draft)
        {
            referral.Submit("someone", Now);
        }

        if (status is ReferralStatus.InProgress or ReferralStatus.Closed)
        {
            referral.Triage("coordinator", relation == Relation.Assigned ? "me" : "worker", SupportLevel.Basic, Now);
            referral.AddNote("worker", Note(), Now);
        }

        if (status == ReferralStatus.Closed)
        {
            referral.Close("worker", CaseOutcome.GoalsReached, "Klaar", Now);
        }

        var groups = relation == Relation.MentorOfPupil ? new[] { ownGroup.Id } : [];
        return (referral, new StaffScope("me", [role], [north.Id], groups));
    }
}
