using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Tests;

/// <summary>
/// The location rules of the features (ADR 0045), each proved in both directions: "coordinator of this location",
/// "care staff of this location", and the rules of retention, inzage, year reports, imports, meetings,
/// incidents and accommodations built on them. Location 1 is the user's own, location 2 another.
/// </summary>
public sealed class LocationRuleAccessTests
{
    private const int Own = 1;
    private const int Other = 2;

    private static StaffScope Scope(params StaffRole[] roles) => new("me", roles, [Own], [10]);

    public static TheoryData<StaffRole> EveryRole => new(Enum.GetValues<StaffRole>());

    [Theory]
    [MemberData(nameof(EveryRole))]
    public void Only_a_coordinator_who_works_there_coordinates_a_location(StaffRole role)
    {
        var scope = Scope(role);
        var coordinator = role == StaffRole.Coordinator;

        Assert.Equal(coordinator, LocationAccess.Coordinates(scope, Own));
        Assert.False(LocationAccess.Coordinates(scope, Other));
        Assert.Equal(coordinator ? [Own] : [], LocationAccess.CoordinatedLocations(scope));
        Assert.Equal(coordinator, RetentionAccess.ReviewsAt(scope, Own));
        Assert.Equal(coordinator, RetentionAccess.ExportsDossierAt(scope, Own));
        Assert.False(RetentionAccess.ReviewsAt(scope, Other));
        Assert.False(RetentionAccess.ExportsDossierAt(scope, Other));
    }

    [Theory]
    [InlineData(StaffRole.CareWorkerA, true, false)]
    [InlineData(StaffRole.CareWorkerB, true, false)]
    [InlineData(StaffRole.Coordinator, true, false)]
    [InlineData(StaffRole.CareWorkerC, true, true)]
    [InlineData(StaffRole.Mentor, false, false)]
    [InlineData(StaffRole.SchoolLeader, false, false)]
    [InlineData(StaffRole.Admin, false, false)]
    [InlineData(StaffRole.PrivacyOfficer, false, false)]
    public void Care_staff_work_with_the_pupils_of_their_location_and_level_c_with_every_location(StaffRole role, bool own, bool other)
    {
        Assert.Equal(own, LocationAccess.WorksWithPupilsAt(Scope(role), Own));
        Assert.Equal(other, LocationAccess.WorksWithPupilsAt(Scope(role), Other));
    }

    [Theory]
    [InlineData(StaffRole.Admin, true, true)]
    [InlineData(StaffRole.Coordinator, true, false)]
    [InlineData(StaffRole.CareWorkerC, false, false)]
    [InlineData(StaffRole.Mentor, false, false)]
    [InlineData(StaffRole.SchoolLeader, false, false)]
    [InlineData(StaffRole.PrivacyOfficer, false, false)]
    public void The_admin_and_the_coordinator_of_the_location_set_a_leaving_date(StaffRole role, bool own, bool other)
    {
        Assert.Equal(own, RetentionAccess.SetsLeavingDateAt(Scope(role), Own));
        Assert.Equal(other, RetentionAccess.SetsLeavingDateAt(Scope(role), Other));
    }

    [Theory]
    [InlineData(new[] { StaffRole.Coordinator }, true, false)]
    [InlineData(new[] { StaffRole.Coordinator, StaffRole.CareWorkerC }, true, true)]
    [InlineData(new[] { StaffRole.CareWorkerC }, false, false)]
    [InlineData(new[] { StaffRole.SchoolLeader }, false, false)]
    [InlineData(new[] { StaffRole.Admin }, false, false)]
    public void The_coordinators_of_a_location_write_its_year_report_and_a_board_wide_coordinator_every_one(StaffRole[] roles, bool own, bool other)
    {
        Assert.Equal(own, ReportAccess.WritesYearReport(Scope(roles), Own));
        Assert.Equal(other, ReportAccess.WritesYearReport(Scope(roles), Other));
    }

    [Theory]
    [InlineData(StaffRole.CareWorkerC, true)]
    [InlineData(StaffRole.Coordinator, false)]
    [InlineData(StaffRole.SchoolLeader, false)]
    public void Reports_reach_the_users_own_locations_and_every_location_for_level_c(StaffRole role, bool other)
    {
        var (_, north, south) = Builders.TwoLocations();
        var reachable = ReportAccess.ReachableLocations(Scope(role)).Compile();

        Assert.True(reachable(north));
        Assert.Equal(other, reachable(south));
    }

    [Theory]
    [InlineData(StaffRole.Admin, true, true)]
    [InlineData(StaffRole.Coordinator, true, false)]
    [InlineData(StaffRole.CareWorkerC, false, false)]
    [InlineData(StaffRole.Mentor, false, false)]
    [InlineData(StaffRole.PrivacyOfficer, false, false)]
    public void The_admin_imports_for_every_location_and_a_coordinator_for_their_own(StaffRole role, bool own, bool other)
    {
        var (_, north, south) = Builders.TwoLocations();

        Assert.Equal(own, ImportAccess.ImportsAt(Scope(role), north));
        Assert.Equal(other, ImportAccess.ImportsAt(Scope(role), south));
    }

    [Theory]
    [InlineData(StaffRole.Coordinator, true, false)]
    [InlineData(StaffRole.CareWorkerB, true, false)]
    [InlineData(StaffRole.CareWorkerC, true, true)]
    [InlineData(StaffRole.CareWorkerA, false, false)]
    [InlineData(StaffRole.Mentor, false, false)]
    [InlineData(StaffRole.Admin, false, false)]
    public void Planners_plan_meetings_where_they_work_and_level_c_everywhere(StaffRole role, bool own, bool other)
    {
        Assert.Equal(own, MeetingAccess.MayPlanAt(Scope(role), Own));
        Assert.Equal(other, MeetingAccess.MayPlanAt(Scope(role), Other));
    }

    [Theory]
    [InlineData(StaffRole.CareWorkerB, false)]
    [InlineData(StaffRole.Coordinator, false)]
    [InlineData(StaffRole.CareWorkerC, true)]
    public void The_planning_form_offers_the_users_own_locations_and_level_c_every_location(StaffRole role, bool other)
    {
        var (_, north, south) = Builders.TwoLocations();
        var offered = MeetingAccess.PlannableLocations(Scope(role)).Compile();

        Assert.True(offered(north));
        Assert.Equal(other, offered(south));
    }

    [Theory]
    [InlineData(StaffRole.CareWorkerA, true, false)]
    [InlineData(StaffRole.Coordinator, true, false)]
    [InlineData(StaffRole.CareWorkerC, true, true)]
    [InlineData(StaffRole.Mentor, false, false)]
    [InlineData(StaffRole.SchoolLeader, false, false)]
    [InlineData(StaffRole.Admin, false, false)]
    public void Care_staff_of_the_location_and_level_c_manage_an_incident(StaffRole role, bool own, bool other)
    {
        Assert.Equal(own, IncidentAccess.Manages(Scope(role), IncidentAt(Own, "someone else")));
        Assert.Equal(other, IncidentAccess.Manages(Scope(role), IncidentAt(Other, "someone else")));
    }

    [Fact]
    public void The_reporter_manages_their_own_incident_whatever_their_role()
    {
        Assert.True(IncidentAccess.Manages(Scope(StaffRole.Mentor), IncidentAt(Other, "me")));
        Assert.False(IncidentAccess.Manages(Scope(StaffRole.Mentor), IncidentAt(Own, "someone else")));
    }

    [Theory]
    [InlineData(new[] { StaffRole.CareWorkerA }, true, true, false)]
    [InlineData(new[] { StaffRole.CareWorkerC }, true, true, true)]
    [InlineData(new[] { StaffRole.Mentor }, true, false, false)]
    [InlineData(new[] { StaffRole.SchoolLeader }, false, false, false)]
    [InlineData(new[] { StaffRole.Admin }, false, false, false)]
    public void The_group_overview_opens_for_care_staff_of_its_location_and_its_own_mentor(StaffRole[] roles, bool ownGroup,
        bool otherGroupHere, bool groupElsewhere)
    {
        var (_, north, south) = Builders.TwoLocations();
        var scope = Scope(roles);

        Assert.Equal(ownGroup, AccommodationAccess.OpensGroup(scope, Builders.Group(north, "1A", 10)));
        Assert.Equal(otherGroupHere, AccommodationAccess.OpensGroup(scope, Builders.Group(north, "2B", 11)));
        Assert.Equal(groupElsewhere, AccommodationAccess.OpensGroup(scope, Builders.Group(south, "1Z", 12)));
    }

    [Theory]
    [InlineData(StaffRole.Coordinator, true, true)]
    [InlineData(StaffRole.CareWorkerA, true, false)]
    [InlineData(StaffRole.CareWorkerC, true, false)]
    [InlineData(StaffRole.Mentor, false, false)]
    [InlineData(StaffRole.SchoolLeader, false, false)]
    public void Coordinators_get_the_expiry_signals_of_their_locations_and_care_workers_those_of_their_grants(StaffRole role, bool signals,
        bool ofLocations)
    {
        Assert.Equal(signals, AccommodationAccess.GetsExpirySignals(Scope(role)));
        Assert.Equal(ofLocations, AccommodationAccess.SeesLocationSignals(Scope(role)));
    }

    private static Incident IncidentAt(int locationId, string reporter)
    {
        var incident = Incident.Report(locationId, new IncidentDetails(new DateTimeOffset(2026, 11, 22, 7, 0, 0, TimeSpan.Zero), "Schoolplein",
                IncidentCategory.Bullying, IncidentSeverity.Medium, "Uitgescholden en geduwd in de pauze.", "Gesprek met betrokkenen", true, true),
            [(10, IncidentRole.Victim)], reporter, new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        return incident;
    }
}
