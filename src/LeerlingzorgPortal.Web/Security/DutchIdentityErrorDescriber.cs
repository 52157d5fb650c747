using Microsoft.AspNetCore.Identity;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>Identity's messages in Dutch, as users see them on the account and admin screens.</summary>
public sealed class DutchIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Er ging iets mis. Probeer het opnieuw.");

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), "Iemand anders heeft dit account intussen gewijzigd. Laad de pagina opnieuw.");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Het wachtwoord klopt niet.");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "De code is ongeldig of verlopen.");

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), "Deze gebruikersnaam bevat tekens die niet zijn toegestaan.");

    public override IdentityError InvalidEmail(string? email) =>
        Error(nameof(InvalidEmail), "Dit is geen geldig e-mailadres.");

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), "Er bestaat al een account met dit e-mailadres.");

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), "Er bestaat al een account met dit e-mailadres.");

    public override IdentityError UserAlreadyInRole(string role) =>
        Error(nameof(UserAlreadyInRole), "Deze medewerker heeft deze rol al.");

    public override IdentityError UserNotInRole(string role) =>
        Error(nameof(UserNotInRole), "Deze medewerker heeft deze rol niet.");

    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), $"Het wachtwoord moet minstens {length} tekens lang zijn.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"Het wachtwoord moet minstens {uniqueChars} verschillende tekens bevatten.");

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), "Het wachtwoord moet een leesteken of symbool bevatten.");

    public override IdentityError PasswordRequiresDigit() =>
        Error(nameof(PasswordRequiresDigit), "Het wachtwoord moet een cijfer bevatten.");

    public override IdentityError PasswordRequiresLower() =>
        Error(nameof(PasswordRequiresLower), "Het wachtwoord moet een kleine letter bevatten.");

    public override IdentityError PasswordRequiresUpper() =>
        Error(nameof(PasswordRequiresUpper), "Het wachtwoord moet een hoofdletter bevatten.");

    public override IdentityError UserLockoutNotEnabled() =>
        Error(nameof(UserLockoutNotEnabled), "Blokkeren is voor dit account niet ingeschakeld.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
