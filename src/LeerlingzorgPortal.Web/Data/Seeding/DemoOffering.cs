using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Offering;
using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Data.Seeding;

/// <summary>
/// The care offering and the sociale kaart of the demo school: eight interventions with pupils taking
/// part (some from the demo cases, one finished with its outcome), a faalangst training that is full
/// with a waiting list, and fifteen agencies with fictional contact details. The open cases of care
/// worker a stay out of the faalangst training and Rots en Water, so the browser test can enrol them.
/// </summary>
internal sealed class DemoOffering(PortalDbContext db, DateTimeOffset now)
{
    public async Task AddAsync(Dictionary<string, StaffMember> staff, CancellationToken cancellationToken)
    {
        await AddSocialMapAsync(cancellationToken);

        var coordinator = staff[DemoAccounts.Coordinator].Id;
        var workerA = staff[DemoAccounts.CareWorkerA].Id;
        var workerB = staff[DemoAccounts.CareWorkerB].Id;
        var cases = await db.Referrals.AsNoTracking().Select(r => new { r.Id, r.PupilId, r.Question }).ToListAsync(cancellationToken);
        Case? Find(string questionStart) => cases.Where(c => c.Question != null && c.Question.StartsWith(questionStart, StringComparison.Ordinal))
            .Select(c => new Case(c.Id, c.PupilId)).FirstOrDefault();
        var busy = Find("Vertelt dat het thuis onrustig is");
        var stale = Find("Vermoeden van dyslexie");
        var longRunning = Find("Loopt ondanks extra hulp");
        var closed = Find("Faalangst bij toetsen");
        var southCase = Find("Conflicten met klasgenoten");

        // Pupils without any referral take the other places, in a fixed order; not those of the demo mentor, who
        // registers new referrals in the browser tests (their pupils then start without enrolments).
        var withCase = cases.Select(c => c.PupilId).ToHashSet();
        var mentorGroups = staff[DemoAccounts.Mentor].MentorGroupIds.ToHashSet();
        var pupils = await db.Pupils.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.LocationId, p.MentorGroupId }).ToListAsync(cancellationToken);
        var northId = pupils[0].LocationId;
        var candidates = pupils.Where(p => !withCase.Contains(p.Id) && !(p.MentorGroupId is int g && mentorGroups.Contains(g))).ToList();
        var free = new Queue<int>(candidates.Where(p => p.LocationId == northId).Select(p => p.Id));
        var freeSouth = new Queue<int>(candidates.Where(p => p.LocationId != northId).Select(p => p.Id));

        var faalangst = Add("Faalangstreductietraining",
            "Training in een groep van zes over spanning bij toetsen en presentaties: herkennen van gedachten, ontspanningsoefeningen en oefenen met een proeftoets. Acht bijeenkomsten van een lesuur, met een terugkoppelgesprek met ouders.",
            "Leerjaar 1 tot en met 3 met faalangst die de toetsresultaten merkbaar drukt", "Mw. S. de Boer (medewerker leerlingzorg) en dhr. R. Kok (docent)",
            SupportLevel.Basic, 6, "Ronde 1: oktober–december; ronde 2: februari–april");
        var sova = Add("Sociale-vaardigheidstraining (sova)",
            "Oefenen met samenwerken, grenzen aangeven en omgaan met kritiek in rollenspellen. Tien wekelijkse bijeenkomsten; de mentor krijgt na elke bijeenkomst een korte tip voor in de klas.",
            "Leerjaar 1 en 2 met moeite in contact met klasgenoten", "Dhr. M. Yilmaz (medewerker leerlingzorg)", SupportLevel.Basic, 10,
            "Doorlopend, start bij elke acht aanmeldingen");
        var homework = Add("Huiswerkbegeleiding",
            "Begeleid huiswerk maken in het studiecentrum, met hulp bij plannen en een docent voor vragen. Vier middagen per week van 14.30 tot 16.00 uur.",
            "Alle leerjaren; leerlingen die thuis geen rustige plek of hulp hebben", "Studiecentrum (onderwijsassistenten)", SupportLevel.Basic, 25,
            "Hele schooljaar, instromen kan elke maand");
        Add("Examentraining",
            "Gerichte training voor de centrale examens: examenvaardigheden, oefenexamens onder examenomstandigheden en nabespreking per vak.",
            "Examenkandidaten havo en vwo met een risico op een onvoldoende", "Sectieleiders wiskunde, Nederlands en Engels", SupportLevel.Basic, 30,
            "Februari–april, zes zaterdagochtenden");
        var remedial = Add("Remedial teaching rekenen en taal",
            "Individuele of duo-begeleiding bij hardnekkige achterstanden in rekenen, spelling of begrijpend lezen, met een handelingsplan en een toets vooraf en achteraf.",
            "Leerlingen met dyslexie, dyscalculie of een achterstand van meer dan een jaar", "Mw. L. Verbeek (remedial teacher)", SupportLevel.Extra, 10,
            "Blokken van tien weken, één lesuur per week");
        var talks = Add("Gesprekken met de zorgmedewerker",
            "Een reeks van zes tot acht individuele gesprekken over wat de leerling dwarszit, met doelen die samen worden gesteld en geëvalueerd.",
            "Leerlingen met sociaal-emotionele vragen die (nog) geen hulp van buiten nodig hebben", "Medewerkers leerlingzorg", SupportLevel.Basic, 12,
            "Doorlopend");
        var planning = Add("Plannen en organiseren",
            "Training executieve functies: agenda bijhouden, grote opdrachten opdelen, tas en kluisje op orde. Vijf bijeenkomsten en wekelijks een korte check-in.",
            "Leerjaar 1 tot en met 4 met veel vergeten huiswerk en spullen", "Mw. F. Jansen (mentor en coach)", SupportLevel.Basic, 12,
            "Ronde 1: september–november; ronde 2: januari–maart");
        var rotsEnWater = Add("Rots en Water",
            "Weerbaarheidstraining met fysieke oefeningen en groepsgesprekken over grenzen, zelfvertrouwen en kiezen voor jezelf. Erkend programma, tien lessen.",
            "Leerjaar 1, vooral leerlingen die gepest worden of snel in conflict komen", "Dhr. J. Bos (docent lichamelijke opvoeding, gecertificeerd trainer)",
            SupportLevel.Basic, 14, "Tien weken na de herfstvakantie");

        // The faalangst training: the pupil of the closed case took part in round 1; it is full now, with pupils in line.
        if (closed is not null)
        {
            faalangst.Enrol(closed.PupilId, closed.Id, Day(110), workerA, Ago(112));
        }

        Fill(faalangst, closed is null ? 6 : 5, free, coordinator, 30);
        faalangst.PutOnWaitingList(free.Dequeue(), null, coordinator, Ago(50));
        faalangst.PutOnWaitingList(freeSouth.Dequeue(), null, workerB, Ago(20));
        faalangst.PutOnWaitingList(free.Dequeue(), null, coordinator, Ago(3));
        Fill(sova, 3, freeSouth, workerB, 21);
        Fill(homework, 14, free, coordinator, 60);
        Fill(remedial, 4, free, coordinator, 35);
        Fill(talks, 3, free, workerA, 25);
        Fill(planning, 4, free, coordinator, 50);
        Fill(rotsEnWater, 9, free, coordinator, 28);
        if (southCase is not null)
        {
            sova.Enrol(southCase.PupilId, southCase.Id, Day(14), workerB, Ago(15));
        }

        if (busy is not null)
        {
            talks.Enrol(busy.PupilId, busy.Id, Day(20), workerA, Ago(21));
        }

        if (stale is not null)
        {
            remedial.PutOnWaitingList(stale.PupilId, stale.Id, workerA, Ago(44));
        }

        if (longRunning is not null)
        {
            planning.Enrol(longRunning.PupilId, longRunning.Id, Day(60), workerA, Ago(62));
            remedial.Enrol(longRunning.PupilId, longRunning.Id, Day(420), workerA, Ago(425));
        }

        await db.SaveChangesAsync(cancellationToken);

        // What happened since: the oldest places ended, and the pupil waiting for remedial teaching got one.
        if (closed is not null)
        {
            faalangst.Finish(faalangst.Enrolments.Single(e => e.PupilId == closed.PupilId).Id, Day(45),
                "Alle acht bijeenkomsten gevolgd; maakt toetsen weer in de klas zonder paniek.");
            faalangst.Admit(faalangst.WaitingList[0].Id, Day(40), Ago(41));
        }

        if (longRunning is not null)
        {
            remedial.Finish(remedial.Enrolments.Single(e => e.PupilId == longRunning.PupilId).Id, Day(330),
                "Spelling van 2 naar 3 in het leerlingvolgsysteem; begrijpend lezen nog zwak, verder in het OPP.");
        }

        if (stale is not null)
        {
            remedial.Admit(remedial.Enrolments.Single(e => e.PupilId == stale.PupilId).Id, Day(40), Ago(41));
        }

        homework.Withdraw(homework.Enrolments.First(e => e.Status == EnrolmentStatus.Participating).Id, Day(10),
            "Komt niet meer; gaat naar huiswerkbegeleiding buiten school.");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The five agencies of the safety demo get their details; ten more complete the map of the region.</summary>
    private async Task AddSocialMapAsync(CancellationToken cancellationToken)
    {
        var existing = await db.ExternalOrganisations.ToDictionaryAsync(o => o.Name, StringComparer.Ordinal, cancellationToken);
        void Describe(string name, PartnerKind kind, AgencyDetails details)
        {
            if (!existing.TryGetValue(name, out var agency))
            {
                agency = new ExternalOrganisation(name, kind);
                db.ExternalOrganisations.Add(agency);
            }

            agency.Describe(details);
        }

        Describe("Jeugdzorg Rijnstreek", PartnerKind.Jeugdzorg, new AgencyDetails("Rijnstreek", "Mw. A. Hoekstra (teamleider toegang)",
            "0172-480 100", "toegang@jeugdzorg-rijnstreek.example", "https://www.jeugdzorg-rijnstreek.example", "Hooftstraat 112, Alfen",
            "Ambulante jeugdhulp thuis, gezinsbehandeling en dagbehandeling voor jongeren tot 18 jaar.",
            "Alleen met een verwijzing van het wijkteam, de huisarts of de jeugdarts. Stem eerst af met het wijkteam; wachttijd nu ongeveer acht weken."));
        Describe("Wijkteam Rijnstreek-Noord", PartnerKind.Wijkteam, new AgencyDetails("Rijnstreek-Noord", "Dhr. K. Meijer (schoolcontactpersoon)",
            "0172-465 210", "noord@wijkteam-rijnstreek.example", "https://www.wijkteam-rijnstreek.example/noord", "Raadhuisplein 3, Alfen",
            "Gratis hulp bij opvoeden, opgroeien, geldzorgen en thuissituatie; verwijst door naar jeugdhulp.",
            "Ouders melden zichzelf aan of de school meldt aan met toestemming van ouders (vanaf 16 jaar: van de leerling). Inloop op school elke dinsdag 12–13 uur."));
        Describe("GGD Hollands Midden", PartnerKind.Ggd, new AgencyDetails("Hollands Midden", "Mw. dr. E. Visser (jeugdarts)", "088-308 3000",
            "jgz@ggd-hollandsmidden.example", "https://www.ggd-hollandsmidden.example/jeugd", "Parmentierplein 1, Leiden",
            "Jeugdgezondheidszorg: spreekuur jeugdarts en jeugdverpleegkundige, advies bij ziekteverzuim (M@ZL), leefstijl en seksuele gezondheid.",
            "Bij ziekteverzuim: aanmelden via het M@ZL-formulier na overleg met ouders. Andere vragen: de jeugdverpleegkundige op school of het algemene nummer."));
        Describe("Leerplicht Rijnstreek", PartnerKind.Leerplicht, new AgencyDetails("Rijnstreek", "Dhr. P. de Graaf (leerplichtambtenaar)",
            "0172-470 330", "leerplicht@rijnstreek.example", "https://www.rijnstreek.example/leerplicht", "Stadhuisplein 1, Alfen",
            "Toezicht op de leerplicht; gesprekken met leerling en ouders bij verzuim; zorgt samen met school voor een passende plek.",
            "Ongeoorloofd verzuim van 16 uur in 4 weken is een wettelijke melding via het verzuimregister (DUO). Bij zorgen eerder: bel voor overleg."));
        Describe("Veilig Thuis Hollands Midden", PartnerKind.VeiligThuis, new AgencyDetails("Hollands Midden", null, "0800-2000",
            null, "https://www.veiligthuis-hollandsmidden.example", null,
            "Advies en meldingen bij huiselijk geweld en kindermishandeling, dag en nacht bereikbaar, ook anoniem voor advies.",
            "Volg de meldcode: de aandachtsfunctionaris vraagt advies (stap 2) en besluit over een melding (stap 5). Bij acuut gevaar: 112."));
        Describe("Wijkteam Rijnstreek-Zuid", PartnerKind.Wijkteam, new AgencyDetails("Rijnstreek-Zuid", "Mw. N. Bakker (schoolcontactpersoon)",
            "0172-465 220", "zuid@wijkteam-rijnstreek.example", "https://www.wijkteam-rijnstreek.example/zuid", "Dorpsstraat 40, Zwammerdam",
            "Gratis hulp bij opvoeden, opgroeien en thuissituatie voor gezinnen in Rijnstreek-Zuid.",
            "Zoals het wijkteam Noord: aanmelden met toestemming; inloop op locatie Zuid elke donderdag 12–13 uur."));
        Describe("Samenwerkingsverband VO Rijnstreek", PartnerKind.Samenwerkingsverband, new AgencyDetails("Rijnstreek", "Mw. H. Smit (consulent passend onderwijs)",
            "0172-490 500", "consulent@swv-vo-rijnstreek.example", "https://www.swv-vo-rijnstreek.example", "Julianastraat 5, Alfen",
            "Arrangementen extra ondersteuning, toelaatbaarheidsverklaringen voor het vso, de Rebound-voorziening en de consulent bij vastgelopen trajecten.",
            "De zorgcoördinator vraagt aan via het digitale loket met het OPP en de evaluatie. Toelaatbaarheidsverklaring: commissie vergadert elke twee weken."));
        Describe("Jeugd-GGZ Rijnland", PartnerKind.Other, new AgencyDetails("Hollands Midden", "Intake-team", "071-890 4400",
            "intake@jeugdggz-rijnland.example", "https://www.jeugdggz-rijnland.example", "Sandifortdreef 19, Leiden",
            "Diagnostiek en behandeling bij angst, depressie, trauma, autisme en ADHD voor jongeren tot 18 jaar.",
            "Verwijzing via de huisarts, de jeugdarts of het wijkteam. School levert op verzoek een onderwijsverslag. Wachttijd voor intake ongeveer twaalf weken."));
        Describe("Jongerenwerk Rijnstreek", PartnerKind.Other, new AgencyDetails("Rijnstreek", "Dhr. T. Amrani (jongerenwerker)", "06-1234 5678",
            "jongerenwerk@jong-rijnstreek.example", "https://www.jong-rijnstreek.example", "Jongerencentrum De Loods, Spoorlaan 2, Alfen",
            "Laagdrempelig contact, activiteiten en individuele coaching voor jongeren van 12 tot 23 jaar; ook op straat en online.",
            "Geen verwijzing nodig: de jongere kan zelf binnenlopen. School kan een kennismaking regelen met de jongerenwerker op het schoolplein."));
        Describe("Politie basisteam Rijnstreek (jeugdagent)", PartnerKind.Politie, new AgencyDetails("Rijnstreek", "Wijkagent jeugd", "0900-8844",
            null, "https://www.politie.example/rijnstreek", null,
            "Jeugdagent voor overleg over onveilige situaties, sexting, bedreiging en criminaliteit rond school.",
            "Bij spoed 112. Voor overleg bellen; aangifte doet de ouder of de school bij een strafbaar feit op school. Deel alleen wat nodig is."));
        Describe("Bureau Halt Hollands Midden", PartnerKind.Other, new AgencyDetails("Hollands Midden", null, "088-010 0150",
            "hollandsmidden@halt.example", "https://www.halt.example", null,
            "Halt-straffen en voorlichting over vuurwerk, vandalisme, pesten en online gedrag; ook Halt-voorlichting in de klas.",
            "Een Halt-verwijzing loopt via de politie of de leerplichtambtenaar. Voorlichting in de klas aanvragen via de website."));
        Describe("Centrum voor Jeugd en Gezin Rijnstreek", PartnerKind.Other, new AgencyDetails("Rijnstreek", null, "0172-465 000",
            "info@cjg-rijnstreek.example", "https://www.cjg-rijnstreek.example", "Raadhuisplein 3, Alfen",
            "Informatie en cursussen voor ouders (puberteit, echtscheiding, opvoeden), oudergesprekken en de weerbaarheidscursus voor jongeren.",
            "Ouders melden zich zelf aan via de website; de school kan folders meegeven en bij een oudergesprek doorverwijzen."));
        Describe("Dyslexiecentrum De Letterbrug", PartnerKind.Other, new AgencyDetails("Rijnstreek", "Mw. I. Dekker (orthopedagoog)", "0172-431 122",
            "aanmelden@letterbrug.example", "https://www.letterbrug.example", "Prins Hendrikstraat 18, Alfen",
            "Onderzoek naar dyslexie en dyscalculie en behandeling; dyslexieverklaring voor extra tijd en hulpmiddelen.",
            "School stuurt het leerlingdossier met de resultaten van de remedial teaching mee. Onderzoek wordt door ouders betaald of vergoed via de aanvullende verzekering."));
        Describe("Maatschappelijk werk Rijnstreek", PartnerKind.Other, new AgencyDetails("Rijnstreek", "Mw. C. Peters", "0172-440 880",
            "info@mwrijnstreek.example", "https://www.mwrijnstreek.example", "Kerkstraat 7, Alfen",
            "Hulp bij geldzorgen, schulden, huisvesting en rouw voor gezinnen; ook Stichting Leergeld voor schoolkosten.",
            "Ouders melden zichzelf aan; met hun toestemming kan de school een eerste contact leggen. Geen wachttijd voor een eerste gesprek."));
        Describe("Jeugdfonds Sport & Cultuur Rijnstreek", PartnerKind.Other, new AgencyDetails("Rijnstreek", "Intermediair op school: de zorgcoördinator",
            null, "rijnstreek@jeugdfonds.example", "https://www.jeugdfonds.example/rijnstreek", null,
            "Betaalt contributie of lesgeld van een sportclub of muziekles voor kinderen uit gezinnen met weinig geld.",
            "De zorgcoördinator of een wijkteammedewerker vraagt aan als intermediair; ouders hoeven geen inkomensbewijs te sturen."));
        await db.SaveChangesAsync(cancellationToken);
    }

    private Intervention Add(string name, string description, string targetGroup, string provider, SupportLevel level, int capacity, string period)
    {
        var intervention = new Intervention(new InterventionDetails(name, description, targetGroup, provider, level, capacity, period));
        db.Interventions.Add(intervention);
        return intervention;
    }

    private void Fill(Intervention intervention, int count, Queue<int> pupils, string enrolledBy, int startedDaysAgo)
    {
        for (var i = 0; i < count; i++)
        {
            intervention.Enrol(pupils.Dequeue(), null, Day(startedDaysAgo), enrolledBy, Ago(startedDaysAgo + 3));
        }
    }

    private DateTimeOffset Ago(int days) => now.AddDays(-days);

    private DateOnly Day(int daysAgo) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(-daysAgo);

    private sealed record Case(int Id, int PupilId);
}
