using FluentValidation;
using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Web.Features.Admin;

/// <summary>What the admin fills in for a staff member's roles and workplaces.</summary>
public abstract class StaffAssignmentForm
{
    public string? DisplayName { get; set; }

    public List<StaffRole> Roles { get; set; } = [];

    public List<int> LocationIds { get; set; } = [];

    public List<int> MentorGroupIds { get; set; } = [];
}

public sealed class CreateUserForm : StaffAssignmentForm
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }
}

public sealed class EditUserForm : StaffAssignmentForm
{
    public string Id { get; set; } = string.Empty;

    public Guid Version { get; set; }
}

public sealed class ResetPasswordForm
{
    public string Id { get; set; } = string.Empty;

    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }
}

internal static class StaffAssignmentRules
{
    private static readonly StaffRole[] RolesBoundToLocations =
    [
        StaffRole.Mentor, StaffRole.CareWorkerA, StaffRole.CareWorkerB, StaffRole.Coordinator, StaffRole.SchoolLeader,
    ];

    public static void Apply<T>(AbstractValidator<T> validator) where T : StaffAssignmentForm
    {
        validator.RuleFor(f => f.DisplayName)
            .NotEmpty().WithMessage("Vul de naam in.")
            .MaximumLength(StaffMember.DisplayNameMaxLength)
            .WithMessage($"De naam is hoogstens {StaffMember.DisplayNameMaxLength} tekens lang.");
        validator.RuleFor(f => f.Roles)
            .NotEmpty().WithMessage("Kies minstens één rol.");
        validator.RuleForEach(f => f.Roles)
            .IsInEnum().WithMessage("Kies een bestaande rol.");
        validator.RuleFor(f => f.LocationIds)
            .NotEmpty().When(f => f.Roles.Any(r => RolesBoundToLocations.Contains(r)))
            .WithMessage("Kies minstens één locatie: deze rollen werken op een locatie.");
        validator.RuleFor(f => f.MentorGroupIds)
            .NotEmpty().When(f => f.Roles.Contains(StaffRole.Mentor))
            .WithMessage("Kies minstens één mentorgroep voor een mentor.");
        validator.RuleFor(f => f.MentorGroupIds)
            .Empty().When(f => !f.Roles.Contains(StaffRole.Mentor))
            .WithMessage("Alleen een mentor kan mentorgroepen hebben; kies ook de rol Mentor of haal de groepen weg.");
    }
}

public sealed class CreateUserFormValidator : AbstractValidator<CreateUserForm>
{
    public CreateUserFormValidator()
    {
        StaffAssignmentRules.Apply(this);
        RuleFor(f => f.Email)
            .NotEmpty().WithMessage("Vul het e-mailadres in.")
            .MaximumLength(StaffMember.EmailMaxLength).WithMessage("Een e-mailadres is hoogstens 254 tekens lang.")
            .EmailAddress().WithMessage("Vul een geldig e-mailadres in.");
        PasswordRules.Apply(this, f => f.Password, f => f.ConfirmPassword);
    }
}

public sealed class EditUserFormValidator : AbstractValidator<EditUserForm>
{
    public EditUserFormValidator()
    {
        StaffAssignmentRules.Apply(this);
    }
}

public sealed class ResetPasswordFormValidator : AbstractValidator<ResetPasswordForm>
{
    public ResetPasswordFormValidator()
    {
        PasswordRules.Apply(this, f => f.Password, f => f.ConfirmPassword);
    }
}

internal static class PasswordRules
{
    public static void Apply<T>(AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string?>> password,
        System.Linq.Expressions.Expression<Func<T, string?>> confirm)
    {
        var getPassword = password.Compile();
        validator.RuleFor(password)
            .NotEmpty().WithMessage("Vul een wachtwoord in.")
            .MaximumLength(200).WithMessage("Een wachtwoord is hoogstens 200 tekens lang.");
        validator.RuleFor(confirm)
            .Equal(f => getPassword(f)).WithMessage("De twee wachtwoorden zijn niet gelijk.");
    }
}
