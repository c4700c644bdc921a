/*
 * The confidentiality markings companies write, by how much context each needs to count. Chosen
 * from the marking conventions of each language (Japanese 社外秘/厳秘/…取扱注意, Chinese 密级 and
 * 内部资料 严禁外传, Korean 대외비, Thai ชั้นความลับ, the Russian ДСП stamp, ...), not tuned on
 * any evaluation corpus.
 */

/** Capitalised markings: a marking wherever they stand. */
export const UPPER_MARKINGS: readonly string[] = [
  'STRICTLY CONFIDENTIAL',
  'HIGHLY CONFIDENTIAL',
  'COMPANY CONFIDENTIAL',
  'CONFIDENTIAL',
  'FOR INTERNAL USE ONLY',
  'INTERNAL USE ONLY',
  'INTERNAL ONLY',
  'TOP SECRET',
  'DO NOT DISTRIBUTE',
  'NOT FOR DISTRIBUTION',
  'STRENG VERTRAULICH',
  'VERTRAULICH',
  'NUR FÜR DEN DIENSTGEBRAUCH',
  'NUR FÜR DEN INTERNEN GEBRAUCH',
  'ESTRICTAMENTE CONFIDENCIAL',
  'CONFIDENCIAL',
  'SOLO PARA USO INTERNO',
  'STRICTEMENT CONFIDENTIEL',
  'CONFIDENTIEL',
  'DIFFUSION RESTREINTE',
  'STRETTAMENTE RISERVATO',
  'RISERVATO',
  'CONFIDENZIALE',
  'STRIKT VERTROUWELIJK',
  'VERTROUWELIJK',
  'ŚCIŚLE TAJNE',
  'POUFNE',
  'ÇOK GİZLİ',
  'GİZLİ',
  'HİZMETE ÖZEL',
  'СОВЕРШЕННО СЕКРЕТНО',
  'СЕКРЕТНО',
  'КОНФИДЕНЦИАЛЬНО',
  'ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ',
  'TUYỆT MẬT',
  'TỐI MẬT',
  String.raw`(?<!BẢO\s{1,3})MẬT(?!\s+KHẨU)`,
  'SANGAT RAHASIA',
  'RAHASIA',
  'SIGILOSO',
  'PROPRIETARY AND CONFIDENTIAL',
  'PROPRIETARY & CONFIDENTIAL',
  'PRIVILEGED AND CONFIDENTIAL',
  'CONFIDENTIAL AND PROPRIETARY',
  'CONFIDENTIAL & PROPRIETARY',
  'КОММЕРЧЕСКАЯ ТАЙНА',
  'СТРОГО КОНФИДЕНЦИАЛЬНО',
  'ŚCIŚLE POUFNE',
  'TAJEMNICA PRZEDSIĘBIORSTWA',
  'STRICTLY PRIVATE AND CONFIDENTIAL',
  'PRIVATE AND CONFIDENTIAL',
  'PRIVATE & CONFIDENTIAL',
  'ONLY FOR INTERNAL DISTRIBUTION',
  'FOR INTERNAL DISTRIBUTION ONLY',
  'INTERNAL DISTRIBUTION ONLY',
  'NOT FOR EXTERNAL DISTRIBUTION',
  'DO NOT FORWARD',
  'KİŞİYE ÖZEL',
  'ŞİRKET İÇİ',
  'USO INTERNO EXCLUSIVAMENTE',
  'DIFUSIÓN RESTRINGIDA',
  'DIFFUSION LIMITÉE',
];

/** Words that are a marking only in brackets or after a classification label ("Internal: ext. 1234" is not). */
export const WEAK_MARKINGS: readonly string[] = [
  'RESTRICTED',
  'SECRET',
  'INTERNAL',
  'INTERN',
  'USO INTERNO',
  'USAGE INTERNE',
  'RESTRINGIDO',
  'RESTRITO',
  'INTERNO',
  // The lowest level of a national scheme (restricted, secret), a common word elsewhere.
  'Restreint',
  'Geheim',
  'Zastrzeżone',
  'Terbatas',
  'שמור',
  '密',
];

/** Marking words in any case and script, recognised in any marking position (alone, bracketed, labelled). */
export const POSITIONAL_MARKINGS: readonly string[] = [
  ...UPPER_MARKINGS,
  'Company Confidential',
  'Lưu hành nội bộ',
  '內部使用',
  '内部使用',
  'เอกสารภายใน',
  'Commercial in confidence',
  'Commercially confidential',
  'Private and confidential',
  'Private & confidential',
  'Strictly private and confidential',
  'Strictly private & confidential',
  'OFFICIAL-SENSITIVE',
  'OFFICIAL SENSITIVE',
  'Diffusion interne',
  'Diffusion interne uniquement',
  'Usage interne',
  'Distribuição restrita',
  'Distribución restringida',
  'Distribuzione riservata',
  'Informação confidencial',
  'Informação restrita',
  'ÇOK GİZLİDİR',
  'GİZLİDİR',
  'Proprietary and Confidential',
  'Confidential and Proprietary',
  'Confidential document',
  'Documento confidencial',
  'Documento reservado',
  'Document confidentiel',
  'Vertrauliches Dokument',
  'Documento riservato',
  'Vertrouwelijk document',
  'Dokument poufny',
  'Gizli belge',
  'Конфиденциальный документ',
  'وثيقة سرية',
  'מסמך סודי',
  'Dokumen rahasia',
  '機密文書',
  '机密文件',
  '機密文件',
  '기밀 문서',
  'Nur für internen Gebrauch',
  'Reservado',
  'Uso restrito',
  'Kişiye özel',
  'Şirket içi',
  'Tài liệu nội bộ',
  'Tài liệu mật',
  'Untuk kalangan sendiri',
  'Hanya untuk internal',
  'חסוי',
  '秘',
  '취급주의',
  '사내용',
  '사외비',
  'ใช้ภายในเท่านั้น',
  'สำหรับใช้ภายใน',
  '仅供内部使用',
  '僅供內部使用',
  'Nur für den internen Gebrauch',
  'Nur für den Dienstgebrauch',
  'Uso interno',
  'Solo uso interno',
  'Uso exclusivo interno',
  'Usage interne',
  'Strettamente riservato',
  'Riservato',
  'Confidenziale',
  'Vertrouwelijk',
  'Alleen voor intern gebruik',
  'Tajne',
  'Do użytku wewnętrznego',
  'Çok gizli',
  'Gizli',
  'Hizmete özel',
  'Kurum içi',
  'Для служебного пользования',
  'Совершенно секретно',
  'Секретно',
  'Конфиденциально',
  'سري للغاية',
  'سري جدا',
  'سري',
  'للاستخدام الداخلي فقط',
  'סודי ביותר',
  'סודי',
  'לשימוש פנימי בלבד',
  'Tuyệt mật',
  'Tối mật',
  String.raw`(?<!bảo\s{1,3})Mật(?!\s+khẩu)`,
  'ДСП',
  'Lưu hành nội bộ',
  'Sangat rahasia',
  'Rahasia',
  'Khusus internal',
  '関係者外秘',
  '社外秘',
  '部外秘',
  '極秘',
  '厳秘',
  '機密',
  '秘密',
  '取扱注意',
  '取り扱い注意',
  '社内限り',
  '社内限定',
  '대외비',
  '기밀',
  '극비',
  '비밀',
  '사내한정',
  '사내 한정',
  '绝密',
  '絕密',
  '机密',
  '內部資料',
  '内部資料',
  '内部资料',
  '内部使用',
  '仅限内部',
  '僅限內部',
  '严禁外传',
  '嚴禁外傳',
  '请勿外传',
  '請勿外傳',
  'ลับที่สุด',
  'ลับมาก',
  'เอกสารลับ',
  'ลับ',
  'ปกปิด',
  'เฉพาะภายใน',
  'ห้ามเผยแพร่',
  // Sentence-case headers and footers as companies write them in each language.
  'Uso interno exclusivamente',
  'Difusión restringida',
  'Difusión limitada',
  'Diffusion restreinte',
  'Diffusion limitée',
  'Difusão restrita',
  'Diffusione limitata',
  'Diffusione riservata',
  'Strikt vertrouwelijk',
  'Intern gebruik',
  String.raw`(?:Wyłącznie|Tylko)\s+do\s+użytku\s+wewnętrznego`,
  String.raw`(?:Dokument\s+)?ściśle\s+poufn[yae]`,
  'Tài liệu lưu hành nội bộ',
  'Dokumen internal',
  String.raw`(?:Hanya|Khusus)\s+untuk\s+kalangan\s+(?:internal|sendiri)`,
  '商业秘密',
  '商業秘密',
  '公司机密',
  '公司機密',
  '絕對機密',
  '极机密',
  '極機密',
  '仅限内部使用',
  '僅限內部使用',
  '사외 유출 금지',
  'Uso interno exclusivo',
  'Solo para uso interno',
  'Para uso interno',
  'Estritamente confidencial',
  'Apenas para uso interno',
  'Somente para uso interno',
  'Nur für den internen Gebrauch bestimmt',
  'Nur zur internen Verwendung',
  'Interne Unterlage',
  'Internes Dokument',
  'Nicht zur Weitergabe',
  'Usage interne uniquement',
  'Réservé à un usage interne',
  'Pour usage interne',
  'Ne pas diffuser',
  'Solo per uso interno',
  'Per uso interno',
  'Ad uso interno',
  'Riservato e confidenziale',
  'Documento riservato e confidenziale',
  'Strettamente confidenziale',
  'Uitsluitend voor intern gebruik',
  'Intern document',
  'Tylko do użytku wewnętrznego',
  'Dokument wewnętrzny',
  'Gizlidir',
  'Şirket içi kullanım içindir',
  'Sadece şirket içi kullanım içindir',
  'Şirket içi kullanıma özeldir',
  'Kurum içi kullanım içindir',
  'Только для внутреннего использования',
  'Для внутреннего использования',
  'سري ومحدود التداول',
  'محدود التداول',
  'Chỉ sử dụng nội bộ',
  'Chỉ lưu hành nội bộ',
  'Hanya untuk penggunaan internal',
  'Rahasia perusahaan',
  '限閱',
  '内部文件',
  '內部文件',
  'ลับเฉพาะ',
  'เอกสารลับเฉพาะ',
  '社内限り',
];

/**
 * Markings distinctive enough to count in the middle of a sentence, when what follows makes them
 * a statement about this text ("本資料は社外秘につき取扱注意", "본 문서는 대외비입니다",
 * "เอกสารนี้เป็นเอกสารลับ") rather than the subject of one ("社外秘の資料は…", "대외비 문서는…").
 */
export const INLINE_MARKINGS: readonly string[] = [
  '関係者外秘',
  '社外秘',
  '部外秘',
  '極秘',
  '厳秘',
  '取扱注意',
  '取り扱い注意',
  '社外持出禁止',
  '社外持ち出し禁止',
  '仅供内部使用',
  '僅供內部使用',
  '취급주의',
  '绝密',
  '絕密',
  '严禁外传',
  '嚴禁外傳',
  '请勿外传',
  '請勿外傳',
  '不得外传',
  '禁止外传',
  '대외비',
  '극비',
  '사내한정',
  '외부 유출 금지',
  'ลับที่สุด',
  'ลับมาก',
  'เอกสารลับ',
  'ห้ามเผยแพร่',
  'ลับเฉพาะ',
  '社内限り',
  '社内限定',
];

/**
 * A text declaring its own status: "This document is confidential", "The contents of this e-mail
 * are strictly confidential", 本文件属于机密, 이 문서는 대외비입니다, เอกสารนี้เป็นความลับ. The subject
 * is the text itself (this/本/이/นี้ …), the verb is affirmative and the status follows it at once,
 * so "Is this document confidential?", "Este documento no es confidencial" and "If this document
 * is confidential…" (checked by the scanner) are not declarations. One regex source per language.
 */
export const SELF_DECLARATIONS: readonly string[] = [
  String.raw`(?:this|these|the\s+(?:information|contents?|data)\s+(?:in|of)\s+this)\s+(?:document|e-?mail|message|report|file|information|material|presentation|memo|deck|attachment|communication|spreadsheet)s?(?:\s+(?!not|never|is|are)[\p{L}'’-]+){0,6}?\s+(?:is|are|contains?|may\s+contain)\s+(?:strictly\s+|highly\s+)?(?:(?:private|privileged|proprietary)\s+(?:and|&)\s+)?(?:confidential|proprietary|privileged|(?:intended\s+)?(?:solely\s+|only\s+)?for\s+internal\s+(?:use|distribution)(?:\s+only)?|internal\s+(?:use\s+)?only)`,
  String.raw`(?:este|esta|el\s+presente|la\s+presente)\s+(?:documento|correo(?:\s+electrónico)?|mensaje|informe|información|archivo|presentación)\s+(?:(?:es|son)\s+(?:estrictamente\s+)?(?:confidencial(?:es)?|de\s+uso\s+interno|para\s+uso\s+interno)|contiene\s+información\s+confidencial)`,
  String.raw`(?:este|esta|o\s+presente|a\s+presente)\s+(?:documento|e-?mail|mensagem|relatório|informação|arquivo|ficheiro|apresentação)\s+(?:(?:é|são)\s+(?:estritamente\s+)?(?:confidencia(?:l|is)|de\s+uso\s+interno|para\s+uso\s+interno)|contém\s+informações\s+confidenciais)`,
  String.raw`(?:dieses|diese|dieser|das\s+vorliegende|die\s+vorliegende)\s+(?:Dokument|E-?Mail|Nachricht|Bericht|Informationen?|Unterlagen?|Datei|Präsentation|Inhalt)\s+(?:(?:ist|sind)\s+(?:streng\s+)?(?:vertraulich|nur\s+für\s+den\s+internen\s+Gebrauch)|enthält\s+vertrauliche)`,
  String.raw`(?:ce|cette|le\s+présent|la\s+présente)\s+(?:document|courriel|e-?mail|message|rapport|information|fichier|présentation|note)\s+(?:(?:est|sont)\s+(?:strictement\s+)?(?:confidentiel(?:le)?s?|réservée?\s+à\s+un\s+usage\s+interne|à\s+usage\s+interne)|contient\s+des\s+informations\s+confidentielles)`,
  String.raw`(?:questo|questa|il\s+presente|la\s+presente)\s+(?:documento|e-?mail|messaggio|rapporto|comunicazione|informazion[ei]|file|presentazione)\s+(?:(?:è|e'|sono)\s+(?:strettamente\s+)?(?:riservat[oaie]|confidenziali?|ad\s+uso\s+interno|per\s+uso\s+interno)|contiene\s+informazioni\s+riservate)`,
  String.raw`(?:dit|deze)\s+(?:document|e-?mail|bericht|rapport|informatie|bestand|presentatie)\s+(?:is|zijn|bevat)\s+(?:strikt\s+)?(?:vertrouwelijk\p{L}{0,2}|(?:uitsluitend\s+|alleen\s+)?voor\s+intern\s+gebruik)`,
  String.raw`(?:(?:ten|ta|to|niniejszy|niniejsza|niniejsze)\s+(?:dokument|wiadomość|e-?mail|raport|informacja|informacje|plik|materiał|prezentacja)|(?:dokument|raport|plik|materiał)\s+ten|(?:wiadomość|informacja|prezentacja)\s+ta)\s+(?:jest\s+|są\s+|zawiera\s+)?(?:ściśle\s+)?(?:poufn\p{L}{1,3}|tajn\p{L}{1,3}|przeznaczon\p{L}{1,2}\s+(?:wyłącznie\s+|tylko\s+)?do\s+użytku\s+wewnętrznego)`,
  String.raw`(?:данный|этот|настоящий|данная|эта|настоящая|данное|это|настоящее)\s+(?:документ|материал|отч[её]т|файл|письмо|сообщение|информация|презентация)\s+(?:является\s+|носит\s+|содержит\s+)?(?:строго\s+)?(?:конфиденциальн\p{L}{1,4}|секретн\p{L}{1,4}|для\s+служебного\s+пользования|предназначен\p{L}{0,2}\s+(?:только\s+)?для\s+внутреннего\s+использования)`,
  String.raw`(?:هذه\s+(?:الوثيقة|الرسالة|المعلومات|المذكرة|الوثائق)|هذا\s+(?:المستند|الملف|التقرير|البريد(?:\s+الإلكتروني)?|المحتوى))\s+(?:سري(?:ة)?(?:\s+للغاية|\s+جدا)?|للاستخدام\s+الداخلي)`,
  String.raw`(?:(?:מסמך|מידע|דו"ח|דוח|קובץ|הודעה|מייל)\s+זה|זו\s+הודעה|(?:המסמך|המידע|הדו"ח|הקובץ|ההודעה)\s+(?:הזה|הזו|הזאת|הנוכחי))\s+(?:הוא\s+|היא\s+)?(?:סודי(?:ת)?(?:\s+ביותר)?|חסוי(?:ה)?|לשימוש\s+פנימי)`,
  String.raw`(?:tài\s+liệu|văn\s+bản|thông\s+tin|email|thư|báo\s+cáo|tệp)\s+này\s+(?:là\s+(?:tài\s+liệu\s+|thông\s+tin\s+)?|thuộc\s+(?:loại\s+)?|được\s+(?:xếp|phân)\s+loại\s+)?(?:tuyệt\s+mật|tối\s+mật|mật(?!\s+khẩu)|bí\s+mật|(?:chỉ\s+(?:lưu\s+hành|sử\s+dụng)\s+)?nội\s+bộ)(?![\p{L}])`,
  String.raw`(?:dokumen|informasi|email|surel|pesan|laporan|berkas|data)\s+ini\s+(?:bersifat\s+|adalah\s+|merupakan\s+)?(?:dokumen\s+|informasi\s+)?(?:sangat\s+)?(?:rahasia|internal)(?![\p{L}])`,
  String.raw`bu\s+(?:belge|doküman|döküman|e-?posta|rapor|bilgi(?:ler)?|dosya|içerik|mesaj)\s+(?:gizli(?:dir)?(?:\s+bilgi(?:ler)?\s+içerir)?|çok\s+gizli(?:dir)?|hizmete\s+özel(?:dir)?|şirket\s+içi\s+kullanım\s+içindir|kişiye\s+özel(?:dir)?)(?![\p{L}])(?!\s+değil)`,
  String.raw`(?:本|此|该|該|这份|這份)(?:份)?(?:文件|资料|資料|文档|文檔|邮件|郵件|报告|報告|信息|資訊|材料|件)(?:内容)?(?:属于|屬於|属|屬|为|為|是|系|係|列为|列為)(?:公司|本公司)?(?:绝密|絕密|机密|機密|秘密|内部资料|內部資料|内部文件|內部文件)(?:文件|资料|資料|文档|文檔)?`,
  String.raw`(?:本|この)(?:資料|文書|書類|メール|ファイル|情報|件)は(?:機密|秘密|社内限り|社内限定)(?:情報|文書|資料)?(?:です|である|につき|のため|扱い)`,
  String.raw`(?:이|본|해당|당)\s?(?:문서|자료|메일|이메일|보고서|정보|내용|파일)(?:는|은)\s?(?:대외비|극비|기밀|비밀|사내\s?한정|사외비)(?:\s?(?:문서|자료|정보|배포용))?(?:입니다|이며|이므로|이니|이고|임(?![\p{L}])|에\s?해당|(?:로|으로)\s?(?:분류|지정|외부|사외))`,
  String.raw`(?:เอกสาร|ข้อมูล|อีเมล|รายงาน|ไฟล์)(?:ฉบับ)?นี้\s?(?:เป็น|ถือเป็น|จัดเป็น)?\s?(?:ความลับ|เอกสารลับ|ข้อมูลลับ|ลับมาก|ลับที่สุด|(?:สำหรับ)?ใช้ภายในเท่านั้น)`,
];

/** "Confidential information" and its kin: a heading in any policy, a marking only before a ban ("– do not distribute"). */
export const INFORMATION_MARKINGS: readonly string[] = [
  'Confidential information',
  'Información confidencial',
  'Informação confidencial',
  'Vertrauliche Informationen',
  'Informations confidentielles',
  'Informazioni riservate',
  'Vertrouwelijke informatie',
  'Informacja poufna',
  'Informacje poufne',
  'Gizli bilgi',
  'Конфиденциальная информация',
  'معلومات سرية',
  'מידע סודי',
  'Thông tin mật',
  'Informasi rahasia',
];

/** Instructions that forbid passing this text on; after a marking they belong to it ("Confidential – do not share"). */
export const DISTRIBUTION_BANS: readonly string[] = [
  String.raw`do\s+not\s+(?:distribute|share|forward|copy|circulate|disclose|duplicate|reproduce)`,
  String.raw`not\s+(?:for|to\s+be)\s+(?:distribution|distributed|shared|forwarded|circulated)\s+outside`,
  String.raw`keine\s+Weitergabe(?:\s+an\s+Dritte)?`,
  String.raw`niet\s+(?:verspreiden|doorsturen|delen)\s+buiten`,
  String.raw`nie\s+(?:przekazywać|przesyłać|udostępniać)\s+(?:poza|dalej)`,
  String.raw`(?:queda\s+)?prohibida\s+su\s+(?:distribución|difusión)\s+fuera`,
  String.raw`(?:è\s+)?vietata\s+la\s+(?:diffusione|divulgazione)\s+al\s+di\s+fuori`,
  String.raw`não\s+pode\s+ser\s+(?:divulgad[oa]|distribuíd[oa])\s+fora`,
  String.raw`не\s+подлежит\s+распространению`,
  String.raw`(?:копирование|распространение)(?:\s+и\s+\p{L}+)?(?:\s+\p{L}+){0,4}\s+запрещен\p{L}*`,
  String.raw`kimseye\s+iletmeyin(?:iz)?`,
  String.raw`nie\s+przesyłaj\s+dalej`,
  String.raw`không\s+chuyển\s+tiếp(?:\s+ra\s+ngoài)?`,
  String.raw`dilarang\s+disebarluaskan`,
  '転送しないでください|転送しないで|共有はご遠慮ください|(?:不得|禁止|严禁|嚴禁)(?:向|對|对)[^。！\\n]{0,14}(?:披露|揭露|外传|外傳|转发|轉發|提供)|공유를?\\s?금지|무단\\s?복제\\s?금지|ห้ามส่ง(?:ต่อ|ให้)',
  String.raw`don['’]t\s+(?:share|forward|distribute)`,
  String.raw`not\s+for\s+(?:external\s+)?(?:distribution|circulation)`,
  String.raw`no\s+(?:external\s+)?distribution`,
  String.raw`ne\s+pas\s+(?:diffuser|distribuer|transmettre|divulguer|copier)`,
  String.raw`diffusion\s+(?:interdite|restreinte)`,
  String.raw`nicht\s+(?:weitergeben|zur\s+Weitergabe|verbreiten|weiterleiten|kopieren)`,
  String.raw`Weitergabe\s+(?:an\s+Dritte\s+)?(?:verboten|untersagt|nicht\s+(?:gestattet|erlaubt|zulässig))`,
  String.raw`no\s+(?:distribuir|divulgar|compartir|reenviar|difundir)`,
  String.raw`prohibida\s+(?:su|la)\s+(?:distribución|difusión|divulgación|reproducción)`,
  String.raw`não\s+(?:divulgar|distribuir|compartilhar|partilhar|encaminhar)`,
  String.raw`proibida\s+a\s+(?:divulgação|distribuição|reprodução)`,
  String.raw`non\s+(?:divulgare|diffondere|distribuire|inoltrare)`,
  String.raw`vietata\s+la\s+(?:diffusione|divulgazione|distribuzione|riproduzione)`,
  String.raw`niet\s+(?:verspreiden|delen|doorsturen|kopiëren)`,
  String.raw`nie\s+(?:rozpowszechniać|udostępniać|przekazywać|kopiować)`,
  String.raw`zakaz\s+(?:rozpowszechniania|udostępniania|kopiowania)`,
  String.raw`не\s+(?:распространять|разглашать|передавать|копировать|пересылать)`,
  String.raw`распространение\s+запрещено`,
  String.raw`(?:يحظر|يمنع|ممنوع|محظور)\s+(?:النشر|التداول|التوزيع|الإفشاء|نشره|تداوله|توزيعه)`,
  String.raw`אין\s+(?:להפיץ|להעביר|לשתף|להעתיק)`,
  String.raw`(?:ההפצה|הפצה)\s+אסורה`,
  String.raw`không\s+(?:được\s+)?(?:phát\s+tán|chia\s+sẻ|sao\s+chép|tiết\s+lộ|phổ\s+biến)`,
  String.raw`cấm\s+(?:phát\s+tán|sao\s+chép|tiết\s+lộ)`,
  String.raw`jangan\s+(?:disebarluaskan|disebarkan|dibagikan|diteruskan)`,
  String.raw`dilarang\s+(?:menyebarluaskan|menyebarkan|membagikan|menggandakan)`,
  String.raw`tidak\s+untuk\s+disebarluaskan`,
  String.raw`(?:dağıtılmaz|dağıtılamaz|paylaşılmaz|paylaşmayınız|çoğaltılamaz)`,
  String.raw`(?:dağıtımı|paylaşılması)\s+yasaktır`,
  '(?:未经|未經)(?:许可|許可|授权|授權|批准)(?:不得|禁止|严禁|嚴禁)(?:复制|複製|外传|外傳|转发|轉發|传播|傳播|披露)',
  '严禁外传|嚴禁外傳|请勿外传|請勿外傳|请勿外泄|請勿外洩|请勿外流|請勿外流|请勿转发|請勿轉寄|請勿轉發|不得外传|不得外傳|禁止外传|注意保密|严禁复制|嚴禁複製',
  '転送禁止|複製禁止|社外持ち?出し?禁止|取扱注意|取り扱い注意|外部流出禁止',
  String.raw`(?:외부|사외)\s?유출\s?금지|배포\s?금지|복제\s?금지|외부\s?유출을\s?금합니다`,
  'ห้ามเผยแพร่|ห้ามส่งต่อ|ห้ามคัดลอก',
  'NÃO DIVULGAR|Não divulgar|NIET VERSPREIDEN|NIE ROZPOWSZECHNIAĆ|NO DIFUNDIR|NON DIVULGARE|NICHT WEITERGEBEN|DO NOT DISTRIBUTE',
];

/** Words that label a classification: "Classification: Restricted", 密级：绝密. */
export const CLASSIFICATION_LABELS = String.raw`(?:classification|sensitivity|confidentiality|機密等級|机密等级|保密等級|Vertraulichkeit(?:sstufe)?|Schutzstufe|Klassifikation|confidentialit[ée]|confidencialidad|confidencialidade|riservatezza|vertrouwelijkheid|poufności|kerahasiaan|gizlilik(?:\s+(?:seviyesi|düzeyi))?|уровень\s+конфиденциальности|درجة\s+السرية|مستوى\s+السرية|mức\s+độ\s+mật|機密レベル|情報分類|保密级别|保密等级|密等|기밀\s?등급|보안\s?분류|security\s+level|data\s+class|機密区分|機密性|秘密区分|取扱区分|情報区分|分类|密级|密級|보안\s?등급|등급|clasificaci[oó]n|classifica(?:ção|zione)|Einstufung|Klassifizierung|Geheimhaltungsstufe|niveau|classificatie|klauzula|gizlilik\s+derecesi|гриф|التصنيف|סיווג|độ\s+mật|klasifikasi|ชั้นความลับ)`;

/**
 * A verb or phrase saying that a text carries the marking that follows it: "is marked", "porte la
 * mention", 标记为, ติดป้าย. Whether the text is one specific document ("the attached deck is marked
 * Strictly Confidential") or a class of them ("documents marked Confidential must…") is decided
 * by the scanner from the words before. One regex source per language.
 */
export const MARKED_AS: readonly string[] = [
  String.raw`(?:is|was|are|were|has\s+been|have\s+been|comes?|came)\s+(?:clearly\s+|still\s+|also\s+|already\s+)?(?:marked|labell?ed|stamped|classified|tagged|watermarked|headed)(?:\s+(?:as|with))?|(?:header|footer|cover(?:\s+page)?|banner|stamp|label|watermark|title|subject(?:\s+line)?)\s+(?:says|reads|shows|states)|carries\s+the\s+(?:marking|label|stamp)|bears\s+the\s+(?:marking|label|stamp)`,
  String.raw`(?:está|esta|estaba|fue|va|vino|viene|está\s+siendo)\s+(?:marcad[oa]s?|etiquetad[oa]s?|clasificad[oa]s?|sellad[oa]s?)(?:\s+como)?|lleva\s+(?:la\s+(?:marca|etiqueta|leyenda)|el\s+sello)`,
  String.raw`(?:está|foi|vem|veio|estava)\s+(?:marcad[oa]s?|classificad[oa]s?|etiquetad[oa]s?|carimbad[oa]s?)(?:\s+como)?|traz\s+a\s+(?:marca|etiqueta|indicação)`,
  String.raw`(?:est|était|a\s+été)\s+(?:marqu[ée]e?|class[ée]e?|estampill[ée]e?|étiquet[ée]e?|tamponn[ée]e?)(?:\s+(?:comme|en))?|porte\s+la\s+mention`,
  String.raw`(?:è|e'|era|è\s+stat[oa])\s+(?:contrassegnat[oa]|classificat[oa]|etichettat[oa]|marcat[oa]|timbrat[oa])(?:\s+come)?|riporta\s+la\s+dicitura`,
  String.raw`trägt\s+den\s+(?:Vermerk|Stempel)|ist\s+gekennzeichnet\s+als|ist\s+eingestuft\s+als`,
  String.raw`(?:is|werd|staat|was)\s+(?:gemarkeerd|gelabeld|geclassificeerd|gestempeld)\s+als`,
  String.raw`(?:jest|został[aoy]?|była?|było)\s+(?:oznaczon\p{L}{1,2}|oznakowan\p{L}{1,2}|sklasyfikowan\p{L}{1,2}|opatrzon\p{L}{1,2}\s+klauzulą)(?:\s+jako)?|ma\s+klauzulę`,
  String.raw`(?:имеет|носит|стоит)\s+гриф|(?:помечен|помечена|помечено|помечены|отмечен[аоы]?|маркирован[аоы]?)(?:\s+как)?`,
  String.raw`(?:مصنفة?|مختومة?|موسومة?|تحمل|يحمل)\s+(?:علامة\s+|عبارة\s+|تصنيف\s+|ختم\s+|على\s+أنها?\s+)?(?:بـ?|كـ?)?`,
  String.raw`(?:מסומ(?:ן|נת|נים|נות)|מסווג(?:ת|ים|ות)?|מוגדר(?:ת)?|נושא(?:ת)?\s+(?:את\s+)?(?:הסימון|הסיווג|החותמת))\s*(?:כ|בתור\s+|בסיווג\s+)?`,
  String.raw`(?:được|bị|đã\s+được|đã\s+bị)\s+(?:đánh\s+dấu|đóng\s+dấu|gắn\s+nhãn|phân\s+loại|xếp\s+loại)(?:\s+(?:là|độ))?|có\s+(?:đóng\s+)?dấu`,
  String.raw`(?:ditandai|diberi\s+(?:tanda|label|cap)|berlabel|bertanda|dicap|diklasifikasikan)(?:\s+(?:sebagai|dengan))?`,
  '(?:标记为|標記為|标注为|標註為|标为|標為|列为|列為|定为|定為|盖有|蓋有|标有|標有|印有|注明|註明|写着|寫著|标着|標著)',
  String.raw`(?:ติดป้าย|ประทับตรา|มีตรา|มีป้าย|ทำเครื่องหมาย|จัดชั้นความลับเป็น|ระบุชั้นความลับว่า)\s?(?:ว่า)?`,
  String.raw`(?:헤더|머리글|바닥글|표지)(?:에는|에)\s?`,
  '(?:ヘッダー|フッター|表紙|ヘッダ)(?:に|には)',
];

/**
 * Words that make a "marked" sentence about a class of documents or a condition ("any document
 * that is marked…", "if the file is labelled…"), not about one document.
 */
export const GENERIC_SUBJECT = String.raw`(?<![\p{L}])(?:any|every|each|all|if|when|whenever|unless|that|which|cualquier|todo|todos|si|cuando|qualquer|quando|tout|tous|toute|quand|lorsque|ogni|qualsiasi|se|jede[rs]?|alle|wenn|falls|elk|elke|indien|wanneer|każd\p{L}{1,2}|jeśli|jeżeli|gdy|любой|любые|все|если|когда|أي|كل|إذا|عندما|כל|אם|כאשר|mọi|bất\s+kỳ|nếu|khi|setiap|semua|jika|apabila|her|tüm|eğer|任何|所有|凡|如果|若|すべて|全ての|もし|場合|모든|만약|경우|ทุก|หาก|ถ้า)(?![\p{L}])`;

/** Words that point at one document (this, the attached, この, 该, 이, นี้); a bare article does not (news: "the memo is classified…"). */
export const SPECIFIC_SUBJECT = String.raw`(?<![\p{L}])(?:this|these|the\s+attached|attached|enclosed|the\s+enclosed|the\s+following|este|esta|anexo|adjunto|ce|cette|ci-joint|joint|questo|questa|allegato|dieses?|diese[rm]?|beigefügte\p{L}{0,2}|angehängte\p{L}{0,2}|dit|deze|bijgevoegde|ten|ta|to|załączon\p{L}{1,2}|niniejsz\p{L}{1,2}|этот|эта|это|данн\p{L}{2}|приложенн\p{L}{2}|вложенн\p{L}{2}|هذا|هذه|المرفق\p{L}{0,2}|זה|זו|הזה|הזאת|המצורפ?\p{L}{0,2}|này|đính\s+kèm|ini|terlampir|bu|ekteki|ekli)(?![\p{L}])|この|本|添付|这|這|此|该|該|附件|(?<![\p{L}])(?:이|본|해당|첨부\p{L}{0,2})\s|นี้|ที่แนบ`;

/** What follows a marking to say that a text carries it: "als Vertraulich gekennzeichnet", 「社外秘」と記載されています, 대외비로 표시되어 있습니다. */
export const MARKED_AFTER = String.raw`olarak\s+(?:işaretlen\p{L}{0,8}|sınıflandırıl\p{L}{0,8}|etiketlen\p{L}{0,8})|ibaresi(?:ni)?\s+taşı\p{L}{0,8}|damgalı|gekennzeichnet|eingestuft|klassifiziert|gestempelt|と(?:記載|表示|明記|押印|書かれ|書いて)|の(?:表示|スタンプ|印|ラベル)が(?:あ|押|付)|(?:이)?라고\s?(?:표시|적혀|기재|되어)|(?:으)?로\s?(?:표시|분류|지정)(?:되어|돼)\s?있|字样|字樣`;

/**
 * The parts of a document where its marking stands (cover, header, title page, 表紙, 页眉, หัวกระดาษ):
 * "the cover page says «Confidential»", "(header: Internal)", 附件首頁標示「極機密」. Naming the place
 * of the marking makes the sentence about one document's marking, not about a rule. `latin` words
 * need word boundaries; `unspaced` ones (CJK, Thai) are matched as they are.
 */
export const DOCUMENT_PARTS = {
  latin: [
    String.raw`header|footer|cover(?:\s+page|\s+sheet)?|title\s+page|front\s+page|first\s+page|top\s+of\s+(?:the\s+)?(?:page|document|file|attachment)|banner|letterhead`,
    String.raw`portada|encabezado|cabecera|pie\s+de\s+página|carátula|primera\s+página`,
    String.raw`capa|cabeçalho|rodapé|folha\s+de\s+rosto|primeira\s+página`,
    String.raw`page\s+de\s+garde|en-?tête|pied\s+de\s+page|couverture|première\s+page`,
    String.raw`copertina|intestazione|frontespizio|piè\s+di\s+pagina|prima\s+pagina`,
    String.raw`Deckblatt|Kopfzeile|Fußzeile|Titelseite|Titelblatt|Briefkopf|erste[nr]?\s+Seite`,
    String.raw`voorblad|koptekst|voettekst|titelpagina|eerste\s+pagina`,
    String.raw`stron\p{L}{0,2}\s+tytułow\p{L}{1,3}|nagłów\p{L}{1,3}|stopk\p{L}{1,2}|okład\p{L}{2,3}|pierwsz\p{L}{1,3}\s+stron\p{L}{0,2}`,
    String.raw`kapa[kğ]\p{L}{0,8}|üst\s+bilgi\p{L}{0,6}|alt\s+bilgi\p{L}{0,6}|ilk\s+sayfa\p{L}{0,6}`,
    String.raw`титульн\p{L}{1,3}(?:\s+лист\p{L}{0,2})?|шапк\p{L}{1,2}|колонтитул\p{L}{0,2}|обложк\p{L}{1,2}|перв\p{L}{2,3}\s+страниц\p{L}{1,2}`,
    String.raw`أعلى|الترويسة|ترويسة|الغلاف|غلاف|رأس\s+الصفحة|تذييل|الصفحة\s+الأولى`,
    String.raw`בראש|כותרת|(?:ב|ה)?שער|(?:ב|ה)?עמוד\s+(?:ה)?שער|(?:ב|ה)?עמוד\s+הראשון|בתחתית`,
    String.raw`trang\s+bìa|bìa|đầu\s+trang|chân\s+trang|trang\s+đầu`,
    String.raw`sampul|kop(?:\s+surat)?|halaman\s+(?:depan|pertama|sampul)`,
  ],
  unspaced: [
    '表紙|冒頭|ヘッダー?|フッター|欄外|1ページ目|一枚目',
    '封面|首页|首頁|页眉|頁首|页脚|頁尾|頁腳|抬头|抬頭|扉页|扉頁|第一页|第一頁',
    String.raw`표지|머리글|머리말|바닥글|상단|헤더|첫\s?페이지`,
    'หัวกระดาษ|หน้าปก|หัวเอกสาร|ท้ายกระดาษ|หน้าแรก',
  ],
} as const;

/**
 * Words of a rule or a condition rather than a report: "the cover page must say «Confidential»",
 * 如果封面上写着…; the unspaced ones (CJK, Thai) need no word boundary, unlike GENERIC_SUBJECT's.
 */
export const RULE_WORDS = String.raw`(?<![\p{L}])(?:should|must|shall|need\s+to|has\s+to|have\s+to|debe\p{L}*|deve\p{L}*|doit|doivent|muss|müssen|sollte?n?|moet\p{L}*|musi\p{L}*|należy|powin\p{L}+|должн\p{L}*|нужно|необходимо|يجب|ينبغي|צריך|צריכה|חייב\p{L}*|phải|cần|harus|wajib|gerek\p{L}*|malı|meli)(?![\p{L}])|必须|必須|应当|應當|应该|應該|需要|べき|必要|해야|ต้อง|ควร|如果|若是|凡是|場合|もし|경우|만약|หาก|ถ้า`;

/**
 * A regex source that also matches the way people type it: a Turkish word with a dotted capital
 * (KİŞİYE ÖZEL, Şirket İçi: case-insensitive matching does not fold İ to i), an Arabic word with
 * its optional vowel marks (سري جداً, يُمنع).
 */
export function tolerant(source: string): string {
  let out = source;
  if (/[çğışöüÇĞŞÖÜ]/u.test(out)) out = out.replace(/i(?![^[]*\])/g, '[iİ]');
  if (/\p{Script=Arabic}/u.test(out)) out = out.replace(/(\p{Script=Arabic})/gu, '$1[\\u064B-\\u0652]*');
  return out;
}

/** One regex source for a list of marking words: longest first, spaces as any whitespace, typed forms tolerated. */
export const alternation = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => tolerant(w.replace(/ /g, '\\s+')))
    .join('|');

/** Any marking word, as a regex source. */
export const ANY_MARKING = alternation([...POSITIONAL_MARKINGS, ...WEAK_MARKINGS]);
/** A named part of a document (cover page, header, 表紙, trang bìa, …), as a regex source. */
export const DOCUMENT_PART = String.raw`(?<![\p{L}])(?:${DOCUMENT_PARTS.latin.join('|')})(?![\p{L}])|${DOCUMENT_PARTS.unspaced.join('|')}`;
