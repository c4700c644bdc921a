from common import digits, grp

SEP = " "
OPEN = ["😊 Claro, aqui estão as informações.", "Claro, aqui estão as informações.", "Obrigado pelo contato!", "Segundo o manual de operações:",
        "Encontrei nas notas de passagem de turno.", "Boa pergunta.", "Olá!"]
CLOSE = ["Se precisar de mais alguma coisa, é só falar.", "Espero ter ajudado!",
         "Se continuar sem funcionar, responda neste tópico.", "Abraço!"]
NAMES = [("Ana Souza", "ana", "souza"), ("João Oliveira", "joao", "oliveira"), ("Mariana Costa", "mariana", "costa"),
         ("Pedro Almeida", "pedro", "almeida"), ("Beatriz Ferreira", "beatriz", "ferreira"), ("Rafael Lima", "rafael", "lima"),
         ("Carolina Ribeiro", "carolina", "ribeiro"), ("Tiago Martins", "tiago", "martins")]
DOMAINS = ["grupoatlantico.com.br", "logisul.com.br", "tejo-sistemas.pt"]
FREEMAIL = ["gmail.com", "hotmail.com", "uol.com.br", "sapo.pt", "outlook.com"]
PW_WORDS = ["Verao", "Saudade", "Flamengo", "Lisboa", "Brasil", "Sabiá", "Praia", "Inverno"]
SYSTEMS = ["o banco de dados de faturamento", "o gateway VPN", "o sistema de reembolso", "o painel da impressora do 3º andar",
           "o servidor de homologação", "o sistema de ponto", "o SFTP da folha de pagamento", "o console dos leitores do armazém"]

PW_PROSE = [
    "Para acessar em manutenção, use estas credenciais: usuário {user}, senha {pw}.",
    "A senha para {sys} é {pw} — foi trocada na sexta passada.",
    "Entre com o usuário {user}. A senha é \"{pw}\".",
    "Sua senha provisória: {pw}\nVocê precisará alterá-la no primeiro acesso.",
    "- Host: {host}\n- Usuário: {user}\n- Senha: `{pw}`",
    "A palavra-passe da conta partilhada é «{pw}» (sensível a maiúsculas).",
]
PIN_PROSE = [
    "O PIN da porta do 4º andar é {pin}.",
    "O cofre da sala de servidores abre com o código PIN {pin}.",
    "Para liberar a impressão, digite o PIN {pin} e confirme.",
]
CRED = [
    "Credenciais para {sys}: {user} / {pw}",
    "login: {user} senha: {pw}",
    "Usuário: {user}\nSenha: {pw}",
    "Acesse com {user} e a senha {pw} (conta compartilhada, não altere).",
]
CFG_INTRO = [
    "Esta é a parte relevante da configuração, segundo o runbook:\n\n```\n{code}\n```",
    "Seu arquivo .env deve ficar assim:\n{code}\nDepois reinicie o serviço.",
    "Copie o trecho abaixo exatamente como está:\n\n{code}\n\nEm seguida rode o script de deploy de novo.",
    "Do documento de passagem ({file}):\n```\n{code}\n```",
]
CLOUD = [
    "Para a conta compartilhada, {kdesc}: {key}",
    "Aqui está — {kdesc}: {key}",
    "Achei a {kdesc} num chamado antigo: `{key}`\nLembre de rotacionar depois de usar.",
    "Nas configurações do CI, coloque {key} como {kdesc}.",
]
CLOUD_NOKW = [
    "Use {key} para entrar.",
    "Cole {key} no campo e clique em Conectar.",
    "Tente com {key} para a integração.",
]
TOKEN = [
    "Para {sys}, entre com {tok}.",
    "O valor compartilhado da VPN é {tok}.",
    "Digite {tok} quando for solicitado.",
    "Quando o assistente pedir, informe {tok} e continue.",
]
PD = {
    "email": ["Você pode falar com {name} diretamente em {pd}.", "O e-mail pessoal de {name} é {pd}."],
    "phone": ["O celular de {name} é {pd}.", "Em caso de urgência, ligue para {name} no {pd}."],
    "card": ["O cartão corporativo de {name} ({brand}) tem o número {pd}.", "Número do cartão: {pd} (titular: {name})"],
    "iban": ["Dados bancários de {name} (filial de Lisboa): IBAN {pd}", "Transfira o reembolso para {pd}, titular {name}."],
    "natid": {"cpf": ["O CPF de {name} é {pd}.", "CPF: {pd} ({name})", "Nome: {name}\nCPF: {pd}"]},
}
PHONES = ["BR", "PT"]
IBANS = ["PT"]
NATIDS = ["cpf"]
SALARY = [
    "O salário de {name} é {amt_m} por mês.",
    "{name} recebe {amt_y} por ano, mais bônus de {amt_b}.",
    "Conforme a carta-oferta, o salário-base de {name} será de {amt_m}.",
]


def _brl(r, lo, hi, step):
    v = grp(r.randrange(lo, hi, step), ".")
    return r.choice([f"R$ {v}", f"R$ {v},00", f"R${v}"])


AMT = {"y": lambda r: _brl(r, 60000, 480000, 1000), "m": lambda r: _brl(r, 3500, 40000, 50),
       "b": lambda r: _brl(r, 3000, 60000, 500)}
BANK = [
    "Conta salário de {name}: {bank}, agência {branch}, conta corrente {acct}.",
    "Deposite no {bank}, ag. {branch}, c/c {acct}, em nome de {name}.",
]
BANKS = ["Banco do Brasil", "Itaú", "Bradesco", "Santander", "Nubank"]
BRANCHES = ["1234-5", "0457", "3061-2", "0912"]


def ACCT(r):
    return {"acct": f"{digits(r, r.choice([5, 6, 8]))}-{digits(r, 1)}", "branch": r.choice(["1234-5", "0457", "3061-2", "0912", "2271-0"])}


MARKS = ["CONFIDENCIAL", "ESTRITAMENTE CONFIDENCIAL", "Uso interno", "USO INTERNO – NÃO DIVULGAR",
         "Documento confidencial", "Restrito"]
MARK_T = [
    "{mark}\n\n{doc}",
    "**{mark}**\n{doc}\n\n{mark2}",
    "{doc}\n\n— {mark} —",
    "Segue o resumo do anexo (cabeçalho: {mark}):\n{doc}",
]
MARK_FIXED = [
    "Este documento é ⟦confidencial – uso restrito⟧.\n{doc}",
    "{doc}\n\n⟦Uso interno – proibida a divulgação⟧",
    "A capa do anexo diz \"⟦ESTRITAMENTE CONFIDENCIAL⟧\". Resumo:\n{doc}",
]
DOCS = [
    "Plano de reestruturação 2027 (minuta v2)\nÁreas afetadas: Logística e Compras. Conclusão prevista: fim do 1º trimestre.",
    "Revisão de preços – plano Empresarial\nAumento de 8% no preço de tabela a partir de abril; descontos acima de 25% exigem aprovação da diretoria.",
    "Material prévio do conselho, 14 de novembro\n1. Lista curta de aquisições\n2. Consolidação de unidades",
    "Relatório de incidente (rascunho)\nCausa raiz: certificado expirado no gateway de pagamento; impacto de 47 minutos.",
]
POLICY = [
    "As senhas devem ter pelo menos 12 caracteres e incluir um número e um símbolo.",
    "Você pode redefinir sua senha no portal de autoatendimento, em Conta > Segurança.",
    "Nunca compartilhe seu PIN com ninguém, nem com o suporte de TI — nós nunca vamos pedir.",
    "O campo de senha diferencia maiúsculas de minúsculas; confira se o Caps Lock está desligado.",
    "Digite sua senha quando solicitado e aprove o login no aplicativo autenticador.",
    "Para configurar o MFA, escaneie o QR code da página de cadastro com o aplicativo e digite o código de seis dígitos.",
    "As chaves de API são trocadas a cada 90 dias; o time responsável recebe um aviso duas semanas antes.",
    "Não guarde senhas em planilhas, chats ou chamados; use o cofre de senhas da empresa.",
    "Esqueceu a senha? Clique em \"Esqueci minha senha\" na tela de login e siga o link enviado por e-mail.",
    "Após cinco tentativas erradas, a conta fica bloqueada por 15 minutos.",
    "As credenciais das contas de serviço ficam no cofre e nunca são enviadas por e-mail.",
    "O novo PIN não pode ter dígitos repetidos nem sequenciais.",
]
CONF = [
    "Mantenha os dados de clientes em sigilo e compartilhe-os apenas com quem precisa deles para trabalhar.",
    "Documentos classificados como confidenciais não podem ser enviados para e-mails pessoais.",
    "Como rotular um documento confidencial? Use o botão Confidencialidade do Office e escolha o nível adequado.",
    "\"Uso interno\" significa que o documento pode circular entre funcionários e terceirizados, mas não com clientes ou parceiros.",
    "Nossa política de classificação tem quatro níveis: Público, Interno, Confidencial e Estritamente confidencial.",
    "Se encontrar um documento confidencial esquecido na impressora, entregue ao setor administrativo.",
    "O dever de sigilo continua valendo depois que você sai da empresa.",
    "Não cole informações confidenciais em tradutores externos.",
    "Peça autorização ao responsável antes de encaminhar um documento de acesso restrito.",
    "Os modelos de acordo de confidencialidade (NDA) estão na intranet do Jurídico.",
    "Classifique os arquivos conforme o guia de classificação antes de enviá-los ao SharePoint.",
    "O treinamento sobre tratamento de informações sensíveis é obrigatório para novos colaboradores.",
]
LOOK = [
    "Seu pedido {order} foi enviado; o código de rastreio é {track}.",
    "Abri o chamado {inc} para o problema da VPN.",
    "A correção está no commit {commit} da branch main.",
    "Checksum SHA-256 do instalador: {sha}",
    "Instale a versão {ver} do cliente, por favor.",
    "O livro que você pediu (ISBN {isbn}) está na biblioteca.",
    "A reunião é na sala {room} às {time} do dia {date}.",
    "Para a manutenção predial, disque o ramal {ext}.",
    "O item {sku} está esgotado até o mês que vem.",
    "A fatura {inv} foi paga em {date}.",
    "Os logs ficam em {path}.",
    "O guia de configuração está em {url}",
    "A impressora do seu andar é {host} ({ip}).",
    "Faixas salariais divulgadas: {band}.",
    "A empresa usa o {bankname} para as contas corporativas; a Tesouraria passa os detalhes.",
    "Informe o ID de solicitação {uuid} ao responder.",
    "A etiqueta de patrimônio {asset} é do PC da recepção; pedido de compra {po}.",
]


def BAND(r):
    g = r.randint(3, 8)
    lo = 4 + (g - 3) * 3
    return f"Faixa G{g}: R$ {lo}.000 a R$ {lo + 4}.000 por mês"


HELP = {
    "leave": ["As férias são solicitadas no portal de RH, em Ausências.", "Dá para tirar meio período também.", "Para mais de cinco dias, peça com pelo menos duas semanas de antecedência."],
    "expenses": ["Os reembolsos fecham no último dia do mês e são pagos no dia 25 do mês seguinte.", "Basta fotografar os recibos e enviar; não precisa mandar os originais.", "Despesas acima de R$ 2.000 precisam de aprovação prévia."],
    "vpn": ["Abra o cliente VPN pelo ícone da bandeja do sistema e escolha o gateway mais próximo.", "Se não conectar, saia do cliente e entre novamente.", "Com Wi-Fi instável em casa, tente o cabo de rede ou o roteador do celular."],
    "laptop": ["Os notebooks são trocados a cada quatro anos.", "Se o equipamento quebrar, abra um chamado de reparo no portal de TI.", "Um equipamento reserva fica pronto no próximo dia útil."],
    "travel": ["Reserve as viagens pela ferramenta de viagens para ter cobertura do seguro.", "Voos de até seis horas são na classe econômica.", "Viagens internacionais precisam ser aprovadas duas semanas antes."],
    "onboarding": ["No primeiro dia, apresente-se na recepção principal às 9h30.", "Você recebe o crachá e o notebook logo no primeiro dia.", "A primeira semana inclui apresentações da equipe e o treinamento de segurança."],
    "benefits": ["O check-up anual acontece em outubro.", "Os créditos do benefício flexível expiram no fim do ano fiscal.", "O auxílio home office é pago mensalmente junto com o salário."],
}
