namespace LeerlingzorgPortal.Web.Features.Shared;

/// <summary>What the pager partial needs: where we are and how to build the link to another page.</summary>
public sealed record PagerModel(int Page, int TotalPages, Func<int, string?> UrlFor)
{
    /// <summary>At most seven page numbers around the current one.</summary>
    public IEnumerable<int> VisiblePages()
    {
        var first = Math.Max(1, Math.Min(Page - 3, TotalPages - 6));
        var last = Math.Min(TotalPages, first + 6);
        return Enumerable.Range(first, last - first + 1);
    }
}
