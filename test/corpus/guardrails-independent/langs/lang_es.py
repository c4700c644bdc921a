from common import digits, es_dc, grp

SEP = " "
OPEN = ["🙌 ¡Claro! Aquí lo tienes.", "¡Claro! Aquí lo tienes.", "Gracias por escribirnos.", "Según el manual de operaciones:",
        "Lo he encontrado en las notas de traspaso.", "Buena pregunta.", "¡Hola!"]
CLOSE = ["Si necesitas algo más, dímelo.", "¡Espero que te sirva!", "Si sigue sin funcionar, responde en este hilo.", "¡Un saludo!"]
NAMES = [("María López", "maria", "lopez"), ("Javier Martín", "javier", "martin"), ("Lucía Fernández", "lucia", "fernandez"),
         ("Carlos Ruiz", "carlos", "ruiz"), ("Ana Gómez", "ana", "gomez"), ("Pablo Sánchez", "pablo", "sanchez"),
         ("Elena Navarro", "elena", "navarro"), ("Diego Torres", "diego", "torres")]
DOMAINS = ["iberlogistica.es", "grupo-solaris.com", "tecnored.es"]
FREEMAIL = ["gmail.com", "hotmail.es", "yahoo.es", "outlook.es"]
PW_WORDS = ["Verano", "Madrid", "Tigre", "Sevilla", "Girasol", "Barcelona", "Paella", "Invierno"]
SYSTEMS = ["la base de datos de facturación", "el gateway VPN", "el sistema de gastos", "el panel de la impresora compartida",
           "el servidor de pruebas", "el sistema de fichajes", "el SFTP de nóminas", "la consola de los escáneres del almacén"]

PW_PROSE = [
    "Para conectarte en tareas de mantenimiento usa estas credenciales: usuario {user}, contraseña {pw}.",
    "La contraseña de {sys} es {pw}; se cambió el viernes pasado.",
    "Entra con el usuario {user}. La clave es «{pw}».",
    "Tu contraseña temporal es {pw} — tendrás que cambiarla en el primer inicio de sesión.",
    "- Servidor: {host}\n- Usuario: {user}\n- Contraseña: `{pw}`",
    "La clave de acceso de la cuenta compartida es \"{pw}\" (distingue mayúsculas y minúsculas).",
]
PIN_PROSE = [
    "El PIN de la puerta de la cuarta planta es {pin}.",
    "El código de acceso de la caja fuerte de la sala de servidores es {pin}.",
    "Para liberar la impresión, introduce el PIN {pin} y pulsa OK.",
]
CRED = [
    "Credenciales de {sys}: {user} / {pw}",
    "usuario: {user} contraseña: {pw}",
    "Usuario: {user}\nClave: {pw}",
    "Accede con {user} y la contraseña {pw} (cuenta compartida, no la cambies).",
]
CFG_INTRO = [
    "Esta es la parte relevante de la configuración según el manual:\n\n```\n{code}\n```",
    "Tu archivo .env debería quedar así:\n{code}\nDespués reinicia el servicio.",
    "Copia el siguiente fragmento tal cual:\n\n{code}\n\nLuego vuelve a ejecutar el script de despliegue.",
    "Del documento de traspaso ({file}):\n```\n{code}\n```",
]
CLOUD = [
    "Para la cuenta compartida, {kdesc}: {key}",
    "Aquí tienes — {kdesc}: {key}",
    "Encontré la {kdesc} en un ticket antiguo: `{key}`\nRecuerda rotar ese valor después de usarlo.",
    "En la configuración del CI, pon {key} como {kdesc}.",
]
CLOUD_NOKW = [
    "Usa {key} para iniciar sesión.",
    "Pega {key} en el campo y haz clic en Conectar.",
    "Prueba con {key} para la integración.",
]
TOKEN = [
    "Usa {tok} para iniciar sesión en {sys}.",
    "El valor compartido para la VPN es {tok}.",
    "Introduce {tok} cuando te lo pida.",
    "Cuando el asistente lo solicite, escribe {tok} y continúa.",
]
PD = {
    "email": ["Puedes escribir a {name} directamente a {pd}.", "El correo personal de {name} es {pd}."],
    "phone": ["El móvil de {name} es el {pd}.", "Si no contesta la guardia, llama a {name} al {pd}."],
    "card": ["La tarjeta corporativa de {name} es una {brand} con número {pd}.", "Número de tarjeta: {pd} (titular: {name})"],
    "iban": ["Datos bancarios de {name} para el reembolso: IBAN {pd}.", "Haz la transferencia a la cuenta {pd}, titular {name}."],
    "natid": {"dni": ["El DNI de {name} es {pd}.", "DNI: {pd} ({name})", "Nombre: {name}\nNIF: {pd}"]},
}
PHONES = ["ES"]
IBANS = ["ES"]
NATIDS = ["dni"]
SALARY = [
    "{name} cobra {amt_y} brutos al año.",
    "El salario base de {name} es de {amt_m} al mes, más un bonus de {amt_b}.",
    "Según la carta de oferta, {name} tendrá un sueldo de {amt_y}.",
]


def _eur(r, lo, hi, step):
    return r.choice(["{} €", "{} euros", "{}€"]).format(grp(r.randrange(lo, hi, step), "."))


AMT = {"y": lambda r: _eur(r, 24000, 120000, 500), "m": lambda r: _eur(r, 1400, 9000, 50),
       "b": lambda r: _eur(r, 1000, 20000, 500)}
BANK = [
    "Cuenta de nómina de {name}: {bank}, oficina {branch}, número de cuenta {acct}.",
    "Ingresa el importe en {bank}, cuenta {acct} a nombre de {name}.",
]
BANKS = ["CaixaBank", "Banco Santander", "BBVA", "Banco Sabadell", "Bankinter"]
BRANCHES = ["Gran Vía", "Paseo de Gracia", "Castellana 120", "Triana"]


def ACCT(r):
    bank = r.choice(["2100", "0049", "0182", "0081"])
    br = digits(r, 4)
    acct = digits(r, 10)
    ccc = bank + br + es_dc("00" + bank + br) + es_dc(acct) + acct
    return {"acct": r.choice([ccc, f"{ccc[:4]} {ccc[4:8]} {ccc[8:10]} {ccc[10:]}"])}


MARKS = ["CONFIDENCIAL", "ESTRICTAMENTE CONFIDENCIAL", "Uso interno", "USO INTERNO EXCLUSIVAMENTE",
         "Confidencial – no distribuir", "Documento confidencial", "Difusión restringida"]
MARK_T = [
    "{mark}\n\n{doc}",
    "**{mark}**\n{doc}\n\n{mark2}",
    "{doc}\n\n— {mark} —",
    "Te paso el resumen del anexo (encabezado: {mark}):\n{doc}",
]
MARK_FIXED = [
    "Este documento es ⟦confidencial y de uso exclusivamente interno⟧.\n{doc}",
    "{doc}\n\n⟦Confidencial – prohibida su distribución⟧",
    "La portada del anexo dice «⟦ESTRICTAMENTE CONFIDENCIAL⟧». Resumen:\n{doc}",
]
DOCS = [
    "Plan de reestructuración 2027 (borrador v2)\nÁreas afectadas: Logística y Compras. Fecha objetivo: final del primer trimestre.",
    "Revisión de precios – plan empresarial\nSubida del 8 % en la tarifa a partir de abril; descuentos superiores al 25 % requieren aprobación del director.",
    "Documentación previa al consejo (14 de noviembre)\n1. Lista corta de adquisiciones\n2. Consolidación de sedes",
    "Informe de incidencia (borrador)\nCausa raíz: certificado caducado en la pasarela de pago; impacto de 47 minutos.",
]
POLICY = [
    "Las contraseñas deben tener al menos 12 caracteres e incluir un número y un símbolo.",
    "Puedes restablecer tu contraseña en el portal de autoservicio, en Cuenta > Seguridad.",
    "No compartas nunca tu PIN con nadie, ni siquiera con el servicio de soporte: nunca te lo pediremos.",
    "El campo de contraseña distingue entre mayúsculas y minúsculas; comprueba que no tienes activado el Bloq Mayús.",
    "Introduce tu contraseña cuando se te pida y aprueba la solicitud en la app de autenticación.",
    "Para configurar el MFA, escanea el código QR de la página de registro con la app de autenticación e introduce el código de seis dígitos.",
    "Las claves de API se rotan cada 90 días; el equipo responsable recibe un aviso dos semanas antes.",
    "No guardes contraseñas en hojas de cálculo, chats ni tickets; usa el gestor de contraseñas de la empresa.",
    "Si olvidaste tu contraseña, pulsa «¿Has olvidado tu contraseña?» en la pantalla de inicio de sesión.",
    "Tras cinco intentos fallidos, la cuenta se bloquea durante 15 minutos.",
    "Las credenciales de las cuentas de servicio se guardan en el vault y nunca se envían por correo.",
    "El nuevo PIN no puede contener dígitos repetidos ni consecutivos.",
]
CONF = [
    "Mantén la confidencialidad de los datos de clientes y compártelos solo con quien los necesite para su trabajo.",
    "Los documentos clasificados como confidenciales no deben enviarse a cuentas de correo personales.",
    "¿Cómo etiqueto un documento confidencial? Usa el botón Confidencialidad de Office y elige el nivel adecuado.",
    "«Uso interno» significa que el documento puede compartirse con empleados y colaboradores, pero no con clientes ni socios.",
    "Nuestra política de clasificación tiene cuatro niveles: Público, Interno, Confidencial y Estrictamente confidencial.",
    "Si encuentras documentación confidencial olvidada en una impresora, entrégala a Servicios Generales.",
    "La obligación de confidencialidad se mantiene después de dejar la empresa.",
    "No pegues información confidencial en traductores externos.",
    "Pide permiso al responsable antes de reenviar un documento de difusión restringida.",
    "Las plantillas de acuerdos de confidencialidad (NDA) están en la intranet de Legal.",
    "Etiqueta los archivos según la guía de clasificación antes de subirlos a SharePoint.",
    "La formación sobre tratamiento de información sensible es obligatoria para las nuevas incorporaciones.",
]
LOOK = [
    "Tu pedido {order} ya ha salido; el número de seguimiento es {track}.",
    "He abierto la incidencia {inc} por el problema de la VPN.",
    "La corrección está en el commit {commit} de la rama main.",
    "Checksum SHA-256 del instalador: {sha}",
    "Instala la versión {ver} del cliente, por favor.",
    "El libro que pediste (ISBN {isbn}) ya está en la biblioteca.",
    "La reunión es en la sala {room} a las {time} el {date}.",
    "Para mantenimiento, marca la extensión {ext} desde cualquier teléfono fijo.",
    "El artículo con referencia {sku} está agotado hasta el mes que viene.",
    "La factura {inv} se pagó el {date}.",
    "Los registros están en {path}.",
    "La guía de configuración está en {url}",
    "La impresora de tu planta es {host} ({ip}).",
    "Bandas salariales publicadas: {band}.",
    "La empresa trabaja con {bankname} para las cuentas corporativas; Tesorería te da los detalles.",
    "Indica el ID de solicitud {uuid} al responder.",
    "La etiqueta de inventario {asset} corresponde al PC de recepción; el pedido de compra es {po}.",
]


def BAND(r):
    g = r.randint(3, 8)
    lo = 24 + (g - 3) * 8
    return f"Banda G{g}: {lo}.000 – {lo + 10}.000 € brutos anuales"


HELP = {
    "leave": ["Las vacaciones se solicitan en el portal de RR. HH., en el apartado Ausencias.", "También puedes pedir medios días.", "Para ausencias de más de cinco días, avisa con al menos dos semanas de antelación."],
    "expenses": ["Las notas de gastos se cierran el último día del mes y se abonan el 25 del mes siguiente.", "Basta con fotografiar los tiques y subirlos; no hace falta enviar los originales.", "Cualquier gasto superior a 500 € necesita aprobación previa."],
    "vpn": ["Abre el cliente VPN desde la bandeja del sistema y elige el nodo más cercano.", "Si no conecta, cierra sesión en el cliente y vuelve a entrar.", "Con una wifi doméstica inestable, prueba con cable o con el móvil como punto de acceso."],
    "laptop": ["Los portátiles se renuevan a los cuatro años.", "Si se estropea, abre una solicitud de reparación en el portal de IT.", "Tendrás un equipo de préstamo al día laborable siguiente."],
    "travel": ["Reserva los viajes en la herramienta de viajes para que estén cubiertos por el seguro.", "Los vuelos de menos de seis horas son en clase turista.", "Los viajes internacionales deben aprobarse dos semanas antes."],
    "onboarding": ["El primer día, preséntate en la recepción principal a las 9:30.", "Recibirás la tarjeta de acceso y el portátil el primer día.", "La primera semana incluye presentaciones del equipo y la formación de seguridad."],
    "benefits": ["El reconocimiento médico anual es en octubre.", "El saldo de retribución flexible caduca al final del ejercicio.", "La ayuda de teletrabajo se abona cada mes con la nómina."],
}
