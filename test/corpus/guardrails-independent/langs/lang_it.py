from common import digits, grp

SEP = " "
OPEN = ["Certo, ecco le informazioni.", "Grazie per averci scritto.", "Secondo il manuale operativo:",
        "L'ho trovato negli appunti di passaggio di consegne.", "Bella domanda.", "Ciao!"]
CLOSE = ["Fammi sapere se ti serve altro.", "Spero sia utile!", "Se continua a non funzionare, rispondi in questo thread.", "Buona giornata! ☀️"]
NAMES = [("Giulia Rossi", "giulia", "rossi"), ("Marco Bianchi", "marco", "bianchi"), ("Francesca Romano", "francesca", "romano"),
         ("Luca Colombo", "luca", "colombo"), ("Chiara Ricci", "chiara", "ricci"), ("Alessandro Greco", "alessandro", "greco"),
         ("Sara Bruno", "sara", "bruno"), ("Matteo Galli", "matteo", "galli")]
DOMAINS = ["gruppo-tirreno.it", "logistica-padana.it", "sistemi-alpha.com"]
FREEMAIL = ["libero.it", "gmail.com", "virgilio.it", "tiscali.it", "outlook.it"]
PW_WORDS = ["Estate", "Roma", "Juventus", "Milano", "Girasole", "Ciao", "Pizza", "Inverno"]
SYSTEMS = ["il database di fatturazione", "il gateway VPN", "il portale note spese", "la stampante del 3° piano",
           "il server di collaudo", "il sistema presenze", "l'SFTP delle paghe", "la console degli scanner di magazzino"]

PW_PROSE = [
    "Per collegarti in manutenzione usa queste credenziali: utente {user}, password {pw}.",
    "La password per {sys} è {pw}; è stata cambiata venerdì scorso.",
    "Accedi con l'utente {user}. La parola d'ordine è «{pw}».",
    "La tua password provvisoria è {pw}: dovrai cambiarla al primo accesso.",
    "- Host: {host}\n- Utente: {user}\n- Password: `{pw}`",
    "La passphrase dell'account condiviso è \"{pw}\" (attenzione a maiuscole e minuscole).",
]
PIN_PROSE = [
    "Il PIN della porta al 4° piano è {pin}.",
    "La cassaforte della sala server si apre con il codice PIN {pin}.",
    "Per sbloccare le stampe inserisci il PIN {pin} e premi OK.",
]
CRED = [
    "Credenziali per {sys}: {user} / {pw}",
    "login: {user} pwd: {pw}",
    "Nome utente: {user}\nPassword: {pw}",
    "Accedi come {user} con password {pw} (account condiviso, non modificarla).",
]
CFG_INTRO = [
    "Ecco la parte rilevante della configurazione secondo il runbook:\n\n```\n{code}\n```",
    "Il tuo file .env dovrebbe essere così:\n{code}\nPoi riavvia il servizio.",
    "Copia il frammento qui sotto così com'è:\n\n{code}\n\nQuindi rilancia lo script di deploy.",
    "Dal documento di passaggio di consegne ({file}):\n```\n{code}\n```",
]
CLOUD = [
    "Per l'account condiviso, {kdesc}: {key}",
    "Ecco qui — {kdesc}: {key}",
    "Ho trovato la {kdesc} in un vecchio ticket: `{key}`\nRicordati di ruotarla dopo l'uso.",
    "Nelle impostazioni della CI metti {key} come {kdesc}.",
]
CLOUD_NOKW = [
    "Usa {key} per accedere.",
    "Incolla {key} nel campo e clicca su Connetti.",
    "Prova con {key} per l'integrazione.",
]
TOKEN = [
    "Per {sys}, accedi con {tok}.",
    "Il valore condiviso per la VPN è {tok}.",
    "Inserisci {tok} quando richiesto.",
    "Quando la procedura guidata lo chiede, digita {tok} e prosegui.",
]
PD = {
    "email": ["Puoi scrivere a {name} direttamente all'indirizzo {pd}.", "L'e-mail personale di {name} è {pd}."],
    "phone": ["Il cellulare di {name} è {pd}.", "In caso di urgenza chiama {name} al {pd}."],
    "card": ["La carta aziendale di {name} ({brand}) ha il numero {pd}.", "Numero carta: {pd} (intestatario: {name})"],
    "iban": ["Coordinate bancarie di {name} per il rimborso: IBAN {pd}", "Effettua il bonifico su {pd}, intestato a {name}."],
    "natid": {"cf": ["Il codice fiscale di {name} è {pd}.", "Codice fiscale: {pd} ({name})"]},
}
PHONES = ["IT"]
IBANS = ["IT"]
NATIDS = ["cf"]
SALARY = [
    "{name} guadagna {amt_y} lordi all'anno.",
    "La RAL di {name} è di {amt_y}, più un premio di {amt_b}.",
    "Lo stipendio netto mensile di {name} è {amt_m}.",
]


def _eur(r, lo, hi, step):
    v = grp(r.randrange(lo, hi, step), ".")
    return r.choice([f"{v} €", f"€ {v}", f"{v} euro", f"{v},00 €"])


AMT = {"y": lambda r: _eur(r, 24000, 120000, 500), "m": lambda r: _eur(r, 1300, 7000, 50),
       "b": lambda r: _eur(r, 1000, 15000, 500)}
BANK = [
    "Conto di {name}: {bank}, filiale di {branch}, numero di conto {acct}.",
    "Accredito su {bank}, agenzia {branch}, c/c n. {acct} intestato a {name}.",
]
BANKS = ["Intesa Sanpaolo", "UniCredit", "Banco BPM", "BPER Banca", "Credem"]
BRANCHES = ["Milano Duomo", "Roma Prati", "Torino Centro", "Bologna Irnerio"]


def ACCT(r):
    return {"acct": r.choice([digits(r, 12), f"{digits(r, 4)}/{digits(r, 8)}", "0000" + digits(r, 8)])}


MARKS = ["RISERVATO", "STRETTAMENTE RISERVATO", "CONFIDENZIALE", "Uso interno", "Riservato – non divulgare", "Documento riservato"]
MARK_T = [
    "{mark}\n\n{doc}",
    "**{mark}**\n{doc}\n\n{mark2}",
    "{doc}\n\n— {mark} —",
    "Ecco il riepilogo dell'allegato (intestazione: {mark}):\n{doc}",
]
MARK_FIXED = [
    "Il presente documento è ⟦strettamente riservato⟧ e non può essere divulgato.\n{doc}",
    "{doc}\n\n⟦Ad uso interno – vietata la diffusione⟧",
    "In copertina c'è scritto «⟦RISERVATO⟧». In sintesi:\n{doc}",
]
DOCS = [
    "Piano di riorganizzazione 2027 (bozza v2)\nAree coinvolte: Logistica, Acquisti. Completamento entro fine Q1.",
    "Revisione prezzi – piano Enterprise\nAumento del listino dell'8% da aprile; sconti oltre il 25% solo con approvazione della direzione.",
    "Documentazione per il CdA, 14 novembre\n1. Shortlist acquisizioni\n2. Accorpamento delle sedi",
    "Rapporto di incidente (bozza)\nCausa: certificato scaduto sul gateway di pagamento; impatto di 47 minuti.",
]
POLICY = [
    "Le password devono avere almeno 12 caratteri e contenere almeno un numero e un simbolo.",
    "Puoi reimpostare la password in autonomia dal portale self-service, in Account > Sicurezza.",
    "Non comunicare mai il tuo PIN a nessuno, nemmeno all'help desk: non te lo chiederemo mai.",
    "Il campo password distingue maiuscole e minuscole: controlla che il Bloc Maiusc sia disattivato.",
    "Inserisci la password quando richiesto, poi approva l'accesso nell'app di autenticazione.",
    "Per attivare l'MFA, scansiona il QR code della pagina di registrazione con l'app e inserisci il codice a sei cifre.",
    "Le chiavi API vengono ruotate ogni 90 giorni; il team responsabile riceve un promemoria due settimane prima.",
    "Non salvare le password in fogli di calcolo, chat o ticket: usa il password manager aziendale.",
    "Password dimenticata? Clicca su \"Password dimenticata?\" nella pagina di accesso e segui il link ricevuto via e-mail.",
    "Dopo cinque tentativi errati l'account viene bloccato per 15 minuti.",
    "Le credenziali degli account di servizio sono custodite nel vault e non vengono mai inviate via e-mail.",
    "Il nuovo PIN non può contenere cifre ripetute o in sequenza.",
]
CONF = [
    "I dati dei clienti sono riservati: condividili solo con i colleghi che ne hanno bisogno per lavorare.",
    "I documenti classificati come riservati non vanno inviati a caselle di posta personali.",
    "Come etichettare un documento riservato? Usa il pulsante Riservatezza di Office e scegli il livello corretto.",
    "\"Uso interno\" significa che il documento può circolare tra dipendenti e collaboratori, ma non verso clienti o partner.",
    "La nostra policy di classificazione prevede quattro livelli: Pubblico, Interno, Riservato e Strettamente riservato.",
    "Se trovi una stampa riservata dimenticata sulla stampante, consegnala ai servizi generali.",
    "L'obbligo di riservatezza resta valido anche dopo la fine del rapporto di lavoro.",
    "Non incollare informazioni riservate in strumenti di traduzione esterni.",
    "Chiedi al responsabile prima di inoltrare un documento ad accesso limitato.",
    "I modelli di accordo di riservatezza (NDA) sono nella intranet dell'ufficio legale.",
    "Classifica i file secondo la guida prima di caricarli su SharePoint.",
    "La formazione sul trattamento delle informazioni sensibili è obbligatoria per i nuovi assunti.",
]
LOOK = [
    "Il tuo ordine {order} è stato spedito; il numero di tracciamento è {track}.",
    "Ho aperto il ticket {inc} per il problema della VPN.",
    "La correzione è nel commit {commit} sul branch main.",
    "Checksum SHA-256 del programma di installazione: {sha}",
    "Installa la versione {ver} del client, per favore.",
    "Il libro che hai richiesto (ISBN {isbn}) è disponibile in biblioteca.",
    "La riunione è in sala {room} alle {time} del {date}.",
    "Per la manutenzione chiama l'interno {ext}.",
    "L'articolo {sku} è esaurito fino al mese prossimo.",
    "La fattura {inv} è stata pagata il {date}.",
    "I log si trovano in {path}.",
    "La guida di configurazione è qui: {url}",
    "La stampante del tuo piano è {host} ({ip}).",
    "Fasce retributive pubblicate: {band}.",
    "Per i conti aziendali lavoriamo con {bankname}; la tesoreria ti darà i dettagli.",
    "Indica l'ID richiesta {uuid} quando rispondi.",
    "Il cespite {asset} è il PC della reception; ordine d'acquisto {po}.",
]


def BAND(r):
    g = r.randint(3, 8)
    lo = 26 + (g - 3) * 7
    return f"Livello {g}: da {lo}.000 a {lo + 8}.000 € lordi annui"


HELP = {
    "leave": ["Le ferie si richiedono dal portale HR, sezione Assenze.", "Puoi chiedere anche mezze giornate.", "Per assenze di oltre cinque giorni, fai richiesta con almeno due settimane di anticipo."],
    "expenses": ["Le note spese si chiudono a fine mese e vengono rimborsate il 25 del mese successivo.", "Basta fotografare gli scontrini e caricarli: gli originali non servono.", "Le spese sopra i 500 € richiedono un'approvazione preventiva."],
    "vpn": ["Avvia il client VPN dall'icona nella barra delle applicazioni e scegli il gateway più vicino.", "Se non si connette, esci dal client e accedi di nuovo.", "Con il Wi-Fi di casa instabile, prova con il cavo o con l'hotspot del telefono."],
    "laptop": ["I portatili vengono sostituiti dopo quattro anni.", "In caso di guasto apri una richiesta di riparazione sul portale IT.", "Un portatile sostitutivo è pronto entro il giorno lavorativo successivo."],
    "travel": ["Prenota le trasferte con lo strumento viaggi, così sei coperto dall'assicurazione.", "I voli sotto le sei ore sono in classe economica.", "Le trasferte all'estero vanno approvate due settimane prima."],
    "onboarding": ["Il primo giorno presentati alla reception principale alle 9:30.", "Badge e portatile ti vengono consegnati il primo giorno.", "La prima settimana prevede le presentazioni del team e il corso sulla sicurezza."],
    "benefits": ["Il check-up annuale si svolge a ottobre.", "Il credito welfare scade a fine esercizio.", "L'indennità per lo smart working viene pagata ogni mese con lo stipendio."],
}
