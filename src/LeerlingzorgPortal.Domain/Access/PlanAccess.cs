using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Access;

/// <summary>
/// Who may do what with the plans of a case, on top of what they may do with the case itself:
/// <list type="bullet">
/// <item>care workers b and c and the coordinator write, activate, evaluate and close plans of the cases they work;</item>
/// <item>care worker a reads the plans of their cases and evaluates the measures they carry out;</item>
/// <item>the mentor reads only the measures of active plans that concern the classroom;</item>
/// <item>nobody else sees plans.</item>
/// </list>
/// </summary>
public static class PlanAccess
{
    public static PlanPermissions For(StaffScope scope, ReferralPermissions onCase)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(onCase);
        var writer = scope.Has(StaffRole.CareWorkerB) || scope.Has(StaffRole.CareWorkerC) || scope.Has(StaffRole.Coordinator);
        return new PlanPermissions(
            ReadsPlans: onCase.SeesCaseWork,
            ReadsClassroomMeasures: onCase.CanRead,
            Writes: onCase.CanWork && writer,
            EvaluatesOwnMeasures: onCase.CanWork);
    }
}

/// <param name="ReadsPlans">Reads whole plans, versions, evaluations and consents.</param>
/// <param name="ReadsClassroomMeasures">Reads the measures of active plans that concern the classroom.</param>
/// <param name="Writes">Writes, activates, evaluates, continues and closes plans; makes and records OPPs.</param>
/// <param name="EvaluatesOwnMeasures">Records how a measure they carry out went.</param>
public sealed record PlanPermissions(bool ReadsPlans, bool ReadsClassroomMeasures, bool Writes, bool EvaluatesOwnMeasures);
