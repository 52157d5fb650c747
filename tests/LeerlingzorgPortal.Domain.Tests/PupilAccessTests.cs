using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Organisation;
using static LeerlingzorgPortal.Domain.Tests.Builders;

namespace LeerlingzorgPortal.Domain.Tests;

/// <summary>The need-to-know rule for pupils as a table: role × relation → may read.</summary>
public sealed class PupilAccessTests
{
    public enum Relation
    {
        InOwnMentorGroup,
        AtOwnLocation,
        AtOtherLocation,
    }

    public static TheoryData<StaffRole, Relation, bool> Table => new()
    {
        { StaffRole.Mentor, Relation.InOwnMentorGroup, true },
        { StaffRole.Mentor, Relation.AtOwnLocation, false },
        { StaffRole.Mentor, Relation.AtOtherLocation, false },
        { StaffRole.CareWorkerA, Relation.InOwnMentorGroup, true },
        { StaffRole.CareWorkerA, Relation.AtOwnLocation, true },
        { StaffRole.CareWorkerA, Relation.AtOtherLocation, false },
        { StaffRole.CareWorkerB, Relation.AtOwnLocation, true },
        { StaffRole.CareWorkerB, Relation.AtOtherLocation, false },
        { StaffRole.CareWorkerC, Relation.AtOwnLocation, true },
        { StaffRole.CareWorkerC, Relation.AtOtherLocation, true },
        { StaffRole.Coordinator, Relation.AtOwnLocation, true },
        { StaffRole.Coordinator, Relation.AtOtherLocation, false },
        { StaffRole.SchoolLeader, Relation.InOwnMentorGroup, false },
        { StaffRole.SchoolLeader, Relation.AtOwnLocation, false },
        { StaffRole.SchoolLeader, Relation.AtOtherLocation, false },
        { StaffRole.Admin, Relation.AtOwnLocation, false },
        { StaffRole.Admin, Relation.AtOtherLocation, false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Role_and_relation_decide_who_reads_a_pupil(StaffRole role, Relation relation, bool mayRead)
    {
        var (_, north, south) = TwoLocations();
        var ownGroup = Group(north, "1A", 10);
        var otherGroup = Group(north, "2B", 11);
        var southGroup = Group(south, "3C", 30);
        var pupil = relation switch
        {
            Relation.InOwnMentorGroup => Pupil(north, ownGroup),
            Relation.AtOwnLocation => Pupil(north, otherGroup),
            _ => Pupil(south, southGroup),
        };
        var scope = new StaffScope("u1", [role], [north.Id], [ownGroup.Id]);

        Assert.Equal(mayRead, PupilAccess.CanRead(scope, pupil));
    }

    [Fact]
    public void Mentor_groups_give_no_access_without_the_mentor_role()
    {
        var (_, north, _) = TwoLocations();
        var group = Group(north, "1A", 10);
        var scope = new StaffScope("u1", [StaffRole.SchoolLeader], [], [group.Id]);

        Assert.False(PupilAccess.CanRead(scope, Pupil(north, group)));
    }

    [Fact]
    public void Roles_add_up_for_a_person_with_several()
    {
        var (_, north, south) = TwoLocations();
        var southGroup = Group(south, "3C", 30);
        var northGroup = Group(north, "1A", 10);
        var scope = new StaffScope("u1", [StaffRole.Mentor, StaffRole.CareWorkerA], [north.Id, south.Id], [southGroup.Id]);

        Assert.True(PupilAccess.CanRead(scope, Pupil(south, southGroup)));
        Assert.True(PupilAccess.CanRead(scope, Pupil(north, northGroup)));
    }

    [Fact]
    public void A_pupil_without_mentor_group_is_not_seen_by_a_mentor()
    {
        var (_, north, _) = TwoLocations();
        var scope = new StaffScope("u1", [StaffRole.Mentor], [north.Id], [10]);

        Assert.False(PupilAccess.CanRead(scope, Pupil(north)));
    }

    [Fact]
    public void Nobody_reads_nothing()
    {
        var (_, north, _) = TwoLocations();
        Assert.False(PupilAccess.CanRead(StaffScope.Nobody, Pupil(north)));
    }

    [Fact]
    public void The_same_rule_filters_a_list()
    {
        var (_, north, south) = TwoLocations();
        var ownGroup = Group(north, "1A", 10);
        var pupils = new[] { Pupil(north, ownGroup, number: "1"), Pupil(north, number: "2"), Pupil(south, number: "3") };
        var scope = new StaffScope("u1", [StaffRole.Coordinator], [north.Id], []);

        var visible = pupils.AsQueryable().Where(PupilAccess.ReadableBy(scope)).Select(p => p.Number).ToList();

        Assert.Equal(["1", "2"], visible);
    }
}
