// The hand-written content of the standard-answer pair set. build.mjs turns it into pairs.json
// (ids, kinds, the dev/test split); edit here, then rerun build.mjs.
//
// Each entry is one standard question as an HR/IT author would write it, with:
//   same      — employee questions the standard answer fully answers (label "same")
//   nearMiss  — questions on the same topic, sharing many words, that the standard answer would
//               answer wrongly (label "different")
//   unrelated — optional: a question on a clearly different topic (label "different")
// A plain string is in the standard's own language; [language, text] names the language, which for
// a `same` entry in another language makes it a cross-language paraphrase. A third element,
// [language, text, otherStandardQuestion], marks a "different" question that another standard in
// this set answers; build.mjs turns it into the pair's `sameAs` field (the other standard's id).

export const STANDARDS = [
  // ---------------------------------------------------------------- English
  {
    language: 'en',
    topic: 'leave',
    question: 'How many days of annual leave do full-time employees get per year?',
    same: [
      'how much PTO do i get a yr as a full timer?',
      "What's the yearly vacation allowance for full-time staff?",
      ['ja', '正社員の年間有給休暇は何日ですか？'],
    ],
    nearMiss: [
      'How many days of annual leave do part-time employees get per year?',
      'How many unused annual leave days can I carry over into next year?',
    ],
    unrelated: "Where can I find this week's cafeteria menu?",
  },
  {
    language: 'en',
    topic: 'it-access',
    question: 'How do I reset my VPN password?',
    same: [
      'forgot my vpn pasword, how do i reset it?',
      "The VPN keeps rejecting my password and I can't remember it. How do I get a new one?",
      ['de', 'Wie setze ich mein VPN-Passwort zurück?'],
    ],
    nearMiss: [
      ['ja', 'Slackのパスワードをリセットするにはどうすればいいですか？'],
      'How do I install the VPN client on my new laptop?',
    ],
  },
  {
    language: 'en',
    topic: 'security',
    question: 'What should I do if I receive a suspicious phishing email?',
    same: [
      'Got a weird email asking me to log in somewhere. What do I do with it?',
      'I think someone sent me a phishing mail, what is the procedure?',
    ],
    nearMiss: [
      'What should I do if I clicked a link in a phishing email and typed in my password?',
      'How do I stop receiving marketing spam emails?',
    ],
    unrelated: ['es', '¿Dónde está la sala de lactancia?'],
  },
  {
    language: 'en',
    topic: 'payroll',
    question: 'On what day of the month is salary paid?',
    same: [
      'When do we get paid each month?',
      "What's payday here?",
      ['es', '¿Qué día del mes se paga la nómina?'],
    ],
    nearMiss: [['zh', '报销款每个月几号发？'], 'When will I receive my annual bonus?'],
    unrelated: 'Is there a quiet room for phone calls on the third floor?',
  },
  {
    language: 'en',
    topic: 'travel',
    question: 'Do I need manager approval before booking a business trip?',
    same: [
      'Does my manager have to sign off before I book travel for work?',
      'do i need approval to book a work trip?',
    ],
    nearMiss: [
      'Do I need manager approval before working from home?',
      'Do I have to book business trips through the company travel agency?',
    ],
  },
  {
    language: 'en',
    topic: 'facilities',
    question: 'How do I book a meeting room?',
    same: [
      "What's the way to reserve a conference room?",
      'how can i grab a meeting room for tomorrow afternoon',
      ['fr', 'Comment réserver une salle de réunion ?'],
    ],
    nearMiss: ['How do I cancel a meeting room booking?', 'How do I book a desk in the hot-desking area?'],
    unrelated: ['ja', '給与明細はどこで見られますか？'],
  },
  {
    language: 'en',
    topic: 'benefits',
    question: 'Does the company pay for gym memberships?',
    same: ['Is there any gym subsidy?', 'Can I get my gym membership reimbursed?'],
    nearMiss: ['Is there a gym in the office building?', 'Does the company pay for language courses?'],
  },
  {
    language: 'en',
    topic: 'equipment',
    question: 'How do I get a laptop for a new hire on my team?',
    same: [
      'Someone new is starting on my team next month. How do I order their laptop?',
      'What is the process to request a computer for a new team member?',
    ],
    nearMiss: [
      'How do I return my laptop when I leave the company?',
      'How do I get my own laptop replaced because it is broken?',
    ],
  },
  {
    language: 'en',
    topic: 'security',
    question: 'What should I do if my laptop is lost or stolen?',
    same: [
      'I left my work laptop on the train, what now?',
      'My laptop got stolen from my car. Who do I tell?',
      ['ko', '노트북을 분실했을 때 어떻게 해야 하나요?'],
    ],
    nearMiss: [
      'What should I do if my laptop screen is cracked?',
      'What should I do if I find a laptop someone left in a meeting room?',
    ],
  },
  {
    language: 'en',
    topic: 'payroll',
    question: 'How do I change the bank account my salary is paid into?',
    same: [
      'I switched banks. How do I update where my pay goes?',
      'Need to update my direct deposit details for payroll, how?',
    ],
    nearMiss: ['How do I change my home address in the HR system?', 'How do I download my payslips?'],
  },
  {
    language: 'en',
    topic: 'leave',
    question: 'How much notice do I need to give before taking parental leave?',
    same: [
      'How far ahead do I have to tell HR that I am going on parental leave?',
      'How early should I let the company know about my upcoming parental leave?',
    ],
    nearMiss: ['How long is parental leave?', 'How much notice do I need to give before resigning?'],
  },
  {
    language: 'en',
    topic: 'expenses',
    question: 'What is the deadline for submitting expense reports?',
    same: [
      'By when do I need to file my expenses?',
      'how long do i have to submit my receipts after a trip?',
      ['zh', '报销单最晚什么时候要提交？'],
    ],
    nearMiss: [
      'What is the maximum amount I can expense for a client dinner?',
      'When will my submitted expense report be reimbursed?',
    ],
  },

  // ---------------------------------------------------------------- Japanese
  {
    language: 'ja',
    topic: 'leave',
    question: '病気で休む場合、誰に連絡すればよいですか？',
    same: [
      '体調不良で休むときの連絡先は？',
      '熱が出て会社を休みたいんですが、どこに連絡すればいいですか',
      ['en', 'Who do I notify when I am off sick?'],
    ],
    nearMiss: [
      '病気で休む場合、診断書は必要ですか？',
      ['ja', '病気休暇は年に何日取れますか？', 'ลาป่วยได้กี่วันต่อปี'],
    ],
  },
  {
    language: 'ja',
    topic: 'it-access',
    question: '社外から社内システムにアクセスするにはどうすればいいですか？',
    same: [
      '自宅から社内ネットワークにつなぐ方法を教えてください',
      '出張先から社内のシステムを使いたいのですが、どうやって接続しますか？',
    ],
    nearMiss: [
      '社外の取引先に社内システムのアカウントを発行するにはどうすればいいですか？',
      '社内システムのパスワードを変更するにはどうすればいいですか？',
    ],
  },
  {
    language: 'ja',
    topic: 'travel',
    question: '国内出張の日当はいくらですか？',
    same: ['国内の出張だと1日あたりの手当はいくら？', '国内出張手当の金額を教えてください'],
    nearMiss: ['海外出張の日当はいくらですか？', '国内出張の宿泊費の上限はいくらですか？'],
    unrelated: '会議室のプロジェクターの使い方を教えてください',
  },
  {
    language: 'ja',
    topic: 'facilities',
    question: 'オフィスの入館証をなくした場合はどうすればいいですか？',
    same: [
      '入館カードを紛失しました。どうしたらいいですか',
      '入館証おとしたっぽいです、再発行の手続きは？',
      ['en', 'I lost my office access badge, what should I do?'],
    ],
    nearMiss: [
      ['en', 'How do I get a visitor badge for a guest?'],
      '入館証の写真を変更するにはどうすればいいですか？',
    ],
  },
  {
    language: 'ja',
    topic: 'payroll',
    question: '年末調整の書類はいつまでに提出すればいいですか？',
    same: ['年末調整の提出期限っていつ？', '年末調整の書類、締め切りはいつでしたっけ'],
    nearMiss: ['年末調整の書類はどこに提出すればいいですか？', '確定申告の期限はいつですか？'],
  },
  {
    language: 'ja',
    topic: 'security',
    question: '業務で個人のスマートフォンを使ってもいいですか？',
    same: [
      'プライベートのスマホを仕事に使うのはOKですか？',
      '自分のスマホで業務をすることは許可されていますか？',
      ['en', 'Am I allowed to use my personal phone for work?'],
    ],
    nearMiss: [
      '会社支給のスマートフォンを私用で使ってもいいですか？',
      '業務で個人のスマートフォンを使った場合、通信費は精算できますか？',
    ],
  },
  {
    language: 'ja',
    topic: 'remote-work',
    question: 'リモートワークは週に何日までできますか？',
    same: ['在宅勤務って週何日まで可能？', 'テレワークは1週間に最大何日できますか'],
    nearMiss: [
      'リモートワークを申請するにはどうすればいいですか？',
      'リモートワーク中の電気代の補助はありますか？',
    ],
    unrelated: ['en', 'Who is the fire warden for my floor?'],
  },
  {
    language: 'ja',
    topic: 'benefits',
    question: '健康診断はいつ受ければいいですか？',
    same: ['今年の健康診断っていつ受けるんですか？', '定期健康診断の受診時期を教えてください'],
    nearMiss: ['健康診断の結果はいつ届きますか？', '健康診断を受けられなかった場合はどうすればいいですか？'],
  },
  {
    language: 'ja',
    topic: 'it-software',
    question: '新しいソフトウェアをインストールしたい場合、どうすればいいですか？',
    same: [
      '業務で使いたいソフトがあるのですが、インストールするにはどうすればいいですか？',
      'PCにアプリを入れたいときの手順は？',
      ['zh', '我想在电脑上安装新软件，该怎么办？'],
    ],
    nearMiss: [
      '不要になったソフトウェアのライセンスを返却するにはどうすればいいですか？',
      'インストール済みのソフトウェアが起動しない場合はどうすればいいですか？',
    ],
  },

  // ---------------------------------------------------------------- Chinese
  {
    language: 'zh',
    topic: 'expenses',
    question: '出差的住宿费报销上限是多少？',
    same: [
      '出差住酒店一晚最多能报多少钱？',
      '差旅住宿的报销标准是多少？',
      ['en', "What's the hotel cost limit per night on business trips?"],
    ],
    nearMiss: ['出差的餐费报销上限是多少？', '出差住宿可以先自己垫付再报销吗？'],
    unrelated: '怎么修改邮箱签名？',
  },
  {
    language: 'zh',
    topic: 'leave',
    question: '婚假有几天？',
    same: ['结婚的话可以请几天假？', '请问公司的婚假一共多少天？'],
    nearMiss: ['婚假需要在结婚后多久之内休完？', '丧假有几天？'],
    unrelated: '打印机卡纸了怎么办？',
  },
  {
    language: 'zh',
    topic: 'it-access',
    question: '如何申请共享盘的访问权限？',
    same: [
      '我需要共享文件夹的访问权限，应该怎么申请？',
      '共享盘没权限打不开，去哪里申请？',
      ['ja', '共有ドライブへのアクセス権限はどうやって申請しますか？'],
    ],
    nearMiss: ['共享盘的存储空间满了怎么办？', '如何恢复共享盘里被误删的文件？'],
  },
  {
    language: 'zh',
    topic: 'payroll',
    question: '加班费怎么计算？',
    same: ['加班工资是怎么算的？', '请问加班费的计算方法是什么？'],
    nearMiss: ['加班需要提前申请吗？', '加班费什么时候发？'],
  },
  {
    language: 'zh',
    topic: 'facilities',
    question: '办公室的Wi-Fi密码是多少？',
    same: ['公司WiFi密码多少？', '办公室无线网的密码是什么呀', ['en', "What's the office wifi password?"]],
    nearMiss: [['en', "What's the guest wifi password?"], '办公室Wi-Fi连不上怎么办？'],
    unrelated: '年假可以折现吗？',
  },
  {
    language: 'zh',
    topic: 'security',
    question: '可以用U盘拷贝公司文件吗？',
    same: ['公司的资料能不能存到U盘里带走？', '允许用移动硬盘或者U盘复制工作文件吗？'],
    nearMiss: ['可以把公司文件上传到个人网盘吗？', '公司可以给我配一个加密U盘吗？'],
  },
  {
    language: 'zh',
    topic: 'travel',
    question: '出差可以坐商务舱吗？',
    same: ['出差坐飞机能订商务舱吗？', '公务出行允许乘坐飞机商务舱吗？'],
    nearMiss: [['ja', '出張で新幹線のグリーン車は使えますか？'], '出差坐飞机可以积累个人航空里程吗？'],
  },
  {
    language: 'zh',
    topic: 'benefits',
    question: '公司有补充医疗保险吗？',
    same: ['除了社保，公司还给买别的医疗保险吗？', '我们有没有商业医疗险？'],
    nearMiss: ['补充医疗保险可以给家属加保吗？', '公司有补充养老保险吗？'],
  },

  // ---------------------------------------------------------------- German
  {
    language: 'de',
    topic: 'leave',
    question: 'Wie beantrage ich Urlaub?',
    same: [
      'Wo reiche ich meinen Urlaubsantrag ein?',
      'Ich will ein paar Tage frei nehmen – wo muss ich das beantragen?',
      ['en', 'How do I request vacation days?'],
    ],
    nearMiss: [
      'Wie viele Urlaubstage habe ich noch übrig?',
      'Wie storniere ich einen bereits genehmigten Urlaub?',
    ],
  },
  {
    language: 'de',
    topic: 'it-access',
    question: 'Wie richte ich die Zwei-Faktor-Authentifizierung ein?',
    same: ['Wie aktiviere ich 2FA für mein Konto?', 'Ich soll MFA einrichten – wie geht das?'],
    nearMiss: [
      'Ich habe ein neues Handy – wie übertrage ich meine Zwei-Faktor-Authentifizierung darauf?',
      'Wie deaktiviere ich die Zwei-Faktor-Authentifizierung?',
    ],
  },
  {
    language: 'de',
    topic: 'payroll',
    question: 'Wann bekomme ich meine Lohnabrechnung?',
    same: [
      'Wann ist die Gehaltsabrechnung da?',
      'Ab wann kann ich meinen Lohnzettel für diesen Monat abrufen?',
      ['fr', 'Quand est-ce que je reçois ma fiche de paie ?'],
    ],
    nearMiss: [
      'Wann bekomme ich meine Lohnsteuerbescheinigung?',
      ['en', 'When is the Christmas bonus paid out?'],
    ],
  },
  {
    language: 'de',
    topic: 'facilities',
    question: 'Wo kann ich mein Fahrrad abstellen?',
    same: [
      'Gibts hier Fahrradstellplätze?',
      'Wo parke ich mein Rad, wenn ich mit dem Fahrrad zur Arbeit komme?',
    ],
    nearMiss: ['Wo kann ich mein Auto parken?', 'Kann ich über die Firma ein Dienstfahrrad leasen?'],
    unrelated: 'Wie ändere ich meine Steuerklasse in der Gehaltsabrechnung?',
  },
  {
    language: 'de',
    topic: 'travel',
    question: 'Werden Bahnfahrten in der 1. Klasse erstattet?',
    same: [
      'Darf ich auf Dienstreisen erste Klasse Zug fahren?',
      'Zahlt die Firma bei der Bahn ein Ticket für die erste Klasse?',
    ],
    nearMiss: [
      'Wird die BahnCard 50 von der Firma erstattet?',
      'Werden Taxifahrten auf Dienstreisen erstattet?',
    ],
  },
  {
    language: 'de',
    topic: 'security',
    question: 'Wie melde ich einen Sicherheitsvorfall?',
    same: [
      'An wen wende ich mich bei einem IT-Sicherheitsvorfall?',
      'Ich glaube, mein Rechner wurde gehackt – wo melde ich das?',
      ['en', 'How do I report a security incident?'],
    ],
    nearMiss: ['Wie melde ich einen Arbeitsunfall?', 'Wie melde ich einen defekten Drucker?'],
    unrelated: 'Gibt es in der Kantine vegetarische Gerichte?',
  },
  {
    language: 'de',
    topic: 'benefits',
    question: 'Gibt es einen Zuschuss zum Deutschlandticket?',
    same: [
      'Zahlt die Firma was zum Deutschlandticket dazu?',
      'Bekomme ich als Mitarbeiter das Deutschlandticket vergünstigt?',
    ],
    nearMiss: [
      'Gibt es einen Zuschuss zum Mittagessen?',
      'Darf ich das Deutschlandticket auch für Dienstreisen nutzen?',
    ],
  },
  {
    language: 'de',
    topic: 'onboarding',
    question: 'Wie lange dauert die Probezeit?',
    same: ['Wie lang ist die Probezeit bei uns?', 'Wie viele Monate Probezeit hab ich?'],
    nearMiss: [
      'Wie lange ist die Kündigungsfrist während der Probezeit?',
      'Kann die Probezeit verlängert werden?',
    ],
    unrelated: 'Wo finde ich das WLAN-Passwort für Gäste?',
  },

  // ---------------------------------------------------------------- Spanish
  {
    language: 'es',
    topic: 'leave',
    question: '¿Cuántos días de vacaciones tengo al año?',
    same: [
      '¿Cuántos días libres me corresponden por año?',
      'cuantos dias de vacaciones nos dan al año?',
      ['pt', 'Quantos dias de férias eu tenho por ano?'],
    ],
    nearMiss: [
      '¿Cuántos días de vacaciones puedo pasar al año siguiente?',
      ['en', 'How many public holidays are there this year?'],
    ],
  },
  {
    language: 'es',
    topic: 'equipment',
    question: '¿Cómo conecto mi portátil a la impresora de la oficina?',
    same: [
      '¿Cómo añado la impresora de la oficina en mi portátil?',
      'No consigo imprimir desde mi portátil en la oficina, ¿cómo configuro la impresora?',
    ],
    nearMiss: [
      '¿Cómo conecto mi portátil al proyector de la sala de reuniones?',
      '¿Qué hago si la impresora de la oficina se queda sin tóner?',
    ],
    unrelated: '¿Cuántos días de permiso por paternidad me corresponden?',
  },
  {
    language: 'es',
    topic: 'payroll',
    question: '¿Cómo solicito un anticipo de nómina?',
    same: [
      '¿Puedo pedir un adelanto del sueldo? ¿Cómo lo hago?',
      'Necesito un anticipo de mi salario este mes, ¿qué tengo que hacer?',
    ],
    nearMiss: [
      '¿Cómo solicito el certificado de retenciones del IRPF?',
      '¿Cómo solicito un préstamo personal para empleados?',
    ],
  },
  {
    language: 'es',
    topic: 'travel',
    question: '¿Qué seguro de viaje cubre la empresa en los viajes de trabajo internacionales?',
    same: [
      'Si viajo al extranjero por trabajo, ¿estoy cubierto por algún seguro?',
      '¿Tenemos seguro de viaje cuando salimos del país por trabajo?',
      ['en', 'Does the company cover travel insurance for international business trips?'],
    ],
    nearMiss: [
      '¿La empresa cubre el seguro de viaje en mis vacaciones personales?',
      ['en', 'Do I need a visa for a business trip to Japan?'],
    ],
  },
  {
    language: 'es',
    topic: 'facilities',
    question: '¿A qué hora abre la oficina?',
    same: ['¿Desde qué hora se puede entrar en la oficina?', '¿a que hora abren la oficina por la mañana?'],
    nearMiss: ['¿A qué hora cierra la oficina?', '¿Abre la oficina los sábados?'],
    unrelated: [
      'es',
      '¿Cómo activo la verificación en dos pasos?',
      'Wie richte ich die Zwei-Faktor-Authentifizierung ein?',
    ],
  },
  {
    language: 'es',
    topic: 'security',
    question: '¿Cada cuánto tiempo tengo que cambiar mi contraseña?',
    same: ['¿Con qué frecuencia caduca la contraseña?', '¿Cada cuántos meses hay que renovar la contraseña?'],
    nearMiss: ['¿Qué requisitos debe cumplir mi contraseña?', '¿Cómo cambio mi contraseña?'],
  },
  {
    language: 'es',
    topic: 'benefits',
    question: '¿La empresa ofrece cheques de comida?',
    same: ['¿Tenemos ticket restaurante?', '¿Nos dan tarjeta de comida o vales para el almuerzo?'],
    nearMiss: [
      '¿La empresa ofrece cheques guardería?',
      '¿En qué restaurantes puedo usar la tarjeta de comida?',
    ],
  },
  {
    language: 'es',
    topic: 'hr-documents',
    question: '¿Cómo pido un certificado de empresa que acredite que trabajo aquí?',
    same: [
      'Necesito una constancia de que trabajo en la empresa para el banco, ¿cómo la consigo?',
      '¿Dónde pido un certificado laboral?',
    ],
    nearMiss: [
      '¿Cómo pido una carta de recomendación a mi responsable?',
      '¿Cómo pido el certificado de un curso de formación que hice?',
    ],
  },

  // ---------------------------------------------------------------- French
  {
    language: 'fr',
    topic: 'leave',
    question: 'Combien de jours de RTT ai-je par an ?',
    same: ["J'ai droit à combien de RTT dans l'année ?", "c'est combien de jours de RTT par an chez nous ?"],
    nearMiss: [
      "Jusqu'à quand puis-je poser mes RTT de cette année ?",
      ['fr', 'Combien de jours de congés payés ai-je par an ?', '¿Cuántos días de vacaciones tengo al año?'],
    ],
    unrelated: 'Comment configurer le VPN sur mon Mac ?',
  },
  {
    language: 'fr',
    topic: 'equipment',
    question: 'Comment obtenir un deuxième écran pour mon poste de travail ?',
    same: [
      'Je voudrais un écran supplémentaire au bureau, comment je fais la demande ?',
      'Est-ce que je peux avoir un second moniteur ? Comment le demander ?',
      ['en', 'How do I request a second monitor for my desk?'],
    ],
    nearMiss: [
      'Comment brancher un deuxième écran sur mon ordinateur portable ?',
      'Comment obtenir un casque pour mes visioconférences ?',
    ],
  },
  {
    language: 'fr',
    topic: 'expenses',
    question: 'Les frais de repas avec un client sont-ils remboursés ?',
    same: [
      'Si j’invite un client à déjeuner, est-ce que je me fais rembourser ?',
      'Un resto avec un client, c’est pris en charge par la boîte ?',
    ],
    nearMiss: [
      'Les frais de repas pendant le télétravail sont-ils remboursés ?',
      'Les cadeaux offerts à un client sont-ils remboursés ?',
    ],
  },
  {
    language: 'fr',
    topic: 'facilities',
    question: 'Qui contacter en cas de panne de climatisation dans les bureaux ?',
    same: [
      'La clim ne marche plus à notre étage, je préviens qui ?',
      'Il fait 30 degrés dans le bureau, la climatisation est en panne : à qui je m’adresse ?',
    ],
    nearMiss: [
      'Peut-on régler soi-même la température de la climatisation dans les bureaux ?',
      'Qui contacter en cas de panne de mon ordinateur ?',
    ],
  },
  {
    language: 'fr',
    topic: 'travel',
    question: 'Comment réserver un hôtel pour un déplacement professionnel ?',
    same: [
      'Je pars en mission la semaine prochaine, comment je réserve mon hôtel ?',
      "Par quel outil dois-je passer pour réserver l'hôtel d'un voyage pro ?",
      ['es', '¿Cómo reservo el hotel para un viaje de trabajo?'],
    ],
    nearMiss: [
      ['es', '¿Cómo cancelo el hotel que reservé para un viaje de trabajo?'],
      'Comment réserver un hôtel pour un client qui vient nous rendre visite ?',
    ],
    unrelated: [
      'fr',
      'Comment modifier mes coordonnées bancaires pour la paie ?',
      'How do I change the bank account my salary is paid into?',
    ],
  },
  {
    language: 'fr',
    topic: 'leave',
    question: 'Comment déclarer un arrêt maladie ?',
    same: [
      "Je suis malade et le médecin m'a arrêté, qu'est-ce que je dois faire ?",
      "J'ai un arrêt de travail, je l'envoie à qui ?",
    ],
    nearMiss: [
      'Comment déclarer un accident du travail ?',
      'Comment déclarer un changement de situation familiale ?',
    ],
  },
  {
    language: 'fr',
    topic: 'payroll',
    question: "Comment fonctionne le plan d'épargne entreprise ?",
    same: [
      "C'est quoi le PEE et comment ça marche ?",
      "Vous pouvez m'expliquer le fonctionnement de l'épargne salariale chez nous ?",
    ],
    nearMiss: [
      "Comment débloquer mon plan d'épargne entreprise avant 5 ans ?",
      "Comment fonctionne la mutuelle d'entreprise ?",
    ],
  },

  // ---------------------------------------------------------------- Korean
  {
    language: 'ko',
    topic: 'leave',
    question: '연차는 며칠 전에 신청해야 하나요?',
    same: [
      '연차 쓰려면 며칠 전까지 신청해야 돼요?',
      '연차 휴가 신청은 최소 며칠 전에 해야 하나요?',
      ['ja', '年休は何日前までに申請が必要ですか？'],
    ],
    nearMiss: ['남은 연차 일수는 어디서 확인하나요?', '반차는 몇 시간 단위로 쓸 수 있나요?'],
  },
  {
    language: 'ko',
    topic: 'it-email',
    question: '회사 이메일을 휴대폰에서 보려면 어떻게 설정하나요?',
    same: [
      '핸드폰으로 회사 메일 확인하는 방법 알려주세요',
      '스마트폰에 업무용 메일 계정을 추가하려면 어떻게 해요?',
    ],
    nearMiss: ['회사 이메일 용량이 가득 찼을 때는 어떻게 하나요?', '회사 이메일 서명은 어떻게 설정하나요?'],
  },
  {
    language: 'ko',
    topic: 'facilities',
    question: '회사 주차장 차량 등록은 어떻게 하나요?',
    same: [
      '회사 주차장 쓰려면 차량 등록을 어디서 하나요?',
      '차 가지고 출근하려는데 주차 등록 방법이 궁금해요',
    ],
    nearMiss: ['방문객 차량 주차 등록은 어떻게 하나요?', '주차비 지원이 되나요?'],
    unrelated: '연말정산 서류는 언제까지 내야 하나요?',
  },
  {
    language: 'ko',
    topic: 'payroll',
    question: '퇴직금은 어떻게 계산되나요?',
    same: [
      '퇴직금 산정 방식이 궁금합니다',
      '회사 그만두면 퇴직금을 얼마나 받는지 어떻게 계산해요?',
      ['en', 'How is severance pay calculated?'],
    ],
    nearMiss: [['en', 'When is severance pay paid out?'], '퇴직연금 운용 상품은 어떻게 변경하나요?'],
    unrelated: ['ko', '회의실 예약은 어떻게 하나요?', 'How do I book a meeting room?'],
  },

  // ---------------------------------------------------------------- Portuguese
  {
    language: 'pt',
    topic: 'benefits',
    question: 'Como incluo um dependente no plano de saúde?',
    same: [
      'Quero colocar meu filho no convênio médico, como faço?',
      'Como adicionar minha esposa como dependente no plano de saúde?',
      ['es', '¿Cómo añado a un familiar a mi seguro médico de la empresa?'],
    ],
    nearMiss: [
      'Como excluo um dependente do plano de saúde?',
      'Como declaro um dependente no imposto de renda?',
    ],
  },
  {
    language: 'pt',
    topic: 'it-support',
    question: 'O que faço se meu computador estiver muito lento?',
    same: [
      'Meu notebook está travando e super lento, o que eu faço?',
      'pc muito devagar, tem como o TI dar uma olhada?',
    ],
    nearMiss: [
      'O que faço se meu computador não ligar?',
      'O que faço se a internet da minha casa estiver lenta durante o home office?',
    ],
    unrelated: 'Quantos dias de férias posso vender?',
  },

  // ---------------------------------------------------------------- Italian
  {
    language: 'it',
    topic: 'travel',
    question: 'Come richiedo il rimborso chilometrico se uso la mia auto per lavoro?',
    same: [
      'Uso la macchina personale per le trasferte: come chiedo il rimborso dei km?',
      "Come funziona il rimborso chilometrico per l'auto privata?",
      ['en', 'How do I claim mileage when I use my own car for work?'],
    ],
    nearMiss: [
      ['en', 'How do I request a company car?'],
      'Come richiedo il rimborso del parcheggio durante una trasferta?',
    ],
    unrelated: ['it', 'Come prenoto una sala riunioni?', 'How do I book a meeting room?'],
  },

  // ---------------------------------------------------------------- Thai
  {
    language: 'th',
    topic: 'leave',
    question: 'ลาป่วยได้กี่วันต่อปี',
    same: ['ลาป่วยได้ปีละกี่วันคะ', 'สิทธิ์ลาป่วยต่อปีมีกี่วัน'],
    nearMiss: ['ลาป่วยต้องใช้ใบรับรองแพทย์ไหม', ['en', 'How many days of personal leave do I get per year?']],
  },
];
