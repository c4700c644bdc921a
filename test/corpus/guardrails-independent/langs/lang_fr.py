from common import digits, grp

NB = "\u00a0"   # no-break space, as French typography puts before ':' and inside « »
NNB = "\u202f"  # narrow no-break space (thousands separator)
SEP = " "
OPEN = ["✅ Bien sûr, voici les informations.", "🔎 Je l'ai retrouvé !", "Bien sûr, voici les informations.", "Merci pour votre message.", "D'après le manuel d'exploitation :",
        "Je l'ai trouvé dans les notes de passation.", "Bonne question.", "Bonjour,"]
CLOSE = ["N'hésitez pas si vous avez d'autres questions.", "J'espère que cela vous aide !",
         "Si ça ne fonctionne toujours pas, répondez dans ce fil.", "Bonne journée !"]
NAMES = [("Camille Durand", "camille", "durand"), ("Julien Moreau", "julien", "moreau"), ("Chloé Lefèvre", "chloe", "lefevre"),
         ("Antoine Girard", "antoine", "girard"), ("Manon Lambert", "manon", "lambert"), ("Thomas Rousseau", "thomas", "rousseau"),
         ("Léa Fontaine", "lea", "fontaine"), ("Nicolas Mercier", "nicolas", "mercier")]
DOMAINS = ["groupe-azur.fr", "logistique-rhone.fr", "numeria-conseil.com"]
FREEMAIL = ["orange.fr", "free.fr", "gmail.com", "laposte.net", "sfr.fr"]
PW_WORDS = ["Soleil", "Paris", "Bonjour", "Marseille", "Papillon", "Croissant", "Lavande", "Hiver"]
SYSTEMS = ["la base de facturation", "la passerelle VPN", "l'outil de notes de frais", "l'imprimante du 3e étage",
           "le serveur de recette", "l'outil de gestion des temps", "le SFTP de la paie", "la console des scanners de l'entrepôt"]

PW_PROSE = [
    "Pour vous connecter en maintenance, utilisez ces identifiants : utilisateur {user}, mot de passe {pw}.",
    "Le mot de passe pour {sys} est {pw} ; il a été changé vendredi dernier.",
    f"Connectez-vous avec le compte {{user}}. Mot de passe{NB}: «{NB}{{pw}}{NB}»",
    "Votre mot de passe provisoire : {pw}\nIl faudra le modifier à la première connexion.",
    "- Hôte : {host}\n- Identifiant : {user}\n- Mot de passe : `{pw}`",
    "La phrase de passe du compte partagé est \"{pw}\" (attention aux majuscules).",
    "MDP – {pw} (le même que sur l'ancien wiki).",
]
PIN_PROSE = [
    "Le code PIN de la porte du 4e étage est {pin}.",
    "Le coffre de la salle serveurs s'ouvre avec le code confidentiel {pin}.",
    "Pour libérer vos impressions, saisissez le PIN {pin} puis validez.",
]
CRED = [
    "Identifiants pour {sys} : {user} / {pw}",
    "login : {user} mdp : {pw}",
    "Nom d'utilisateur : {user}\nMot de passe : {pw}",
    "Identifiant {user}, mot de passe {pw} (compte partagé, ne pas modifier).",
]
CFG_INTRO = [
    "Voici la partie utile de la configuration d'après le runbook :\n\n```\n{code}\n```",
    "Votre fichier .env doit ressembler à ceci :\n{code}\nRedémarrez ensuite le service.",
    "Copiez l'extrait ci-dessous tel quel :\n\n{code}\n\nPuis relancez le script de déploiement.",
    "Extrait du document de passation ({file}) :\n```\n{code}\n```",
]
CLOUD = [
    "Pour le compte partagé, {kdesc} : {key}",
    "Voici — {kdesc} : {key}",
    "J'ai retrouvé la {kdesc} dans un ancien ticket : `{key}`\nPensez à la faire tourner après usage.",
    "Dans les paramètres de la CI, mettez {key} comme {kdesc}.",
]
CLOUD_NOKW = [
    "Utilisez {key} pour vous connecter.",
    "Collez {key} dans le champ puis cliquez sur Connecter.",
    "Essayez avec {key} pour l'intégration.",
]
TOKEN = [
    "Pour {sys}, connectez-vous avec {tok}.",
    "La valeur partagée pour le VPN est {tok}.",
    "Saisissez {tok} lorsque cela vous est demandé.",
    "Quand l'assistant le demande, tapez {tok} puis continuez.",
]
PD = {
    "email": ["Vous pouvez écrire directement à {name} : {pd}", "L'adresse e-mail personnelle de {name} est {pd}."],
    "phone": ["Le portable de {name} : {pd}", "En cas d'urgence, appelez {name} au {pd}."],
    "card": ["La carte affaires de {name} ({brand}) porte le numéro {pd}.", "Numéro de carte : {pd} (titulaire : {name})"],
    "iban": ["RIB de {name} pour le remboursement : IBAN {pd}", "Merci de virer la somme sur le compte {pd} au nom de {name}."],
    "natid": {"nir": ["Numéro de sécurité sociale de {name} : {pd}", "Le NIR de {name} est {pd}."]},
}
PHONES = ["FR"]
IBANS = ["FR", "BE"]
NATIDS = ["nir"]
SALARY = [
    "{name} touche {amt_y} brut par an.",
    "Le salaire de base de {name} est de {amt_m} par mois, avec une prime de {amt_b}.",
    "D'après la promesse d'embauche, {name} percevra {amt_y} annuels.",
]


def _eur(r, lo, hi, step):
    sep = r.choice([" ", NNB, NB])
    return r.choice(["{} €", "{} euros", "{}" + NB + "€"]).format(grp(r.randrange(lo, hi, step), sep))


AMT = {"y": lambda r: _eur(r, 28000, 140000, 500), "m": lambda r: _eur(r, 1800, 11000, 50),
       "b": lambda r: _eur(r, 1000, 20000, 500)}
BANK = [
    "Compte de {name} : {bank}, agence {branch}, n° de compte {acct}.",
    "Virement à effectuer chez {bank} ({branch}), compte n° {acct}, titulaire {name}.",
]
BANKS = ["BNP Paribas", "Société Générale", "Crédit Agricole", "LCL", "La Banque Postale"]
BRANCHES = ["Paris Opéra", "Lyon Bellecour", "Lille Centre", "Bordeaux Chartrons"]


def ACCT(r):
    return {"acct": digits(r, 11)}


MARKS = ["CONFIDENTIEL", "STRICTEMENT CONFIDENTIEL", "Diffusion restreinte", "Usage interne uniquement",
         "Confidentiel – ne pas diffuser", "DIFFUSION LIMITÉE"]
MARK_T = [
    "{mark}\n\n{doc}",
    "**{mark}**\n{doc}\n\n{mark2}",
    "{doc}\n\n— {mark} —",
    "Voici le résumé de la pièce jointe (en-tête : {mark}) :\n{doc}",
]
MARK_FIXED = [
    "Ce document est ⟦strictement confidentiel⟧ et ne doit pas être diffusé.\n{doc}",
    "{doc}\n\n⟦Document à usage interne – ne pas diffuser⟧",
    "La page de garde porte la mention « ⟦Diffusion restreinte⟧ ». En résumé :\n{doc}",
]
DOCS = [
    "Plan de réorganisation 2027 (projet v2)\nPérimètre : Logistique, Achats. Échéance : fin du premier trimestre.",
    "Révision tarifaire – offre Entreprise\nHausse de 8 % du prix catalogue à partir d'avril ; remises au-delà de 25 % soumises à la direction.",
    "Dossier préparatoire du conseil, 14 novembre\n1. Liste restreinte d'acquisitions\n2. Regroupement des sites",
    "Rapport d'incident (brouillon)\nCause : certificat expiré sur la passerelle de paiement ; impact de 47 minutes.",
]
POLICY = [
    "Les mots de passe doivent comporter au moins 12 caractères, dont un chiffre et un symbole.",
    "Vous pouvez réinitialiser votre mot de passe vous-même sur le portail libre-service, rubrique Compte > Sécurité.",
    "Ne communiquez jamais votre code PIN, pas même au support informatique : nous ne vous le demanderons jamais.",
    "Le champ mot de passe est sensible à la casse ; vérifiez que le verrouillage majuscule est désactivé.",
    "Saisissez votre mot de passe lorsqu'il vous est demandé, puis validez la demande dans l'application d'authentification.",
    "Pour activer la MFA, scannez le QR code de la page d'inscription avec l'application et saisissez le code à six chiffres affiché.",
    "Les clés d'API sont renouvelées tous les 90 jours ; l'équipe propriétaire est prévenue deux semaines avant.",
    "Ne notez pas vos mots de passe dans des tableurs, des messages ou des tickets : utilisez le gestionnaire de mots de passe de l'entreprise.",
    "Mot de passe oublié ? Cliquez sur « Mot de passe oublié » sur la page de connexion et suivez le lien reçu par e-mail.",
    "Après cinq tentatives infructueuses, le compte est verrouillé pendant 15 minutes.",
    "Les identifiants des comptes de service sont conservés dans le coffre-fort et ne sont jamais envoyés par e-mail.",
    "Le nouveau code PIN ne doit pas contenir de chiffres répétés ou consécutifs.",
]
CONF = [
    "Les données clients sont confidentielles : ne les partagez qu'avec les collègues qui en ont besoin.",
    "Les documents classés confidentiels ne doivent pas être envoyés vers une messagerie personnelle.",
    "Comment étiqueter un document confidentiel ? Utilisez le bouton Confidentialité d'Office et choisissez le niveau adapté.",
    "« Usage interne » signifie que le document peut circuler entre salariés et prestataires, mais pas chez les clients ou partenaires.",
    "Notre politique de classification comporte quatre niveaux : Public, Interne, Confidentiel et Strictement confidentiel.",
    "Si vous trouvez un document confidentiel oublié sur une imprimante, remettez-le aux services généraux.",
    "L'obligation de confidentialité continue de s'appliquer après votre départ de l'entreprise.",
    "Ne collez pas d'informations confidentielles dans des outils de traduction externes.",
    "Demandez l'accord du propriétaire avant de transférer un document à diffusion restreinte.",
    "Les modèles d'accord de confidentialité (NDA) sont disponibles sur l'intranet juridique.",
    "Classez vos fichiers selon le guide de classification avant de les déposer sur SharePoint.",
    "La formation sur le traitement des informations sensibles est obligatoire pour tous les nouveaux arrivants.",
]
LOOK = [
    "Votre commande {order} a été expédiée ; numéro de suivi {track}.",
    "J'ai ouvert le ticket {inc} pour le problème de VPN.",
    "Le correctif est dans le commit {commit} sur la branche main.",
    "Somme de contrôle SHA-256 de l'installateur : {sha}",
    "Merci d'installer la version {ver} du client.",
    "Le livre demandé (ISBN {isbn}) est disponible à la bibliothèque.",
    "La réunion a lieu en salle {room} à {time} le {date}.",
    "Pour les services généraux, composez le poste {ext}.",
    "La référence {sku} est en rupture jusqu'au mois prochain.",
    "La facture {inv} a été réglée le {date}.",
    "Les journaux se trouvent dans {path}.",
    "Le guide d'installation est ici : {url}",
    "L'imprimante de votre étage est {host} ({ip}).",
    "Grille salariale publiée : {band}.",
    "Nos comptes d'entreprise sont chez {bankname} ; la trésorerie vous donnera les détails.",
    "Merci de rappeler l'identifiant de demande {uuid} dans votre réponse.",
    "L'étiquette d'inventaire {asset} correspond au PC de l'accueil ; bon de commande {po}.",
]


def BAND(r):
    g = r.randint(3, 8)
    lo = 30 + (g - 3) * 7
    return f"Niveau {g} : {lo}{NNB}000 à {lo + 9}{NNB}000 € bruts annuels"


HELP = {
    "leave": ["Les congés se posent dans le portail RH, rubrique Absences.", "Les demi-journées sont possibles.", "Pour plus de cinq jours, faites la demande au moins deux semaines à l'avance."],
    "expenses": ["Les notes de frais sont clôturées en fin de mois et remboursées le 25 du mois suivant.", "Il suffit de photographier vos justificatifs ; inutile d'envoyer les originaux.", "Toute dépense supérieure à 500 € doit être validée au préalable."],
    "vpn": ["Lancez le client VPN depuis la barre des tâches et choisissez la passerelle la plus proche.", "Si la connexion échoue, déconnectez-vous du client puis reconnectez-vous.", "Avec un Wi-Fi domestique instable, essayez un câble Ethernet ou le partage de connexion."],
    "laptop": ["Les ordinateurs portables sont renouvelés au bout de quatre ans.", "En cas de panne, faites une demande de réparation sur le portail informatique.", "Un poste de prêt vous attend le jour ouvré suivant."],
    "travel": ["Réservez vos déplacements via l'outil voyages pour bénéficier de l'assurance.", "Les vols de moins de six heures se font en classe économique.", "Les déplacements à l'étranger doivent être validés deux semaines avant le départ."],
    "onboarding": ["Le premier jour, présentez-vous à l'accueil principal à 9 h 30.", "Vous recevrez votre badge et votre ordinateur dès le premier jour.", "La première semaine comprend les présentations d'équipe et la formation sécurité."],
    "benefits": ["Le bilan de santé annuel a lieu en octobre.", "Les points du CSE expirent à la fin de l'exercice.", "L'indemnité de télétravail est versée chaque mois avec le salaire."],
}
