using System.Globalization;
using FluentValidation;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Plans;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.CarePlans;

/// <summary>
/// Plans and OPPs on a care case. No role policy on the actions: every record is checked against
/// the user (PlanWork), and whoever may not gets 404.
/// </summary>
public sealed class CarePlansController(PlanWork work, PlanPageQuery pages, AuditLog audit, TimeProvider clock, StaffLookup staff)
    : Controller
{
    [HttpGet]
    public async Task<IActionResult> Create(int referralId, CancellationToken cancellationToken)
    {
        var (referral, onPlan) = await work.LoadCaseAsync(referralId, cancellationToken);
        if (referral is null || !onPlan.Writes)
        {
            return NotFound();
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        ViewData["ReferralId"] = referralId;
        ViewData["Staff"] = await staff.StaffAtAsync(referral.LocationId, cancellationToken);
        return View(new PlanForm { StartDate = today, EvaluationDate = today.AddMonths(3) }.WithRows());
    }

    [HttpPost]
    public async Task<IActionResult> Create(int referralId, PlanForm form, [FromServices] IValidator<PlanForm> validator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        // The record rule comes before validation: who may not write here learns nothing, not even the messages.
        var (referral, onPlan) = await work.LoadCaseAsync(referralId, cancellationToken);
        if (referral is null || !onPlan.Writes)
        {
            return NotFound();
        }

        form.IsOpp = false;
        if (ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken)))
        {
            var (result, id) = await work.CreateAsync(referralId, form, cancellationToken);
            if (result.Status == CommandStatus.NotFound)
            {
                return NotFound();
            }

            if (id is not null)
            {
                TempData["Message"] = "Het plan is opgeslagen als concept (versie 1).";
                return RedirectToAction(nameof(Details), new { id });
            }

            result.CopyTo(ModelState);
        }

        ViewData["ReferralId"] = referralId;
        ViewData["Staff"] = await staff.StaffAtAsync(referral.LocationId, cancellationToken);
        return View(form.WithRows());
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, "Details", null, cancellationToken);

    [HttpGet]
    public async Task<IActionResult> Print(int id, CancellationToken cancellationToken)
    {
        var loaded = await work.LoadAsync(id, cancellationToken);
        if (loaded is null || !loaded.OnPlan.ReadsPlans)
        {
            return NotFound();
        }

        await audit.RecordAsync(AuditAction.Read, "CarePlanPrint", Key(id), loaded.Plan.PupilId, cancellationToken);
        return View(await pages.HandleAsync(loaded, cancellationToken));
    }

    [HttpGet]
    public async Task<IActionResult> Compare(int id, int version, CancellationToken cancellationToken)
    {
        var loaded = await work.LoadAsync(id, cancellationToken);
        var after = loaded?.Plan.Versions.FirstOrDefault(v => v.Number == version);
        var before = loaded?.Plan.Versions.FirstOrDefault(v => v.Number == version - 1);
        if (loaded is null || !loaded.OnPlan.ReadsPlans || after is null || before is null)
        {
            return NotFound();
        }

        await audit.RecordAsync(AuditAction.Read, nameof(CarePlan), Key(id), loaded.Plan.PupilId, cancellationToken);
        ViewData["Version"] = version;
        ViewData["Changes"] = PlanChanges.Between(before.Content, after.Content);
        return View(await pages.HandleAsync(loaded, cancellationToken));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var loaded = await work.LoadAsync(id, cancellationToken);
        if (loaded is null || !loaded.OnPlan.Writes || loaded.Plan.Status is not (PlanStatus.Draft or PlanStatus.Evaluated))
        {
            return NotFound();
        }

        var page = await pages.HandleAsync(loaded, cancellationToken);
        ViewData["Plan"] = page;
        ViewData["Staff"] = page.StaffAtLocation;
        return View(PlanForm.From(loaded.Plan));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, PlanForm form, [FromServices] IValidator<PlanForm> validator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var before = await work.LoadAsync(id, cancellationToken);
        if (before is null || !before.OnPlan.Writes)
        {
            return NotFound();
        }

        var result = ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken))
            ? await work.SaveAsync(id, form, cancellationToken)
            : new CommandResult(CommandStatus.Invalid, []);
        if (result.Status == CommandStatus.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Message"] = "Het plan is opgeslagen.";
            return RedirectToAction(nameof(Details), new { id });
        }

        result.CopyTo(ModelState);
        var loaded = await work.LoadAsync(id, cancellationToken);
        if (loaded is null || !loaded.OnPlan.Writes)
        {
            return NotFound();
        }

        if (result.Status == CommandStatus.Conflict)
        {
            // Show what others changed since the user's version, and let a second save go through on purpose.
            var seen = loaded.Plan.Versions.FirstOrDefault(v => v.Number == form.BaseVersion)?.Content ?? loaded.Plan.Content;
            ViewData["Changes"] = PlanChanges.Between(seen, loaded.Plan.Content);
            form.BaseVersion = loaded.Plan.VersionNumber;
            form.ConcurrencyToken = loaded.Plan.ConcurrencyToken;
            ModelState.Remove(nameof(form.ConcurrencyToken));
            ModelState.Remove(nameof(form.BaseVersion));
        }

        var planPage = await pages.HandleAsync(loaded, cancellationToken);
        ViewData["Plan"] = planPage;
        ViewData["Staff"] = planPage.StaffAtLocation;
        return View(form.WithRows());
    }

    [HttpPost]
    public Task<IActionResult> MakeOpp(int id, MakeOppForm form, [FromServices] IValidator<MakeOppForm> validator,
        CancellationToken cancellationToken) =>
        HandleAsync(id, form, validator, () => work.MakeOppAsync(id, form, cancellationToken), "Het plan is nu een OPP.", cancellationToken);

    [HttpPost]
    public Task<IActionResult> Consent(int id, ConsentForm form, [FromServices] IValidator<ConsentForm> validator,
        CancellationToken cancellationToken) =>
        HandleAsync(id, form, validator, () => work.RecordConsentAsync(id, form, cancellationToken),
            "De reactie van de ouders is vastgelegd.", cancellationToken);

    [HttpPost]
    public Task<IActionResult> PupilView(int id, PupilViewForm form, [FromServices] IValidator<PupilViewForm> validator,
        CancellationToken cancellationToken) =>
        HandleAsync(id, form, validator, () => work.RecordPupilViewAsync(id, form, cancellationToken),
            "De mening van de leerling is vastgelegd.", cancellationToken);

    [HttpPost]
    public async Task<IActionResult> Activate(int id, Guid concurrencyToken, CancellationToken cancellationToken) =>
        await AfterAsync(id, await work.ActivateAsync(id, concurrencyToken, cancellationToken), new object(),
            "Het plan is actief.", cancellationToken);

    [HttpPost]
    public Task<IActionResult> Evaluate(int id, EvaluateForm form, [FromServices] IValidator<EvaluateForm> validator,
        CancellationToken cancellationToken) =>
        HandleAsync(id, form, validator, () => work.EvaluateAsync(id, form, cancellationToken), "De evaluatie is vastgelegd.",
            cancellationToken);

    [HttpPost]
    public async Task<IActionResult> Close(int id, Guid concurrencyToken, CancellationToken cancellationToken) =>
        await AfterAsync(id, await work.CloseAsync(id, concurrencyToken, cancellationToken), new object(),
            "Het plan is afgesloten.", cancellationToken);

    [HttpPost]
    public Task<IActionResult> EvaluateMeasure(int id, MeasureEvaluationForm form,
        [FromServices] IValidator<MeasureEvaluationForm> validator, CancellationToken cancellationToken) =>
        HandleAsync(id, form, validator, () => work.EvaluateMeasureAsync(id, form, cancellationToken),
            "De evaluatie van de maatregel is vastgelegd.", cancellationToken);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<IActionResult> HandleAsync<TForm>(int id, TForm form, IValidator<TForm> validator,
        Func<Task<CommandResult>> handle, string doneMessage, CancellationToken cancellationToken)
        where TForm : class
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await this.RunValidatedAsync(form, validator, handle, cancellationToken);
        return await AfterAsync(id, result, form, doneMessage, cancellationToken);
    }

    private Task<IActionResult> AfterAsync(int id, CommandResult result, object form, string doneMessage,
        CancellationToken cancellationToken) =>
        this.RespondAsync(result, doneMessage, () => RedirectToAction(nameof(Details), new { id }),
            () => ShowAsync(id, "Details", form, cancellationToken));

    private async Task<IActionResult> ShowAsync(int id, string view, object? form, CancellationToken cancellationToken)
    {
        var loaded = await work.LoadAsync(id, cancellationToken);
        if (loaded is null || (!loaded.OnPlan.ReadsPlans && loaded.Plan.Status is not (PlanStatus.Active or PlanStatus.Evaluated)))
        {
            return NotFound();
        }

        await audit.RecordAsync(AuditAction.Read, nameof(CarePlan), Key(id), loaded.Plan.PupilId, cancellationToken);
        ViewData["Form"] = form;
        return View(view, await pages.HandleAsync(loaded, cancellationToken));
    }
}
