using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Tests;

/// <summary>The audit reviewer model (ADR 0034): who reviews which lines, and how a pupil is shown to them.</summary>
public sealed class AuditAccessTests
{
    private static StaffScope Scope(params StaffRole[] roles) => new("me", roles, roles.Contains(StaffRole.PrivacyOfficer) && roles.Length == 1 ? [] : [1], []);

    [Theory]
    [InlineData(StaffRole.Admin, true, false, false, true)]
    [InlineData(StaffRole.Coordinator, true, true, false, false)]
    [InlineData(StaffRole.PrivacyOfficer, true, false, true, true)]
    [InlineData(StaffRole.Mentor, false, false, false, false)]
    [InlineData(StaffRole.CareWorkerA, false, false, false, false)]
    [InlineData(StaffRole.CareWorkerB, false, false, false, false)]
    [InlineData(StaffRole.CareWorkerC, false, false, false, false)]
    [InlineData(StaffRole.SchoolLeader, false, false, false, false)]
    public void Each_role_reviews_what_the_model_gives_it(StaffRole role, bool reviews, bool ownLocations, bool boardPseudonymised, bool everyLineWithoutPupil)
    {
        var scope = Scope(role);

        Assert.Equal(reviews, AuditAccess.ReviewsAudit(scope));
        Assert.Equal(ownLocations, AuditAccess.ReviewsOwnLocations(scope));
        Assert.Equal(boardPseudonymised, AuditAccess.ReviewsBoardPseudonymised(scope));
        Assert.Equal(everyLineWithoutPupil, AuditAccess.SeesEveryLineWithoutPupil(scope));
    }

    [Fact]
    public void Only_a_coordinator_of_the_pupils_location_sees_the_pupils_name()
    {
        Assert.True(AuditAccess.SeesPupilName(Scope(StaffRole.Coordinator), 1));
        Assert.False(AuditAccess.SeesPupilName(Scope(StaffRole.Coordinator), 2));
        Assert.False(AuditAccess.SeesPupilName(Scope(StaffRole.PrivacyOfficer), 1));
        Assert.False(AuditAccess.SeesPupilName(Scope(StaffRole.Admin), 1));
        Assert.True(AuditAccess.SeesPupilName(Scope(StaffRole.PrivacyOfficer, StaffRole.Coordinator), 1));
    }

    [Theory]
    [InlineData("L-123", 123)]
    [InlineData(" l123 ", 123)]
    [InlineData("L - 7", 7)]
    [InlineData("Anna", null)]
    [InlineData("L-", null)]
    [InlineData("L-0", null)]
    [InlineData("L-12a", null)]
    [InlineData("L-99999999999", null)]
    [InlineData("", null)]
    public void A_pseudonym_reads_back_to_the_pupil_id_and_nothing_else_does(string text, int? expected)
    {
        Assert.Equal(expected, AuditAccess.ParsePseudonym(text));
    }

    [Fact]
    public void The_pseudonym_round_trips()
    {
        Assert.Equal("L-42", AuditAccess.Pseudonym(42));
        Assert.Equal(42, AuditAccess.ParsePseudonym(AuditAccess.Pseudonym(42)));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("kijken", true)]
    [InlineData("   korte        ", true)]
    [InlineData("Inzageverzoek ouders", false)]
    public void A_named_lookup_needs_a_reason_of_a_few_words(string? reason, bool refused)
    {
        Assert.Equal(refused, AuditAccess.LookupReasonProblem(reason) is not null);
        Assert.NotNull(AuditAccess.LookupReasonProblem(new string('x', AuditAccess.LookupReasonMaxLength + 1)));
    }
}
