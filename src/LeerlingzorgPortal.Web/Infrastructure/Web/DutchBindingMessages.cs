using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace LeerlingzorgPortal.Web.Infrastructure.Web;

/// <summary>
/// The messages model binding gives for values it cannot read (a date that is no date, an unknown
/// choice), in Dutch, so a form never shows the framework's English. The value itself is not
/// repeated: the field shows it already.
/// </summary>
public static class DutchBindingMessages
{
    public const string Invalid = "Deze waarde is ongeldig.";
    public const string Required = "Vul dit veld in.";
    public const string Number = "Vul een getal in.";

    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => Invalid);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => Invalid);
        messages.SetValueIsInvalidAccessor(_ => Invalid);
        messages.SetUnknownValueIsInvalidAccessor(_ => Invalid);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => Invalid);
        messages.SetValueMustBeANumberAccessor(_ => Number);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => Number);
        messages.SetMissingBindRequiredValueAccessor(_ => Required);
        messages.SetMissingKeyOrValueAccessor(() => Required);
        messages.SetValueMustNotBeNullAccessor(_ => Required);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Het formulier is leeg.");
    }
}
