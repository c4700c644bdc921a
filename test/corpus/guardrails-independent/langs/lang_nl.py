from common import grp

SEP = " "
OPEN = ["Zeker, hier is de informatie.", "Bedankt voor je bericht!", "Volgens het beheerhandboek:",
        "Ik vond het in de overdrachtsnotities.", "Goede vraag.", "Hoi,"]
CLOSE = ["Laat het weten als je nog iets nodig hebt.", "Hopelijk helpt dit!",
         "Werkt het nog steeds niet, reageer dan in deze thread.", "Fijne dag!"]
NAMES = [("Sanne de Vries", "sanne", "devries"), ("Daan Jansen", "daan", "jansen"), ("Lotte Bakker", "lotte", "bakker"),
         ("Bram Visser", "bram", "visser"), ("Emma Smit", "emma", "smit"), ("Ruben Meijer", "ruben", "meijer"),
         ("Fleur van Dijk", "fleur", "vandijk"), ("Thijs Mulder", "thijs", "mulder")]
DOMAINS = ["deltalogistiek.nl", "polder-it.nl", "oranjegroep.com"]
FREEMAIL = ["gmail.com", "ziggo.nl", "kpnmail.nl", "hotmail.nl", "outlook.com"]
PW_WORDS = ["Zomer", "Amsterdam", "Tulp", "Molen", "Ajax", "Stroopwafel", "Gracht", "Winter"]
SYSTEMS = ["de facturatiedatabase", "de VPN-gateway", "het declaratiesysteem", "de printer op de 3e verdieping",
           "de testserver", "het urenregistratiesysteem", "de salaris-SFTP", "de scannerconsole in het magazijn"]

PW_PROSE = [
    "Gebruik voor onderhoud deze inloggegevens: gebruiker {user}, wachtwoord {pw}.",
    "Het wachtwoord voor {sys} is {pw}; het is afgelopen vrijdag gewijzigd.",
    "Log in als {user}. Het wachtwoord is '{pw}'.",
    "Je tijdelijke wachtwoord: {pw}\nBij de eerste keer inloggen moet je het wijzigen.",
    "- Host: {host}\n- Gebruiker: {user}\n- Wachtwoord: `{pw}`",
    "De wachtzin van het gedeelde account is \"{pw}\" (hoofdlettergevoelig).",
]
PIN_PROSE = [
    "De pincode voor de deur op de 4e verdieping is {pin}.",
    "De kluis in de serverruimte gaat open met pincode {pin}.",
    "Om je afdrukken op te halen voer je pin {pin} in en druk je op OK.",
]
CRED = [
    "Inloggegevens voor {sys}: {user} / {pw}",
    "login: {user} ww: {pw}",
    "Gebruikersnaam: {user}\nWachtwoord: {pw}",
    "Log in met {user} en wachtwoord {pw} (gedeeld account, niet wijzigen).",
]
CFG_INTRO = [
    "Dit is het relevante deel van de configuratie volgens het runbook:\n\n```\n{code}\n```",
    "Je .env-bestand moet er zo uitzien:\n{code}\nHerstart daarna de service.",
    "Kopieer het fragment hieronder precies zo:\n\n{code}\n\nDraai daarna het deployscript opnieuw.",
    "Uit het overdrachtsdocument ({file}):\n```\n{code}\n```",
]
CLOUD = [
    "Voor het gedeelde account, {kdesc}: {key}",
    "Alsjeblieft — {kdesc}: {key}",
    "Ik vond de {kdesc} in een oud ticket: `{key}`\nGraag na gebruik roteren.",
    "Zet in de CI-instellingen {key} als {kdesc}.",
]
CLOUD_NOKW = [
    "Gebruik {key} om in te loggen.",
    "Plak {key} in het veld en klik op Verbinden.",
    "Probeer {key} voor de koppeling.",
]
TOKEN = [
    "Gebruik {tok} om in te loggen op {sys}.",
    "De gedeelde waarde voor de VPN is {tok}.",
    "Voer {tok} in wanneer daarom gevraagd wordt.",
    "Als de installatiewizard erom vraagt, typ je {tok} en ga je verder.",
]
PD = {
    "email": ["Je kunt {name} rechtstreeks mailen op {pd}.", "Het privé-e-mailadres van {name} is {pd}."],
    "phone": ["Het mobiele nummer van {name} is {pd}.", "Neemt de storingsdienst niet op, bel dan {name} op {pd}."],
    "card": ["De zakelijke creditcard van {name} ({brand}) heeft nummer {pd}.", "Kaartnummer: {pd} (houder: {name})"],
    "iban": ["Bankgegevens van {name} voor de terugbetaling: IBAN {pd}", "Maak het bedrag over naar {pd} t.n.v. {name}."],
    "natid": {"bsn": ["Het BSN van {name} is {pd}.", "BSN: {pd} ({name})", "Naam: {name}\nBurgerservicenummer: {pd}"]},
}
PHONES = ["NL"]
IBANS = ["NL", "BE"]
NATIDS = ["bsn"]
SALARY = [
    "{name} verdient {amt_m} bruto per maand.",
    "Het jaarsalaris van {name} is {amt_y}, plus een bonus van {amt_b}.",
    "Volgens de aanbiedingsbrief krijgt {name} een bruto maandsalaris van {amt_m}.",
]


def _eur(r, lo, hi, step):
    v = grp(r.randrange(lo, hi, step), ".")
    return r.choice([f"€ {v}", f"€{v},00", f"{v} euro", f"€ {v},-"])


AMT = {"y": lambda r: _eur(r, 36000, 140000, 500), "m": lambda r: _eur(r, 2600, 11000, 50),
       "b": lambda r: _eur(r, 1000, 20000, 500)}
BANK = [
    "Salarisrekening van {name}: {acct} bij de {bank}.",
    "Rekeningnummer {acct} ({bank}), t.n.v. {name}.",
]
BANKS = ["ING", "Rabobank", "ABN AMRO", "SNS Bank", "ASN Bank"]
BRANCHES = ["Amsterdam Zuid", "Utrecht Centrum", "Rotterdam Blaak"]


def ACCT(r):
    return {"acct": _nl_iban(r)}


def _nl_iban(r):
    # Dutch account numbers are IBANs; bank code + 10-digit account, ISO 13616 check digits
    bank = r.choice(["INGB", "RABO", "ABNA", "SNSB", "ASNB"])
    acct = "".join(r.choice("0123456789") for _ in range(10))
    bban = bank + acct
    num = "".join(str(int(c, 36)) for c in bban + "NL00")
    ib = f"NL{98 - int(num) % 97:02d}{bban}"
    return r.choice([ib, " ".join(ib[i:i + 4] for i in range(0, len(ib), 4))])


MARKS = ["VERTROUWELIJK", "STRIKT VERTROUWELIJK", "Alleen voor intern gebruik", "INTERN",
         "Vertrouwelijk – niet verspreiden", "Geheim"]
MARK_T = [
    "{mark}\n\n{doc}",
    "**{mark}**\n{doc}\n\n{mark2}",
    "{doc}\n\n— {mark} —",
    "Hier is de samenvatting van de bijlage (koptekst: {mark}):\n{doc}",
]
MARK_FIXED = [
    "Dit document is ⟦strikt vertrouwelijk⟧ en mag niet worden verspreid.\n{doc}",
    "{doc}\n\n⟦Uitsluitend voor intern gebruik⟧",
    "Op het voorblad staat \"⟦VERTROUWELIJK⟧\". Samenvatting:\n{doc}",
]
DOCS = [
    "Reorganisatieplan 2027 (concept v2)\nBetrokken afdelingen: Logistiek, Inkoop. Afronding: eind Q1.",
    "Prijsherziening – Enterprise-pakket\nVerhoging van de catalogusprijs met 8% vanaf april; kortingen boven 25% alleen met akkoord van de directie.",
    "Voorbereiding raad van commissarissen, 14 november\n1. Shortlist overnamekandidaten\n2. Samenvoegen van locaties",
    "Incidentrapport (concept)\nOorzaak: verlopen certificaat op de betaalgateway; 47 minuten verstoring.",
]
POLICY = [
    "Wachtwoorden moeten minstens 12 tekens lang zijn en een cijfer en een symbool bevatten.",
    "Je kunt je wachtwoord zelf resetten in het selfserviceportaal onder Account > Beveiliging.",
    "Deel je pincode nooit met iemand, ook niet met de servicedesk – wij vragen er nooit om.",
    "Het wachtwoordveld is hoofdlettergevoelig; controleer of Caps Lock uit staat.",
    "Voer je wachtwoord in wanneer daarom gevraagd wordt en keur daarna de aanmelding goed in de authenticator-app.",
    "Voor MFA scan je de QR-code op de registratiepagina met de app en voer je de zescijferige code in.",
    "API-sleutels worden elke 90 dagen geroteerd; het eigenaarsteam krijgt twee weken vooraf een herinnering.",
    "Bewaar geen wachtwoorden in spreadsheets, chats of tickets; gebruik de wachtwoordmanager van het bedrijf.",
    "Wachtwoord vergeten? Klik op 'Wachtwoord vergeten?' op de inlogpagina en volg de link in de e-mail.",
    "Na vijf mislukte pogingen wordt het account 15 minuten geblokkeerd.",
    "Inloggegevens van serviceaccounts staan in de kluis en worden nooit per e-mail verstuurd.",
    "Een nieuwe pincode mag geen herhaalde of opeenvolgende cijfers bevatten.",
]
CONF = [
    "Behandel klantgegevens vertrouwelijk en deel ze alleen met collega's die ze voor hun werk nodig hebben.",
    "Documenten die als vertrouwelijk zijn geclassificeerd, mogen niet naar privé-mailadressen worden gestuurd.",
    "Hoe label ik een vertrouwelijk document? Gebruik de knop Vertrouwelijkheid in Office en kies het juiste niveau.",
    "'Alleen voor intern gebruik' betekent dat je het document mag delen met medewerkers en inhuur, maar niet met klanten of partners.",
    "Ons classificatiebeleid kent vier niveaus: Openbaar, Intern, Vertrouwelijk en Strikt vertrouwelijk.",
    "Vind je een vertrouwelijke afdruk bij de printer, lever die dan in bij Facilitair.",
    "Je geheimhoudingsplicht blijft gelden nadat je uit dienst bent gegaan.",
    "Plak geen vertrouwelijke informatie in externe vertaaltools.",
    "Vraag de eigenaar om toestemming voordat je een document met beperkte verspreiding doorstuurt.",
    "Sjablonen voor geheimhoudingsovereenkomsten (NDA) staan op het intranet van Juridische Zaken.",
    "Classificeer bestanden volgens de richtlijn voordat je ze naar SharePoint uploadt.",
    "De training over het omgaan met gevoelige informatie is verplicht voor nieuwe medewerkers.",
]
LOOK = [
    "Je bestelling {order} is verzonden; de track-en-tracecode is {track}.",
    "Ik heb ticket {inc} aangemaakt voor het VPN-probleem.",
    "De fix zit in commit {commit} op de main-branch.",
    "SHA-256-controlesom van het installatiebestand: {sha}",
    "Installeer versie {ver} van de client.",
    "Het boek dat je aanvroeg (ISBN {isbn}) ligt in de bibliotheek.",
    "De vergadering is in ruimte {room} om {time} op {date}.",
    "Voor Facilitair bel je toestel {ext}.",
    "Artikel {sku} is uitverkocht tot volgende maand.",
    "Factuur {inv} is betaald op {date}.",
    "De logbestanden staan in {path}.",
    "De installatiehandleiding staat op {url}",
    "De printer op jouw verdieping is {host} ({ip}).",
    "Gepubliceerde salarisschalen: {band}.",
    "Onze zakelijke rekeningen lopen via {bankname}; Treasury weet de details.",
    "Vermeld aanvraag-ID {uuid} in je antwoord.",
    "Inventarisnummer {asset} hoort bij de pc van de receptie; inkooporder {po}.",
]


def BAND(r):
    g = r.randint(6, 12)
    lo = 2800 + (g - 6) * 450
    return f"Schaal {g}: € {grp(lo, '.')} – € {grp(lo + 1400, '.')} bruto per maand"


HELP = {
    "leave": ["Verlof vraag je aan in het HR-portaal onder Afwezigheid.", "Halve dagen opnemen kan ook.", "Voor meer dan vijf dagen vraag je het minstens twee weken vooraf aan."],
    "expenses": ["Declaraties sluiten aan het einde van de maand en worden op de 25e van de volgende maand uitbetaald.", "Maak gewoon een foto van je bonnetjes en upload die; de originelen hoeven niet.", "Uitgaven boven € 500 hebben vooraf goedkeuring nodig."],
    "vpn": ["Start de VPN-client via het pictogram in de taakbalk en kies de dichtstbijzijnde gateway.", "Lukt verbinden niet, meld je dan af in de client en opnieuw aan.", "Bij wifi-problemen thuis helpt vaak een netwerkkabel of de hotspot van je telefoon."],
    "laptop": ["Laptops worden na vier jaar vervangen.", "Is je laptop kapot, meld dat dan via het IT-portaal.", "Een leenlaptop staat de volgende werkdag klaar."],
    "travel": ["Boek dienstreizen via de reistool, dan ben je verzekerd.", "Vluchten korter dan zes uur gaan in economy.", "Buitenlandse reizen moeten twee weken vooraf zijn goedgekeurd."],
    "onboarding": ["Meld je op je eerste dag om 9.30 uur bij de hoofdreceptie.", "Je pas en laptop krijg je op de eerste dag.", "De eerste week staan kennismaking met het team en de securitytraining gepland."],
    "benefits": ["De jaarlijkse gezondheidscheck is in oktober.", "Het budget voor secundaire arbeidsvoorwaarden vervalt aan het eind van het boekjaar.", "De thuiswerkvergoeding wordt maandelijks met je salaris uitbetaald."],
}
