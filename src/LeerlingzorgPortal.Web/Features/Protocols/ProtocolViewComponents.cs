using LeerlingzorgPortal.Domain.Protocols;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Protocols;

/// <summary>
/// A link to the current protocol on a topic, for other screens (the incident form, the meldcode
/// track). It leads to <c>/Protocols/Topic/{topic}</c>, so it always opens the newest version.
/// Nothing is shown when there is no active protocol on the topic.
/// </summary>
public sealed class ProtocolLinkViewComponent(ProtocolQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ProtocolTopic topic) =>
        View("~/Features/Protocols/_Link.cshtml", (topic, await queries.CurrentOnAsync(topic, HttpContext.RequestAborted)));
}
