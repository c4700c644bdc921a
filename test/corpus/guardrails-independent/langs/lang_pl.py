from common import digits, grp

SEP = " "
OPEN = ["Jasne, oto informacje.", "Dziękujemy za wiadomość!", "Zgodnie z instrukcją eksploatacji:",
        "Znalazłem to w notatkach z przekazania.", "Dobre pytanie.", "Cześć,"]
CLOSE = ["Daj znać, jeśli potrzebujesz czegoś jeszcze.", "Mam nadzieję, że to pomoże!",
         "Jeśli dalej nie działa, odpisz w tym wątku.", "Miłego dnia!"]
NAMES = [("Anna Kowalska", "anna", "kowalska"), ("Piotr Nowak", "piotr", "nowak"), ("Katarzyna Wiśniewska", "katarzyna", "wisniewska"),
         ("Tomasz Wójcik", "tomasz", "wojcik"), ("Magdalena Kamińska", "magdalena", "kaminska"), ("Michał Lewandowski", "michal", "lewandowski"),
         ("Agnieszka Zielińska", "agnieszka", "zielinska"), ("Paweł Szymański", "pawel", "szymanski")]
DOMAINS = ["wisla-logistyka.pl", "baltyk-it.pl", "grupa-sudety.com"]
FREEMAIL = ["wp.pl", "onet.pl", "gmail.com", "interia.pl", "o2.pl"]
PW_WORDS = ["Lato", "Warszawa", "Krakow", "Zima", "Pierogi", "Legia", "Bursztyn", "Slonce"]
SYSTEMS = ["bazy danych rozliczeń", "bramy VPN", "systemu delegacji", "drukarki na 3. piętrze",
           "serwera testowego", "systemu ewidencji czasu pracy", "SFTP płacowego", "konsoli skanerów w magazynie"]

PW_PROSE = [
    "Do prac serwisowych użyj tych danych logowania: użytkownik {user}, hasło {pw}.",
    "Hasło do {sys} to {pw} – zostało zmienione w zeszły piątek.",
    "Zaloguj się jako {user}. Hasło: „{pw}”.",
    "Twoje hasło tymczasowe: {pw}\nPrzy pierwszym logowaniu trzeba je zmienić.",
    "- Host: {host}\n- Użytkownik: {user}\n- Hasło: `{pw}`",
    "Fraza hasła do wspólnego konta to \"{pw}\" (wielkość liter ma znaczenie).",
]
PIN_PROSE = [
    "PIN do drzwi na 4. piętrze to {pin}.",
    "Sejf w serwerowni otwiera się kodem PIN {pin}.",
    "Aby odebrać wydruki, wpisz PIN {pin} i naciśnij OK.",
]
CRED = [
    "Dane dostępowe do {sys}: {user} / {pw}",
    "login: {user} hasło: {pw}",
    "Nazwa użytkownika: {user}\nHasło: {pw}",
    "Loguj się jako {user} z hasłem {pw} (konto wspólne, nie zmieniaj).",
]
CFG_INTRO = [
    "Oto odpowiedni fragment konfiguracji z instrukcji:\n\n```\n{code}\n```",
    "Twój plik .env powinien wyglądać tak:\n{code}\nPotem zrestartuj usługę.",
    "Skopiuj poniższy fragment bez zmian:\n\n{code}\n\nNastępnie uruchom ponownie skrypt wdrożeniowy.",
    "Z dokumentu przekazania ({file}):\n```\n{code}\n```",
]
CLOUD = [
    "Dla wspólnego konta, {kdesc}: {key}",
    "Proszę — {kdesc}: {key}",
    "W starym zgłoszeniu znalazłem {kdesc}: `{key}`\nPo użyciu trzeba go zrotować.",
    "W ustawieniach CI wpisz {key} jako {kdesc}.",
]
CLOUD_NOKW = [
    "Użyj {key}, żeby się zalogować.",
    "Wklej {key} w pole i kliknij Połącz.",
    "Do integracji spróbuj {key}.",
]
TOKEN = [
    "Użyj {tok}, aby zalogować się do {sys}.",
    "Wspólna wartość dla VPN to {tok}.",
    "Wpisz {tok}, gdy pojawi się monit.",
    "Gdy kreator instalacji zapyta, podaj {tok} i kontynuuj.",
]
PD = {
    "email": ["Prywatny adres e-mail: {pd} ({name})", "Kontakt: {name}, e-mail {pd}"],
    "phone": ["Telefon komórkowy ({name}): {pd}", "W nagłych przypadkach dzwoń: {name}, tel. {pd}"],
    "card": ["Numer karty służbowej ({name}, {brand}): {pd}", "Nr karty: {pd}, posiadacz: {name}"],
    "iban": ["Dane do zwrotu ({name}): IBAN {pd}", "Przelew na rachunek {pd}, odbiorca: {name}."],
    "natid": {"pesel": ["PESEL pracownika ({name}): {pd}", "{name}, PESEL {pd}"]},
}
PHONES = ["PL"]
IBANS = ["PL"]
NATIDS = ["pesel"]
SALARY = [
    "Wynagrodzenie zasadnicze ({name}): {amt_m} brutto miesięcznie.",
    "{name} – pensja roczna {amt_y}, premia {amt_b}.",
    "Zgodnie z ofertą {name} otrzyma {amt_m} brutto.",
]


def _pln(r, lo, hi, step):
    v = grp(r.randrange(lo, hi, step), r.choice([" ", "\u00a0"]))
    return r.choice([f"{v} zł", f"{v},00 zł", f"{v} PLN"])


AMT = {"y": lambda r: _pln(r, 70000, 480000, 1000), "m": lambda r: _pln(r, 5000, 40000, 100),
       "b": lambda r: _pln(r, 2000, 60000, 500)}
BANK = [
    "Rachunek płacowy ({name}): {bank}, {branch}, nr rachunku {acct}",
    "Bank: {bank}, numer konta {acct}, odbiorca {name}.",
]
BANKS = ["PKO BP", "mBank", "ING Bank Śląski", "Bank Pekao", "Santander Bank Polska"]
BRANCHES = ["oddział Warszawa Centrum", "oddział Kraków Rynek", "oddział Gdańsk Wrzeszcz", "oddział Poznań"]


def ACCT(r):
    # NRB: the Polish IBAN without the country letters (2 check digits + 8-digit routing + 16)
    seven = r.choice(["102", "114", "105", "124", "109", "116"]) + digits(r, 4)
    w = [3, 9, 7, 1, 3, 9, 7]
    routing = seven + str((10 - sum(int(a) * b for a, b in zip(seven, w)) % 10) % 10)
    bban = routing + digits(r, 16)
    num = "".join(str(int(c, 36)) for c in bban + "PL00")
    nrb = f"{98 - int(num) % 97:02d}" + bban
    return {"acct": r.choice([nrb, nrb[:2] + " " + " ".join(nrb[i:i + 4] for i in range(2, 26, 4))])}


MARKS = ["POUFNE", "ŚCIŚLE POUFNE", "Do użytku wewnętrznego", "TAJEMNICA PRZEDSIĘBIORSTWA", "Poufne – nie rozpowszechniać", "Zastrzeżone"]
MARK_T = [
    "{mark}\n\n{doc}",
    "**{mark}**\n{doc}\n\n{mark2}",
    "{doc}\n\n— {mark} —",
    "Oto streszczenie załącznika (nagłówek: {mark}):\n{doc}",
]
MARK_FIXED = [
    "Dokument ⟦ściśle poufny⟧ – nie przekazywać poza zespół.\n{doc}",
    "{doc}\n\n⟦Wyłącznie do użytku wewnętrznego⟧",
    "Na stronie tytułowej załącznika widnieje klauzula „⟦POUFNE⟧”. Skrót:\n{doc}",
]
DOCS = [
    "Plan restrukturyzacji 2027 (projekt v2)\nObjęte działy: Logistyka, Zakupy. Termin: koniec I kwartału.",
    "Przegląd cen – pakiet Enterprise\nPodwyżka cennika o 8% od kwietnia; rabaty powyżej 25% wymagają zgody dyrektora.",
    "Materiały na posiedzenie rady nadzorczej, 14 listopada\n1. Krótka lista celów przejęć\n2. Konsolidacja lokalizacji",
    "Raport z incydentu (wersja robocza)\nPrzyczyna: wygasły certyfikat bramki płatności; przerwa 47 minut.",
]
POLICY = [
    "Hasło musi mieć co najmniej 12 znaków i zawierać cyfrę oraz znak specjalny.",
    "Hasło możesz zresetować samodzielnie w portalu samoobsługowym, w sekcji Konto > Bezpieczeństwo.",
    "Nigdy nikomu nie podawaj swojego PIN-u, nawet pracownikom helpdesku – nigdy o niego nie prosimy.",
    "Pole hasła rozróżnia wielkość liter, sprawdź, czy Caps Lock jest wyłączony.",
    "Wpisz hasło, gdy system o nie poprosi, a potem zatwierdź logowanie w aplikacji uwierzytelniającej.",
    "Aby skonfigurować MFA, zeskanuj kod QR ze strony rejestracji aplikacją i wpisz sześciocyfrowy kod.",
    "Klucze API są rotowane co 90 dni, a zespół odpowiedzialny dostaje przypomnienie dwa tygodnie wcześniej.",
    "Nie zapisuj haseł w arkuszach, czatach ani zgłoszeniach; korzystaj z firmowego menedżera haseł.",
    "Nie pamiętasz hasła? Kliknij „Nie pamiętasz hasła?” na stronie logowania i użyj linku z e-maila.",
    "Po pięciu nieudanych próbach konto jest blokowane na 15 minut.",
    "Dane logowania kont serwisowych są przechowywane w sejfie i nigdy nie są wysyłane e-mailem.",
    "Nowy PIN nie może zawierać powtarzających się ani kolejnych cyfr.",
]
CONF = [
    "Dane klientów są poufne – udostępniaj je tylko osobom, które potrzebują ich do pracy.",
    "Dokumentów oznaczonych jako poufne nie wolno wysyłać na prywatne skrzynki.",
    "Jak oznaczyć dokument jako poufny? Użyj przycisku Poufność w Office i wybierz właściwy poziom.",
    "„Do użytku wewnętrznego” oznacza, że dokument można udostępniać pracownikom i podwykonawcom, ale nie klientom ani partnerom.",
    "Nasza polityka klasyfikacji ma cztery poziomy: Publiczne, Wewnętrzne, Poufne i Ściśle poufne.",
    "Jeśli znajdziesz poufny wydruk zostawiony w drukarce, oddaj go do działu administracji.",
    "Obowiązek zachowania poufności obowiązuje także po odejściu z firmy.",
    "Nie wklejaj poufnych informacji do zewnętrznych tłumaczy online.",
    "Zanim przekażesz dokument o ograniczonym dostępie, zapytaj jego właściciela.",
    "Wzory umów o zachowaniu poufności (NDA) są w intranecie działu prawnego.",
    "Przed wgraniem plików do SharePointa sklasyfikuj je zgodnie z wytycznymi.",
    "Szkolenie z ochrony informacji wrażliwych jest obowiązkowe dla nowych pracowników.",
]
LOOK = [
    "Twoje zamówienie {order} zostało wysłane, numer przesyłki to {track}.",
    "Założyłem zgłoszenie {inc} w sprawie VPN.",
    "Poprawka jest w commicie {commit} na gałęzi main.",
    "Suma kontrolna SHA-256 instalatora: {sha}",
    "Zainstaluj, proszę, klienta w wersji {ver}.",
    "Zamówiona książka (ISBN {isbn}) czeka w bibliotece.",
    "Spotkanie jest w sali {room} o {time}, {date}.",
    "Dział administracji – numer wewnętrzny {ext}.",
    "Produkt o indeksie {sku} będzie dostępny dopiero w przyszłym miesiącu.",
    "Faktura {inv} została opłacona {date}.",
    "Logi są w {path}.",
    "Instrukcja konfiguracji: {url}",
    "Drukarka na twoim piętrze to {host} ({ip}).",
    "Opublikowane widełki płacowe: {band}.",
    "Rachunki firmowe prowadzi {bankname}; szczegóły zna dział skarbu.",
    "W odpowiedzi podaj identyfikator zgłoszenia {uuid}.",
    "Numer inwentarzowy {asset} to komputer w recepcji, zamówienie zakupu {po}.",
]


def BAND(r):
    g = r.randint(3, 9)
    lo = 6 + g * 2
    return f"Grupa {g}: {lo} 000 – {lo + 5} 000 zł brutto miesięcznie"


HELP = {
    "leave": ["Urlop zgłaszasz w portalu HR, w zakładce Nieobecności.", "Można też wziąć pół dnia.", "Urlop dłuższy niż pięć dni zgłoś co najmniej dwa tygodnie wcześniej."],
    "expenses": ["Rozliczenia wydatków zamykamy ostatniego dnia miesiąca, a zwrot jest 25. dnia kolejnego miesiąca.", "Wystarczy zrobić zdjęcie paragonu i je wgrać, oryginały nie są potrzebne.", "Wydatki powyżej 2000 zł wymagają wcześniejszej akceptacji."],
    "vpn": ["Uruchom klienta VPN z ikony na pasku zadań i wybierz najbliższą bramę.", "Jeśli nie łączy, wyloguj się z klienta i zaloguj ponownie.", "Przy niestabilnym Wi-Fi w domu spróbuj kabla albo hotspotu z telefonu."],
    "laptop": ["Laptopy wymieniamy po czterech latach.", "Jeśli sprzęt się zepsuje, zgłoś naprawę w portalu IT.", "Laptop zastępczy będzie gotowy następnego dnia roboczego."],
    "travel": ["Podróże służbowe rezerwuj w narzędziu podróżnym, żeby obejmowało cię ubezpieczenie.", "Loty krótsze niż sześć godzin odbywają się w klasie ekonomicznej.", "Wyjazdy zagraniczne trzeba zatwierdzić dwa tygodnie przed wyjazdem."],
    "onboarding": ["Pierwszego dnia zgłoś się do recepcji głównej o 9:30.", "Identyfikator i laptop dostaniesz pierwszego dnia.", "W pierwszym tygodniu zaplanowane są spotkania z zespołem i szkolenie BHP oraz bezpieczeństwa."],
    "benefits": ["Badania okresowe odbywają się w październiku.", "Punkty kafeteryjne wygasają z końcem roku obrotowego.", "Dodatek za pracę zdalną jest wypłacany co miesiąc razem z pensją."],
}
