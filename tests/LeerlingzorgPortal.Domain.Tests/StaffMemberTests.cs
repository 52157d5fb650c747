using LeerlingzorgPortal.Domain.Organisation;
using static LeerlingzorgPortal.Domain.Tests.Builders;

namespace LeerlingzorgPortal.Domain.Tests;

public sealed class StaffMemberTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Workplaces_are_replaced_as_a_whole()
    {
        var (_, north, south) = TwoLocations();
        var group = Group(north, "1A", 10);
        var staff = new StaffMember("u1", "Sanne de Vries", "sanne@example.org");
        staff.AssignWorkplaces([north.Id, south.Id], [group]);

        staff.AssignWorkplaces([south.Id], []);

        Assert.Equal([south.Id], staff.LocationIds);
        Assert.Empty(staff.MentorGroupIds);
    }

    [Fact]
    public void Nobody_mentors_a_group_at_a_location_they_do_not_work_at()
    {
        var (_, north, south) = TwoLocations();
        var northGroup = Group(north, "1A", 10);
        var staff = new StaffMember("u1", "Sanne de Vries", "sanne@example.org");

        var error = Assert.Throws<DomainRuleException>(() => staff.AssignWorkplaces([south.Id], [northGroup]));
        Assert.Contains("1A", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_change_gives_a_new_version()
    {
        var staff = new StaffMember("u1", "Sanne de Vries", "sanne@example.org");
        var before = staff.Version;

        staff.Rename("Sanne Jansen");

        Assert.NotEqual(before, staff.Version);
    }

    [Fact]
    public void Deactivating_records_when_and_cannot_happen_twice()
    {
        var staff = new StaffMember("u1", "Sanne de Vries", "sanne@example.org");

        staff.Deactivate(Now);

        Assert.False(staff.IsActive);
        Assert.Equal(Now, staff.DeactivatedAt);
        Assert.Throws<DomainRuleException>(() => staff.Deactivate(Now));
    }

    [Fact]
    public void Reactivating_clears_the_deactivation_and_needs_an_inactive_account()
    {
        var staff = new StaffMember("u1", "Sanne de Vries", "sanne@example.org");
        Assert.Throws<DomainRuleException>(staff.Reactivate);

        staff.Deactivate(Now);
        staff.Reactivate();

        Assert.True(staff.IsActive);
        Assert.Null(staff.DeactivatedAt);
    }
}
