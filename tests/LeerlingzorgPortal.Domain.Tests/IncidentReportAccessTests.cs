using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Organisation;
using static LeerlingzorgPortal.Domain.Tests.Builders;

namespace LeerlingzorgPortal.Domain.Tests;

/// <summary>Who may name which pupil in an incident report (ADR 0036), as a table: role × relation → may name.</summary>
public sealed class IncidentReportAccessTests
{
    public enum Relation
    {
        InOwnMentorGroup,
        InOtherGroupOfOwnLocation,
        AtOtherLocation,
    }

    public static TheoryData<StaffRole, Relation, bool> Table => new()
    {
        { StaffRole.Mentor, Relation.InOwnMentorGroup, true },
        { StaffRole.Mentor, Relation.InOtherGroupOfOwnLocation, false },
        { StaffRole.Mentor, Relation.AtOtherLocation, false },
        { StaffRole.CareWorkerA, Relation.InOtherGroupOfOwnLocation, true },
        { StaffRole.CareWorkerA, Relation.AtOtherLocation, false },
        { StaffRole.CareWorkerB, Relation.InOtherGroupOfOwnLocation, true },
        { StaffRole.CareWorkerB, Relation.AtOtherLocation, false },
        { StaffRole.CareWorkerC, Relation.InOtherGroupOfOwnLocation, true },
        { StaffRole.CareWorkerC, Relation.AtOtherLocation, true },
        { StaffRole.Coordinator, Relation.InOtherGroupOfOwnLocation, true },
        { StaffRole.Coordinator, Relation.AtOtherLocation, false },
        { StaffRole.SchoolLeader, Relation.InOwnMentorGroup, false },
        { StaffRole.SchoolLeader, Relation.InOtherGroupOfOwnLocation, false },
        { StaffRole.SchoolLeader, Relation.AtOtherLocation, false },
        { StaffRole.Admin, Relation.InOtherGroupOfOwnLocation, false },
        { StaffRole.Admin, Relation.AtOtherLocation, false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Role_and_relation_decide_who_may_name_a_pupil_in_a_report(StaffRole role, Relation relation, bool mayName)
    {
        var (_, north, south) = TwoLocations();
        var ownGroup = Group(north, "1A", 10);
        var otherGroup = Group(north, "2B", 11);
        var southGroup = Group(south, "3C", 30);
        var pupil = relation switch
        {
            Relation.InOwnMentorGroup => Pupil(north, ownGroup),
            Relation.InOtherGroupOfOwnLocation => Pupil(north, otherGroup),
            _ => Pupil(south, southGroup),
        };
        var scope = new StaffScope("u1", [role], [north.Id], [ownGroup.Id]);

        Assert.Equal(mayName, IncidentAccess.MayName(scope, pupil));
    }

    [Theory]
    [InlineData(StaffRole.Mentor, true)]
    [InlineData(StaffRole.CareWorkerA, true)]
    [InlineData(StaffRole.CareWorkerB, true)]
    [InlineData(StaffRole.CareWorkerC, true)]
    [InlineData(StaffRole.Coordinator, true)]
    [InlineData(StaffRole.SchoolLeader, false)]
    [InlineData(StaffRole.Admin, false)]
    public void School_leaders_and_admins_report_no_incidents(StaffRole role, bool mayReport)
    {
        var (_, north, _) = TwoLocations();
        var group = Group(north, "1A", 10);

        Assert.Equal(mayReport, IncidentAccess.MayReport(new StaffScope("u1", [role], [north.Id], [group.Id])));
    }

    [Fact]
    public void A_mentor_without_a_group_reports_nothing()
    {
        var (_, north, _) = TwoLocations();
        var scope = new StaffScope("u1", [StaffRole.Mentor], [north.Id], []);

        Assert.False(IncidentAccess.MayReport(scope));
        Assert.False(IncidentAccess.MayName(scope, Pupil(north, Group(north, "1A", 10))));
    }

    [Fact]
    public void A_school_leader_who_also_mentors_names_only_the_own_group()
    {
        var (_, north, _) = TwoLocations();
        var own = Group(north, "1A", 10);
        var scope = new StaffScope("u1", [StaffRole.SchoolLeader, StaffRole.Mentor], [north.Id], [own.Id]);

        Assert.True(IncidentAccess.MayName(scope, Pupil(north, own)));
        Assert.False(IncidentAccess.MayName(scope, Pupil(north, Group(north, "2B", 11))));
    }
}
