namespace LeerlingzorgPortal.Domain;

internal static class Guard
{
    public static string Text(string? value, int maxLength, string fieldName)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainRuleException($"{fieldName} is verplicht.");
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainRuleException($"{fieldName} mag hoogstens {maxLength} tekens lang zijn.");
        }

        return trimmed;
    }

    public static string? OptionalText(string? value, int maxLength, string fieldName)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainRuleException($"{fieldName} mag hoogstens {maxLength} tekens lang zijn.");
        }

        return trimmed;
    }
}
