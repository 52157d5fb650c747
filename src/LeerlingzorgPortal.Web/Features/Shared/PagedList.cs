namespace LeerlingzorgPortal.Web.Features.Shared;

/// <summary>One page of a longer list.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)PageSize));

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < TotalPages;

    public int FirstItemNumber => TotalCount == 0 ? 0 : ((Page - 1) * PageSize) + 1;

    public int LastItemNumber => Math.Min(Page * PageSize, TotalCount);
}

public static class Paging
{
    /// <summary>Pages start at 1; anything below is page 1, anything past the end the last page.</summary>
    public static int Clamp(int? requested, int totalCount, int pageSize)
    {
        var last = Math.Max(1, (int)Math.Ceiling(totalCount / (double)pageSize));
        return Math.Clamp(requested ?? 1, 1, last);
    }
}
