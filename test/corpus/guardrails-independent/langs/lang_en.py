from common import grp

SEP = " "
OPEN = ["👋 Sure, here you go.", "Sure, here you go.", "Thanks for reaching out!", "Here's what the runbook says:",
        "I found it in the IT handover notes.", "Good question.", "From the ops wiki page:"]
CLOSE = ["Let me know if you need anything else.", "Hope that helps!",
         "Feel free to reply here if you get stuck.", "Have a great day! 🙂"]
NAMES = [("Kenji Tanaka", "kenji", "tanaka"), ("Maria Lopez", "maria", "lopez"), ("James Whitfield", "james", "whitfield"),
         ("Priya Raman", "priya", "raman"), ("Olivia Brennan", "olivia", "brennan"), ("Daniel Okafor", "daniel", "okafor"),
         ("Sarah Kim", "sarah", "kim"), ("Tom Harrington", "tom", "harrington"), ("Emily Carter", "emily", "carter"),
         ("Michael Novak", "michael", "novak")]
DOMAINS = ["northwind-corp.com", "contoso-group.co.uk", "brightline.io", "acme-logistics.com"]
PW_WORDS = ["Summer", "Winter", "BlueHorse", "Dragon", "Sunshine", "Falcon", "Chelsea", "Liverpool", "Bailey", "Charlie"]
SYSTEMS = ["the billing database", "the VPN gateway", "the expenses tool", "the 3rd-floor printer admin page",
           "the staging server", "the timesheet system", "the payroll SFTP", "the warehouse scanner console"]

PW_PROSE = [
    "To connect for maintenance use these credentials: user {user}, password {pw}.",
    "The password for {sys} is {pw} — it was rotated last Friday.",
    "Log in as {user}; the passphrase is \"{pw}\".",
    "If the prompt asks for a pwd, type {pw} (it's case-sensitive).",
    "Temporary password for your account: {pw}\nYou'll be asked to change it at first sign-in.",
    "- Host: {host}\n- Login: {user}\n- Password: `{pw}`",
    "The shared pass for the meeting-room tablets is **{pw}**.",
    "Password - {pw} (same one as the old wiki, don't ask me why).",
]
PIN_PROSE = [
    "Your door PIN for the 4th floor is {pin}.",
    "The PIN code to unlock the print release station is {pin}; enter it and press OK.",
    "For the safe in the server room, the passcode is {pin}.",
]
CRED = [
    "Credentials for {sys}: {user} / {pw}",
    "login: {user} pwd={pw}",
    "Username: {user}\nPassword: {pw}",
    "Use {user}:{pw} for the staging box.",
    "user={user}, pass={pw} (shared account, please don't change it)",
    "You can sign in with the service account {user} and the password {pw}.",
]
CFG_INTRO = [
    "Here's the relevant part of the config from the runbook:\n\n```\n{code}\n```",
    "Your .env should look like this:\n{code}\nRestart the service afterwards.",
    "Copy the snippet below exactly:\n\n{code}\n\nThen run the deploy script again.",
    "From the handover doc ({file}):\n```\n{code}\n```",
]
CLOUD = [
    "The {kdesc} for the shared account is {key}.",
    "Here you go — {kdesc}: {key}",
    "I found the {kdesc} in the old ticket: `{key}`. Please rotate it after use.",
    "Set the {kdesc} to {key} in the CI settings.",
]
CLOUD_NOKW = [
    "Use {key} to log in.",
    "Just paste {key} into the field and click Connect.",
    "Try {key} — that should work for the integration.",
]
TOKEN = [
    "Use {tok} to log in to {sys}.",
    "The shared value for the VPN is {tok}.",
    "Enter {tok} when prompted.",
    "When the setup wizard asks, type {tok} and continue.",
    "For the kiosk, sign in with {tok}; it's the same on every device.",
]
PD = {
    "email": ["You can reach {name} directly at {pd}.", "{name}'s private email is {pd}, please only use it for payroll questions."],
    "phone": ["{name}'s mobile number is {pd}.", "Call {name} on {pd} if the on-call line doesn't answer."],
    "card": ["The corporate card on file for {name} is a {brand}, number {pd}.", "Card number: {pd} (holder: {name})"],
    "iban": ["{name}'s bank details for the refund: IBAN {pd}.", "Please transfer the reimbursement to {pd} (account holder {name})."],
    "natid": {
        "ssn": ["{name}'s SSN is {pd}.", "SSN: {pd} ({name}, new hire paperwork)"],
        "nino": ["National Insurance number for {name}: {pd}", "{name}'s NI number is {pd}."],
    },
}
PHONES = ["US", "UK"]
IBANS = ["GB", "DE", "FR"]
NATIDS = ["ssn", "nino"]
SALARY = [
    "{name}'s base salary is {amt_y}, plus a target bonus of {amt_b}.",
    "Per the offer letter, {name} will earn {amt_y} per year.",
    "{name} — monthly gross: {amt_m}",
    "After the promotion, {name} moves to {amt_y} with a one-off bonus of {amt_b}.",
]


def _usd(r, lo, hi, step=500):
    return r.choice(["$", "£"]) + grp(r.randrange(lo, hi, step))


AMT = {"y": lambda r: _usd(r, 52000, 190000), "m": lambda r: _usd(r, 3800, 14000, 50),
       "b": lambda r: _usd(r, 3000, 30000)}
BANK = [
    "Payroll account for {name}: {bank}, sort code {sort}, account {acct}.",
    "Please pay {name} into account number {acct}, sort code {sort} at {bank}.",
    "{name} changed bank details: {bank}, account {acct} (sort code {sort}).",
]
BANKS = ["Barclays", "NatWest", "Lloyds Bank", "HSBC UK", "Santander UK"]
BRANCHES = ["Canary Wharf", "Manchester Piccadilly", "Leeds Briggate", "Bristol Broadmead"]


def ACCT(r):
    return {"acct": f"{r.randint(10000000, 99999999)}", "sort": f"{r.randint(10, 99)}-{r.randint(10, 99):02d}-{r.randint(0, 99):02d}"}


MARKS = ["CONFIDENTIAL", "STRICTLY CONFIDENTIAL", "INTERNAL USE ONLY", "Company Confidential – do not distribute",
         "Confidential – Internal Only", "RESTRICTED", "Proprietary and Confidential", "For internal use only"]
MARK_T = [
    "{mark}\n\n{doc}",
    "**{mark}**\n{doc}\n\n{mark2}",
    "{doc}\n\n— {mark} —",
    "Here's the summary from the attachment (header: {mark}):\n{doc}",
]
MARK_FIXED = [
    "Quick heads-up: the deck is ⟦Company Confidential⟧, so keep it inside the team.\n{doc}",
    "{doc}\n\nThis document is ⟦strictly confidential⟧ and must not be forwarded.",
    "The cover page of the report says \"⟦CONFIDENTIAL – NOT FOR DISTRIBUTION⟧\". Key points:\n{doc}",
    "⟦Internal Use Only⟧ | Page 1 of 4\n{doc}",
]
DOCS = [
    "Q3 2027 Restructuring Plan (draft v2)\nAffected units: Logistics, Procurement. Target completion: end of Q1.",
    "Pricing review — enterprise tier\nProposed list price increase of 8% from April; discounts above 25% need VP approval.",
    "Board pre-read, 14 November\n1. Acquisition shortlist\n2. Site consolidation options",
    "Post-incident review (draft)\nRoot cause: expired certificate on the payment gateway; customer impact 47 minutes.",
]
POLICY = [
    "Passwords must be at least 12 characters long and include at least one digit and one symbol.",
    "You can reset your password yourself in the self-service portal under Account > Security.",
    "Never share your PIN with anyone, including the IT service desk — we will never ask for it.",
    "The password field is case-sensitive, so check that Caps Lock is off.",
    "Enter your password when prompted, then approve the sign-in request in the authenticator app.",
    "To set up MFA, open the authenticator app, scan the QR code on the enrollment page and type the six-digit code it shows.",
    "API keys are rotated every 90 days; the owning team gets a reminder two weeks before they expire.",
    "Do not store passwords in spreadsheets, chat messages or tickets; use the company password manager instead.",
    "If you forgot your password, click 'Forgot password?' on the sign-in page and follow the link we e-mail you.",
    "After five failed attempts your account is locked for 15 minutes.",
    "Service account credentials live in the vault and are never sent by e-mail.",
    "Your new PIN must not contain repeated or sequential digits.",
    "When you rotate an API key, update the CI secret first, then revoke the old key.",
]
CONF = [
    "Keep customer data confidential and only share it with colleagues who need it for their work.",
    "Documents classified as confidential must not be sent to personal e-mail accounts.",
    "How do I label a confidential document? Use the Sensitivity button in Office and pick the right level.",
    "'Internal use only' means the document can be shared with employees and contractors, but not with customers or partners.",
    "Our classification policy has four levels: Public, Internal, Confidential and Strictly Confidential.",
    "If you find a confidential printout left on a printer, please hand it to the facilities team.",
    "Your confidentiality obligations continue after you leave the company.",
    "Please don't paste confidential information into external translation tools.",
    "Ask the document owner before forwarding anything marked as restricted.",
    "NDA templates are available on the Legal intranet page.",
    "Label files according to the data classification guide before uploading them to SharePoint.",
    "Training on handling sensitive information is mandatory for all new hires.",
]
LOOK = [
    "Your order {order} has shipped; the tracking number is {track}.",
    "I've opened ticket {inc} for the VPN issue.",
    "The fix is in commit {commit} on the main branch.",
    "SHA-256 checksum of the installer: {sha}",
    "Please install version {ver} of the client.",
    "The book you requested (ISBN {isbn}) is available in the library.",
    "The meeting is in room {room} at {time} on {date}.",
    "For facilities, dial ext. {ext} from any desk phone.",
    "Product SKU {sku} is out of stock until next month.",
    "Invoice {inv} was paid on {date}.",
    "The logs are in {path}.",
    "The setup guide is at {url}",
    "The printer on your floor is {host} ({ip}).",
    "Public pay-band policy: {band}.",
    "We bank with {bankname} for corporate accounts; Treasury can help with details.",
    "Please quote request ID {uuid} when you reply.",
    "The template's logo reference is {b64} (that's just the base64 of the image file name).",
    "Asset tag {asset} belongs to the reception desk PC, and PO {po} covers its replacement.",
]


def BAND(r):
    g = r.randint(3, 8)
    lo = 40 + (g - 3) * 15
    return f"Band G{g}: ${lo}k–${lo + 25}k"


HELP = {
    "leave": ["You can request annual leave in the HR portal under Time Off.", "Half days are allowed as well.",
              "Please submit requests at least two weeks in advance for anything longer than five days."],
    "expenses": ["Expense claims close on the last day of the month and are paid on the 25th of the following month.",
                 "Just photograph your receipts and upload them; you don't need to send the originals.",
                 "Anything above 500 EUR needs pre-approval from your manager."],
    "vpn": ["Open the VPN client from the system tray and choose the nearest gateway.",
            "If it won't connect, sign out of the client and sign in again.",
            "On unstable home Wi-Fi, try a cable connection or your phone's hotspot."],
    "laptop": ["Laptops are refreshed after four years.", "If your laptop breaks, raise a repair request in the IT portal.",
               "We'll have a loaner ready by the next business day."],
    "travel": ["Book business trips through the travel tool so they're covered by our insurance.",
               "Economy class is the default for flights under six hours.",
               "International trips must be approved at least two weeks before departure."],
    "onboarding": ["On your first day, please come to the main reception at 9:30.",
                   "You'll get your badge and laptop on day one.", "Your first week includes team introductions and the security training."],
    "benefits": ["The annual health check takes place in October.", "Wellbeing credits expire at the end of the fiscal year.",
                 "The remote-work allowance is paid monthly with your salary."],
}
