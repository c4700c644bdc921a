from common import digits, grp

SEP = " "
OPEN = ["👋 Klar, hier die Infos.", "Klar, hier die Infos.", "Danke für deine Anfrage!", "Laut Betriebshandbuch:",
        "Ich habe es in der Übergabedoku gefunden.", "Gute Frage.", "Hallo,"]
CLOSE = ["Melde dich, wenn du noch etwas brauchst.", "Ich hoffe, das hilft!",
         "Falls es nicht klappt, antworte einfach hier im Thread.", "Viele Grüße vom Service Desk"]
NAMES = [("Jonas Becker", "jonas", "becker"), ("Anna Schmidt", "anna", "schmidt"), ("Lukas Müller", "lukas", "mueller"),
         ("Sophie Wagner", "sophie", "wagner"), ("Felix Hoffmann", "felix", "hoffmann"), ("Laura Weber", "laura", "weber"),
         ("Maximilian Koch", "maximilian", "koch"), ("Katrin Vogel", "katrin", "vogel")]
DOMAINS = ["hanse-logistik.de", "nordstern-gruppe.de", "rheinwerk-it.com"]
FREEMAIL = ["gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de"]
PW_WORDS = ["Sommer", "Fruehling", "Hamburg", "Bayern", "Schalke", "Kaffee", "Sonnenschein", "Tannenbaum"]
SYSTEMS = ["die Abrechnungsdatenbank", "das VPN-Gateway", "das Reisekostentool", "den Testserver",
           "die Zeiterfassung", "den Etagendrucker", "den Lohn-SFTP", "die Scanner-Konsole im Lager"]

PW_PROSE = [
    "Für Wartungsarbeiten bitte diese Zugangsdaten verwenden: Benutzer {user}, Passwort {pw}.",
    "Das Passwort für {sys} lautet {pw} – es wurde letzten Freitag geändert.",
    "Melde dich als {user} an; das Kennwort ist „{pw}“.",
    "Dein Initialpasswort: {pw}\nBeim ersten Login musst du es ändern.",
    "- Host: {host}\n- Benutzer: {user}\n- Passwort: `{pw}`",
    "Das gemeinsame Passwort für die Besprechungsraum-Tablets ist **{pw}**.",
    "Passwort für {sys} ist {pw} (Groß-/Kleinschreibung beachten).",
]
PIN_PROSE = [
    "Die PIN für die Tür im 4. OG ist {pin}.",
    "Der Tresor im Serverraum lässt sich mit der PIN {pin} öffnen.",
    "Deine Drucker-PIN lautet {pin}; einfach am Gerät eingeben und mit OK bestätigen.",
]
CRED = [
    "Zugangsdaten für {sys}: {user} / {pw}",
    "Login: {user} Passwort: {pw}",
    "Benutzername: {user}\nKennwort: {pw}",
    "user={user}, pass={pw} (Sammelkonto, bitte nicht ändern)",
    "Anmeldung mit {user} und dem Kennwort {pw}.",
]
CFG_INTRO = [
    "Hier der relevante Teil der Konfiguration aus dem Runbook:\n\n```\n{code}\n```",
    "Deine .env sollte so aussehen:\n{code}\nDanach den Dienst neu starten.",
    "Bitte das folgende Snippet genau so übernehmen:\n\n{code}\n\nAnschließend das Deploy-Skript erneut ausführen.",
    "Aus dem Übergabedokument ({file}):\n```\n{code}\n```",
]
CLOUD = [
    "Für das gemeinsame Konto: {kdesc} = {key}",
    "Hier bitte – {kdesc}: {key}",
    "Im alten Ticket steht noch der {kdesc}: `{key}`\nBitte nach der Nutzung rotieren.",
    "Trag in den CI-Einstellungen {key} als {kdesc} ein.",
]
CLOUD_NOKW = [
    "Nimm {key} für die Anmeldung.",
    "Einfach {key} ins Feld kopieren und auf Verbinden klicken.",
    "Probier es für die Integration mal mit {key}.",
]
TOKEN = [
    "Mit {tok} kommst du in {sys} rein.",
    "Der gemeinsame Wert für das VPN ist {tok}.",
    "Gib {tok} ein, wenn du dazu aufgefordert wirst.",
    "Wenn der Einrichtungsassistent fragt, {tok} eintragen und weiter.",
]
PD = {
    "email": ["Du erreichst {name} direkt unter {pd}.", "Die private E-Mail-Adresse von {name} ist {pd}."],
    "phone": ["Die Handynummer von {name} lautet {pd}.", "Falls die Rufbereitschaft nicht rangeht: {name} unter {pd} anrufen."],
    "card": ["Die Firmenkreditkarte von {name} ({brand}) hat die Nummer {pd}.", "Kartennummer: {pd} (Inhaber: {name})"],
    "iban": ["Bankverbindung von {name} für die Erstattung: IBAN {pd}", "Bitte auf {pd} überweisen, Kontoinhaber {name}."],
    "natid": {"steuerid": ["Die Steuer-ID von {name} ist {pd}.", "Steuerliche Identifikationsnummer ({name}): {pd}"]},
}
PHONES = ["DE"]
IBANS = ["DE"]
NATIDS = ["steuerid"]
SALARY = [
    "{name} verdient {amt_y} brutto im Jahr.",
    "Das Grundgehalt von {name} beträgt {amt_m} monatlich, dazu kommt ein Bonus von {amt_b}.",
    "Laut Vertrag erhält {name} ein Jahresgehalt von {amt_y}.",
]


def _eur(r, lo, hi, step):
    return r.choice(["{} €", "{} EUR", "{},00 €", "EUR {}"]).format(grp(r.randrange(lo, hi, step), "."))


AMT = {"y": lambda r: _eur(r, 38000, 160000, 500), "m": lambda r: _eur(r, 2800, 12000, 50),
       "b": lambda r: _eur(r, 2000, 25000, 500)}
BANK = [
    "Kontonummer {acct} bei der {bank}, BLZ {blz}, Inhaber {name}.",
    "{name} hat das Gehaltskonto bei der {bank}: Kontonummer {acct}.",
]
BANKS = ["Sparkasse KölnBonn", "Deutschen Bank", "Commerzbank", "Berliner Volksbank", "Hamburger Sparkasse"]
BRANCHES = ["Filiale Mitte", "Filiale Altona", "Filiale Ehrenfeld"]


def ACCT(r):
    return {"acct": digits(r, 10).lstrip("0") or "1234567", "blz": r.choice(["370 501 98", "100 700 00", "200 505 50", "100 900 00"])}


MARKS = ["VERTRAULICH", "STRENG VERTRAULICH", "Nur für den internen Gebrauch", "INTERN",
         "Vertraulich – nicht weitergeben", "Nur für den Dienstgebrauch"]
MARK_T = [
    "{mark}\n\n{doc}",
    "**{mark}**\n{doc}\n\n{mark2}",
    "{doc}\n\n— {mark} —",
    "Hier die Zusammenfassung aus dem Anhang (Kopfzeile: {mark}):\n{doc}",
]
MARK_FIXED = [
    "Dieses Dokument ist ⟦streng vertraulich⟧ und darf nicht weitergegeben werden.\n{doc}",
    "{doc}\n\n⟦Nur für den internen Gebrauch⟧ – Stand: Entwurf",
    "Auf dem Deckblatt steht „⟦VERTRAULICH⟧“. Kurzfassung:\n{doc}",
]
DOCS = [
    "Restrukturierungsplan 2027 (Entwurf v2)\nBetroffene Bereiche: Logistik, Einkauf. Abschluss bis Ende Q1.",
    "Preisüberprüfung Enterprise-Tarif\nListenpreiserhöhung um 8 % ab April; Rabatte über 25 % nur mit Freigabe der Geschäftsleitung.",
    "Vorlage Aufsichtsrat, 14. November\n1. Shortlist Übernahmekandidaten\n2. Standortkonsolidierung",
    "Störungsbericht (Entwurf)\nUrsache: abgelaufenes Zertifikat am Payment-Gateway; Auswirkung 47 Minuten.",
]
POLICY = [
    "Passwörter müssen mindestens 12 Zeichen lang sein und mindestens eine Ziffer und ein Sonderzeichen enthalten.",
    "Dein Passwort kannst du selbst im Self-Service-Portal unter Konto > Sicherheit zurücksetzen.",
    "Gib deine PIN niemals weiter, auch nicht an den IT-Service – wir fragen nie danach.",
    "Beim Kennwort wird zwischen Groß- und Kleinschreibung unterschieden; prüfe, ob die Feststelltaste aus ist.",
    "Gib dein Passwort ein, wenn du dazu aufgefordert wirst, und bestätige dann die Anmeldung in der Authenticator-App.",
    "Für die MFA-Einrichtung scannst du den QR-Code auf der Registrierungsseite mit der Authenticator-App und gibst den sechsstelligen Code ein.",
    "API-Schlüssel werden alle 90 Tage rotiert; das zuständige Team wird zwei Wochen vorher erinnert.",
    "Passwörter gehören nicht in Excel-Listen, Chats oder Tickets – nutze den Passwortmanager des Unternehmens.",
    "Passwort vergessen? Klicke auf der Anmeldeseite auf „Passwort vergessen?“ und folge dem Link in der E-Mail.",
    "Nach fünf Fehlversuchen wird das Konto für 15 Minuten gesperrt.",
    "Zugangsdaten von Dienstkonten liegen im Vault und werden nie per E-Mail verschickt.",
    "Die neue PIN darf keine wiederholten oder aufsteigenden Ziffern enthalten.",
]
CONF = [
    "Kundendaten sind vertraulich zu behandeln und nur mit Kolleginnen und Kollegen zu teilen, die sie für ihre Arbeit brauchen.",
    "Als vertraulich eingestufte Dokumente dürfen nicht an private E-Mail-Adressen geschickt werden.",
    "Wie kennzeichne ich ein vertrauliches Dokument? Über die Schaltfläche „Vertraulichkeit“ in Office die passende Stufe wählen.",
    "„Nur für den internen Gebrauch“ heißt: Weitergabe an Mitarbeitende und Dienstleister ja, an Kunden oder Partner nein.",
    "Unsere Klassifizierungsrichtlinie kennt vier Stufen: Öffentlich, Intern, Vertraulich und Streng vertraulich.",
    "Wer vertrauliche Ausdrucke am Drucker findet, gibt sie bitte beim Facility Management ab.",
    "Die Verschwiegenheitspflicht gilt auch nach dem Ausscheiden aus dem Unternehmen.",
    "Bitte keine vertraulichen Informationen in externe Übersetzungsdienste kopieren.",
    "Vor dem Weiterleiten eingeschränkter Unterlagen bitte die verantwortliche Person fragen.",
    "Vorlagen für Geheimhaltungsvereinbarungen (NDA) findest du im Intranet der Rechtsabteilung.",
    "Dateien vor dem Hochladen nach dem Leitfaden zur Datenklassifizierung einstufen.",
    "Die Schulung zum Umgang mit sensiblen Informationen ist für alle neuen Mitarbeitenden Pflicht.",
]
LOOK = [
    "Deine Bestellung {order} ist unterwegs, Sendungsnummer {track}.",
    "Ich habe für das VPN-Problem das Ticket {inc} angelegt.",
    "Der Fix steckt in Commit {commit} auf dem main-Branch.",
    "SHA-256-Prüfsumme des Installers: {sha}",
    "Bitte installiere Version {ver} des Clients.",
    "Das gewünschte Buch (ISBN {isbn}) steht in der Bibliothek.",
    "Das Meeting ist in Raum {room} um {time} Uhr am {date}.",
    "Die Haustechnik erreichst du unter Durchwahl {ext}.",
    "Artikelnummer {sku} ist bis nächsten Monat ausverkauft.",
    "Rechnung {inv} wurde am {date} bezahlt.",
    "Die Logs liegen unter {path}.",
    "Die Anleitung findest du unter {url}",
    "Der Drucker auf deiner Etage ist {host} ({ip}).",
    "Veröffentlichte Gehaltsbänder: {band}.",
    "Unsere Firmenkonten führen wir bei der {bankname}; Details kennt das Treasury.",
    "Bitte gib bei Rückfragen die Vorgangs-ID {uuid} an.",
    "Inventarnummer {asset} gehört zum Empfangs-PC, die Bestellung dazu ist {po}.",
]


def BAND(r):
    g = r.randint(5, 12)
    lo = 40 + (g - 5) * 6
    return f"Entgeltgruppe E{g}: {lo}.000–{lo + 9}.000 € brutto/Jahr"


HELP = {
    "leave": ["Urlaub beantragst du im HR-Portal unter Abwesenheiten.", "Halbe Urlaubstage sind möglich.", "Für mehr als fünf Tage bitte mindestens zwei Wochen vorher beantragen."],
    "expenses": ["Reisekosten werden zum Monatsende abgeschlossen und am 25. des Folgemonats erstattet.", "Belege einfach fotografieren und hochladen, die Originale brauchen wir nicht.", "Ausgaben über 500 € müssen vorher genehmigt werden."],
    "vpn": ["Starte den VPN-Client über das Symbol in der Taskleiste.", "Wenn die Verbindung scheitert, melde dich im Client ab und wieder an.", "Bei wackligem WLAN zu Hause hilft oft ein LAN-Kabel."],
    "laptop": ["Laptops werden nach vier Jahren ausgetauscht.", "Defekte Geräte meldest du über das IT-Portal.", "Ein Leihgerät liegt spätestens am nächsten Werktag bereit."],
    "travel": ["Dienstreisen bitte über das Reisetool buchen, damit der Versicherungsschutz greift.", "Flüge unter sechs Stunden werden in der Economy gebucht.", "Auslandsreisen müssen zwei Wochen vorher genehmigt sein."],
    "onboarding": ["Am ersten Tag meldest du dich um 9:30 Uhr am Empfang.", "Ausweis und Laptop bekommst du gleich am ersten Tag.", "In der ersten Woche stehen Teamvorstellungen und die Sicherheitsschulung an."],
    "benefits": ["Der Gesundheitscheck findet jedes Jahr im Oktober statt.", "Das Budget für Sachbezüge verfällt zum Ende des Geschäftsjahres.", "Die Homeoffice-Pauschale wird monatlich mit dem Gehalt ausgezahlt."],
}
