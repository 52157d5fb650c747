using FluentValidation;
using LeerlingzorgPortal.Domain.Protocols;

namespace LeerlingzorgPortal.Web.Features.Protocols;

/// <summary>The Dutch names of the topics, as the screens show them.</summary>
public static class ProtocolTopics
{
    public static IReadOnlyList<ProtocolTopic> All { get; } = Enum.GetValues<ProtocolTopic>();

    public static string Dutch(ProtocolTopic topic) => topic switch
    {
        ProtocolTopic.Bullying => "Pesten",
        ProtocolTopic.Meldcode => "Meldcode huiselijk geweld en kindermishandeling",
        ProtocolTopic.Absence => "Verzuim",
        ProtocolTopic.SupportProfile => "Schoolondersteuningsprofiel",
        _ => "Overig",
    };

    /// <summary>Named topics have one active protocol each, so other screens can link to "the" protocol.</summary>
    public static bool IsNamed(ProtocolTopic topic) => topic != ProtocolTopic.Other;
}

/// <summary>The text of a version: what every save of a protocol carries.</summary>
public abstract class ProtocolTextForm
{
    public string? Title { get; set; }

    public string? Body { get; set; }

    public string? ChangeNote { get; set; }

    public ProtocolText ToText() => new(Title ?? string.Empty, Body ?? string.Empty, ChangeNote);
}

/// <summary>A new protocol: its topic, first version, owner and review date.</summary>
public sealed class ProtocolForm : ProtocolTextForm
{
    public ProtocolTopic? Topic { get; set; }

    public string? OwnerId { get; set; }

    public DateOnly? ReviewOn { get; set; }
}

/// <summary>A new version of an existing protocol.</summary>
public sealed class RevisionForm : ProtocolTextForm
{
    public Guid ConcurrencyToken { get; set; }

    /// <summary>The version the user started from, to say which version was saved in between.</summary>
    public int BaseNumber { get; set; }
}

/// <summary>Who owns the protocol and by when it must be reviewed.</summary>
public sealed class AssignForm
{
    public string? OwnerId { get; set; }

    public DateOnly? ReviewOn { get; set; }

    public Guid ConcurrencyToken { get; set; }
}

internal static class ProtocolTextRules
{
    public static void Apply<T>(AbstractValidator<T> validator) where T : ProtocolTextForm
    {
        validator.RuleFor(f => f.Title).NotEmpty().WithMessage("Geef het protocol een titel.")
            .MaximumLength(Protocol.TitleMaxLength).WithMessage($"De titel is hoogstens {Protocol.TitleMaxLength} tekens lang.");
        validator.RuleFor(f => f.Body).NotEmpty().WithMessage("Schrijf de tekst van het protocol.")
            .MaximumLength(Protocol.BodyMaxLength).WithMessage($"De tekst is hoogstens {Shared.Dutch.Number(Protocol.BodyMaxLength)} tekens lang.");
        validator.RuleFor(f => f.ChangeNote).MaximumLength(Protocol.NoteMaxLength)
            .WithMessage($"De toelichting op de wijziging is hoogstens {Protocol.NoteMaxLength} tekens lang.");
    }

    public static void ApplyOwnerAndDate<T>(AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string?>> owner,
        System.Linq.Expressions.Expression<Func<T, DateOnly?>> reviewOn, TimeProvider clock)
    {
        validator.RuleFor(owner).NotEmpty().WithMessage("Kies een eigenaar.");
        validator.RuleFor(reviewOn).NotNull().WithMessage("Vul de evaluatiedatum in.")
            .Must(d => d is null || d >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .WithMessage("De evaluatiedatum kan niet in het verleden liggen.");
    }
}

public sealed class ProtocolFormValidator : AbstractValidator<ProtocolForm>
{
    public ProtocolFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.Topic).NotNull().WithMessage("Kies het onderwerp.")
            .Must(t => t is null || Enum.IsDefined(t.Value)).WithMessage("Kies een onderwerp uit de lijst.");
        ProtocolTextRules.Apply(this);
        ProtocolTextRules.ApplyOwnerAndDate(this, f => f.OwnerId, f => f.ReviewOn, clock);
    }
}

public sealed class RevisionFormValidator : AbstractValidator<RevisionForm>
{
    public RevisionFormValidator() => ProtocolTextRules.Apply(this);
}

public sealed class AssignFormValidator : AbstractValidator<AssignForm>
{
    public AssignFormValidator(TimeProvider clock) => ProtocolTextRules.ApplyOwnerAndDate(this, f => f.OwnerId, f => f.ReviewOn, clock);
}
