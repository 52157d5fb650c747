using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Protocols;

namespace LeerlingzorgPortal.Web.Data.Seeding;

/// <summary>
/// The school's protocols: the bullying protocol with three versions, the meldcode protocol whose
/// review date has passed (so the demo coordinator sees the signal), the absence protocol and the
/// school support profile.
/// </summary>
internal sealed class DemoProtocols(PortalDbContext db, DateTimeOffset now)
{
    public async Task AddAsync(Dictionary<string, StaffMember> staff, CancellationToken cancellationToken)
    {
        var coordinator = staff[DemoAccounts.Coordinator].Id;
        var workerB = staff[DemoAccounts.CareWorkerB].Id;
        var workerC = staff[DemoAccounts.CareWorkerC].Id;
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var bullying = new Protocol(ProtocolTopic.Bullying, workerB, today.AddMonths(7),
            new ProtocolText("Pestprotocol Rijnstreek College", BullyingFirst, "Eerste versie, vastgesteld door de schoolleiding."),
            coordinator, now.AddDays(-540));
        bullying.Revise(new ProtocolText("Pestprotocol", BullyingSecond, "Cyberpesten en de vijfsporenaanpak toegevoegd."), workerB, now.AddDays(-250));
        bullying.Revise(new ProtocolText("Pestprotocol", BullyingCurrent,
            "Registratie van incidenten in het portaal; anti-pestcoördinator per locatie."), workerB, now.AddDays(-60));

        var meldcode = new Protocol(ProtocolTopic.Meldcode, coordinator, today.AddDays(-20),
            new ProtocolText("Meldcodeprotocol huiselijk geweld en kindermishandeling", Meldcode,
                "Aangepast aan het afwegingskader onderwijs en leerplicht."), coordinator, now.AddDays(-400));

        var absence = new Protocol(ProtocolTopic.Absence, workerB, today.AddMonths(9),
            new ProtocolText("Verzuimprotocol", Absence, "Werkwijze M@ZL opgenomen."), workerB, now.AddDays(-120));

        var profile = new Protocol(ProtocolTopic.SupportProfile, workerC, today.AddMonths(4),
            new ProtocolText("Schoolondersteuningsprofiel 2025–2029", SupportProfile, "Vastgesteld na advies van de MR."), workerC,
            now.AddDays(-300));

        db.Protocols.AddRange(bullying, meldcode, absence, profile);
        await db.SaveChangesAsync(cancellationToken);
    }

    private const string BullyingFirst = """
        # Pestprotocol

        Op het Rijnstreek College voelt iedere leerling zich veilig. Pesten accepteren wij niet.

        ## Wat doen we bij pesten?

        1. De leerling of een ouder meldt het pesten bij de mentor.
        2. De mentor praat binnen twee schooldagen met de gepeste leerling en met de pester.
        3. De mentor informeert de ouders van beide leerlingen.
        4. Houdt het pesten aan, dan schakelt de mentor de zorgcoördinator in.
        """;

    private const string BullyingSecond = """
        # Pestprotocol

        Op het Rijnstreek College voelt iedere leerling zich veilig. Pesten, ook online, accepteren wij niet.
        Dit protocol volgt de Wet veiligheid op school.

        ## Wat verstaan we onder pesten?

        Pesten is het **herhaaldelijk en bewust** kwetsen, bedreigen of buitensluiten van een leerling die zich
        moeilijk kan verdedigen. *Cyberpesten* (via groepsapps, sociale media of games) valt er ook onder.

        ## De vijfsporenaanpak

        - steun aan de gepeste leerling;
        - een duidelijke aanpak van de pester;
        - de zwijgende middengroep betrekken;
        - de ouders betrekken;
        - de school als geheel: mentorlessen en afspraken in de klas.

        ## Stappen

        1. Melden bij de mentor (leerling, ouder, medeleerling of docent).
        2. Gesprek met de gepeste leerling en apart met de pester, binnen twee schooldagen.
        3. Ouders van beide leerlingen informeren.
        4. Houdt het pesten aan: de zorgcoördinator wordt ingeschakeld.
        """;

    private const string BullyingCurrent = """
        # Pestprotocol

        Op het Rijnstreek College voelt iedere leerling zich veilig. Pesten, ook online, accepteren wij niet.
        Dit protocol volgt de Wet veiligheid op school: de school voert een sociaal veiligheidsbeleid, monitort
        de veiligheid jaarlijks en heeft per locatie een **anti-pestcoördinator** als aanspreekpunt.

        ## Wat verstaan we onder pesten?

        Pesten is het **herhaaldelijk en bewust** kwetsen, bedreigen of buitensluiten van een leerling die zich
        moeilijk kan verdedigen. *Cyberpesten* (via groepsapps, sociale media of games) valt er ook onder, ook
        als het buiten schooltijd gebeurt maar in de klas doorwerkt.

        ## De vijfsporenaanpak

        - steun aan de gepeste leerling;
        - een duidelijke aanpak van de pester, gericht op herstel;
        - de zwijgende middengroep en meelopers betrekken;
        - de ouders van alle betrokken leerlingen betrekken;
        - de school als geheel: mentorlessen, klassenafspraken en toezicht in de pauzes.

        ## Stappen

        1. **Melden.** Iedereen die pesten ziet of hoort, meldt het bij de mentor of de anti-pestcoördinator.
        2. **Vastleggen.** De mentor legt het vast als incident in het portaal (categorie *Pesten* of *Cyberpesten*),
           met elke leerling in zijn eigen rol: slachtoffer, dader, betrokkene of getuige.
        3. **Gesprekken.** Binnen twee schooldagen spreekt de mentor de gepeste leerling en, apart, de pester.
           Bij cyberpesten worden berichten bewaard (schermafbeeldingen) voordat ze verwijderd worden.
        4. **Ouders.** De mentor informeert de ouders van de betrokken leerlingen dezelfde dag.
        5. **Herstel en afspraken.** Afspraken worden vastgelegd en na twee weken met de leerlingen geëvalueerd.
        6. **Opschalen.** Houdt het pesten aan, dan meldt de mentor de leerling aan bij de zorg (categorie *Pesten*);
           de zorgcoördinator bepaalt de vervolgstappen. Bij strafbare feiten (bedreiging, sexting, geweld) wordt
           de schoolleiding ingelicht en zo nodig aangifte gedaan.

        ## Wie doet wat?

        | Wie | Taak |
        |-----|------|
        | Mentor | eerste aanspreekpunt, gesprekken, registratie, contact met ouders |
        | Anti-pestcoördinator | advies aan mentoren, aanspreekpunt voor leerlingen en ouders |
        | Zorgcoördinator | inzet van extra ondersteuning, contact met externe partners |
        | Schoolleiding | maatregelen en sancties, contact met politie |

        Meer informatie: [Stichting School & Veiligheid](https://www.schoolenveiligheid.nl).
        """;

    private const string Meldcode = """
        # Meldcode huiselijk geweld en kindermishandeling

        Iedere medewerker van het Rijnstreek College werkt bij signalen van huiselijk geweld of kindermishandeling
        volgens de vijf stappen van de meldcode. De **aandachtsfunctionaris** (de zorgcoördinator van de locatie)
        ondersteunt en bewaakt de stappen. Het meldcodetraject wordt vastgelegd in het portaal en is alleen zichtbaar
        voor de zorgcoördinator en de medewerkers die zij toevoegt.

        ## Stap 1: Signalen in kaart brengen

        Leg de signalen feitelijk vast: wat zag of hoorde je, wanneer, en wie was erbij. Geen interpretaties.
        Bespreek je zorg met de aandachtsfunctionaris.

        ## Stap 2: Collegiale consultatie en zo nodig Veilig Thuis

        Overleg met de aandachtsfunctionaris en zo nodig met een deskundige collega. Vraag, eventueel anoniem,
        advies aan Veilig Thuis (0800-2000). Bij twijfel over letsel: raadpleeg een deskundige op het gebied van letselduiding.

        ## Stap 3: Gesprek met de leerling en de ouders

        Bespreek de signalen met de leerling en met de ouders, tenzij dat de veiligheid van de leerling, van jezelf
        of van anderen in gevaar brengt. Leg het gesprek vast.

        ## Stap 4: Wegen met het afwegingskader

        Weeg aan de hand van het **afwegingskader** het risico, de aard en de ernst van het geweld:

        1. Is er een vermoeden van huiselijk geweld of kindermishandeling?
        2. Is er sprake van acute of structurele onveiligheid?
        3. Is de school in staat om effectieve hulp te bieden of te organiseren?
        4. Aanvaarden de betrokkenen de hulp en werken zij mee?
        5. Leidt de hulp binnen de afgesproken termijn tot duurzame veiligheid?

        ## Stap 5: Beslissen

        - Bij acute of structurele onveiligheid: **melden bij Veilig Thuis**.
        - Is melden niet nodig, dan organiseert de school zelf hulp (bijvoorbeeld via het wijkteam of de jeugdarts)
          en volgt zij de effecten.

        Het besluit en de onderbouwing worden in het meldcodetraject vastgelegd. Zie ook
        [Veilig Thuis](https://www.veiligthuis.nl) en de [handreiking meldcode](https://www.rijksoverheid.nl/onderwerpen/huiselijk-geweld/meldcode).
        """;

    private const string Absence = """
        # Verzuimprotocol

        Regelmatig aanwezig zijn is voorwaarde voor goed onderwijs. Dit protocol volgt de Leerplichtwet 1969.

        ## Ziekmelding

        - Ouders melden hun kind vóór 8.15 uur ziek bij de verzuimcoördinator (telefonisch of via het ouderportaal).
        - Leerlingen van 18 jaar en ouder melden zich zelf ziek.
        - Wie onder schooltijd ziek naar huis gaat, meldt zich af bij de verzuimcoördinator; de school belt de ouders.

        ## Ongeoorloofd verzuim en te laat komen

        1. Bij ongeoorloofd verzuim belt de verzuimcoördinator dezelfde dag met de ouders.
        2. De mentor bespreekt het verzuim met de leerling en maakt afspraken.
        3. Bij **16 uur ongeoorloofd verzuim in 4 lesweken** meldt de school dit verplicht bij DUO (Verzuimregister);
           de leerplichtambtenaar neemt het daarna op.
        4. Na de derde keer te laat komen meldt de leerling zich de volgende dag om 8.00 uur; bij blijvend te laat
           komen volgt een gesprek met de ouders en zo nodig een melding bij leerplicht.

        ## Veel ziekteverzuim: M@ZL

        Is een leerling **4 keer in 12 schoolweken** of **6 schooldagen aaneengesloten** ziek gemeld, dan
        bespreekt de mentor dit met leerling en ouders. Zo nodig volgt, met medeweten van de ouders, een aanmelding
        bij de jeugdarts van de GGD volgens de werkwijze *Medische Advisering van de Ziekgemelde Leerling* (M@ZL).

        ## Verlof

        Verlof buiten de schoolvakanties wordt alleen gegeven in de gevallen die de Leerplichtwet noemt. Een aanvraag
        gaat minstens acht weken vooraf naar de teamleider.
        """;

    private const string SupportProfile = """
        # Schoolondersteuningsprofiel

        In dit profiel beschrijft het Rijnstreek College welke ondersteuning de school biedt, binnen de afspraken
        van het samenwerkingsverband passend onderwijs.

        ## Basisondersteuning

        Alle leerlingen krijgen:

        - een vaste mentor en mentorlessen;
        - begeleiding bij dyslexie en dyscalculie (faciliteiten zoals extra tijd en voorleessoftware);
        - een faalangstreductietraining en een sociale-vaardigheidstraining;
        - huiswerkbegeleiding na schooltijd;
        - een zorgteam met zorgcoördinator, medewerkers leerlingzorg en vertrouwenspersoon.

        ## Extra ondersteuning

        Met een **ontwikkelingsperspectiefplan (OPP)** kan de school extra ondersteuning bieden, zoals:

        - individuele begeleiding door een medewerker leerlingzorg;
        - een time-outvoorziening en een rustige werkplek;
        - een aangepast rooster voor een beperkte periode.

        ## Grenzen aan de ondersteuning

        De school kan geen passend onderwijs bieden als een leerling voortdurend één-op-één begeleiding nodig
        heeft, of als de veiligheid van de leerling of anderen niet gewaarborgd is. Dan zoekt de school met de ouders
        en het samenwerkingsverband naar een passende plek.

        ## Samenwerking

        | Partner | Waarvoor |
        |---------|----------|
        | GGD (jeugdarts) | ziekteverzuim, gezondheid |
        | Wijkteam | ondersteuning thuis |
        | Leerplicht | verzuim |
        | Samenwerkingsverband | arrangementen en toelaatbaarheid |
        """;
}
