import { describe, expect, it } from 'vitest';
import type { GuardContext } from '../../src/guardrails/guard.js';
import { createMarkingScanner } from '../../src/guardrails/marking-scanner.js';
import { normalizeForScan } from '../../src/guardrails/normalize.js';
import type { RawFinding } from '../../src/guardrails/scanner.js';

const context: GuardContext = { readers: [], sources: [], language: 'en' };
const scanner = createMarkingScanner();

function markings(text: string): string[] {
  const n = normalizeForScan(text).text;
  return (scanner.scan(n, context) as readonly RawFinding[]).map((f) => n.slice(f.start, f.end));
}

describe('marking scanner', () => {
  it('finds markings in capitals, brackets, alone on a line, before a separator or after a label', () => {
    expect(markings('CONFIDENTIAL\nQ3 plan')).toEqual(['CONFIDENTIAL']);
    expect(markings('This memo is STRICTLY CONFIDENTIAL.')).toEqual(['STRICTLY CONFIDENTIAL']);
    expect(markings('Subject: [INTERNAL ONLY] headcount')).toEqual(['INTERNAL ONLY']);
    expect(markings('[Confidential] salary bands')).toEqual(['Confidential']);
    expect(markings('# Confidential\n\nBoard minutes')).toEqual(['Confidential']);
    expect(markings('Confidential: draft budget')).toEqual(['Confidential']);
    expect(markings('Classification: Restricted')).toEqual(['Restricted']);
    expect(markings('STRENG VERTRAULICH')).toEqual(['STRENG VERTRAULICH']);
    expect(markings('Clasificación: Confidencial')).toEqual(['Confidencial']);
    expect(markings('CONFIDENTIEL - ne pas diffuser')).toEqual(['CONFIDENTIEL - ne pas diffuser']);
  });

  it('finds Japanese, Chinese, Korean and Thai markings', () => {
    expect(markings('【社外秘】2026年度の人員計画')).toEqual(['社外秘']);
    expect(markings('［極秘］新製品')).toEqual(['極秘']);
    expect(markings('機密区分：関係者外秘')).toEqual(['関係者外秘']);
    expect(markings('社外秘　給与テーブル改定案')).toEqual(['社外秘']);
    expect(markings('密级：绝密')).toEqual(['绝密']);
    expect(markings('秘密★1年\n人员编制')).toEqual(['秘密']);
    expect(markings('[대외비] 조직 개편안')).toEqual(['대외비']);
    expect(markings('보안등급: 극비')).toEqual(['극비']);
    expect(markings('【ลับมาก】แผนปรับโครงสร้าง')).toEqual(['ลับมาก']);
    expect(markings('ชั้นความลับ: ลับที่สุด')).toEqual(['ลับที่สุด']);
  });

  it('ignores the words used in ordinary sentences', () => {
    for (const text of [
      'Please keep passwords confidential.',
      'Confidential information must not be shared on Slack.',
      'Keep this confidential and do not forward it.',
      'この情報は機密として扱ってください。',
      '機密情報の取り扱いについては規程を参照してください。',
      '秘密保持契約の雛形は法務ポータルにあります。',
      '请对这些信息保密。',
      '기밀 정보 취급에 관해서는 규정을 참고하세요.',
      'กลับบ้านได้หลังเวลา 17:30 น.',
      'Internal: call ext. 1234',
      'The secret to a fast laptop is closing tabs.',
      'CONFIDENTIALITY AGREEMENT templates are on the wiki.',
      'Mantén esta información confidencial.',
    ]) {
      expect(markings(text), text).toEqual([]);
    }
  });

  it('finds markings as companies write them: compound phrases and the markings of every answer language', () => {
    expect(markings('本資料は社外秘につき取扱注意')).toEqual(['社外秘', '取扱注意']);
    expect(markings('厳秘：人事評価結果一覧')).toEqual(['厳秘']);
    expect(markings('この資料は極秘です。')).toEqual(['極秘']);
    expect(markings('内部资料 严禁外传\n薪酬方案')).toEqual(['内部资料 严禁外传']);
    expect(markings('本文件为机密文件，请勿外传。')).toEqual(['本文件为机密文件,请勿外传']);
    expect(markings('본 문서는 대외비입니다.')).toEqual(['대외비']);
    expect(markings('เอกสารลับ ห้ามเผยแพร่')).toEqual(['เอกสารลับ ห้ามเผยแพร่']);
    expect(markings('Q3 board pack - Confidential')).toEqual(['Confidential']);
    expect(markings('㊙ 新製品ロードマップ')).toEqual(['秘']); // NFKC turns ㊙ into 秘
    expect(markings('Company Confidential – do not distribute')).toEqual([
      'Company Confidential – do not distribute',
    ]);
    for (const marking of [
      'Nur für den internen Gebrauch',
      'Uso interno',
      'Diffusion restreinte',
      'RISERVATO',
      'VERTROUWELIJK',
      'POUFNE',
      'GİZLİ',
      'Hizmete Özel',
      'Для служебного пользования',
      'СЕКРЕТНО',
      'سري',
      'סודי',
      'MẬT',
      'RAHASIA',
    ]) {
      expect(markings(`${marking}\nQ3 plan`), marking).toEqual([marking]);
    }
  });

  it('stays quiet on sentences about a marking', () => {
    for (const text of [
      '社外秘の資料はメールで送らないでください',
      '「社外秘」と表示された文書は印刷しないでください。',
      '取扱注意の書類は施錠保管してください。',
      '内部资料的管理办法见附件。',
      '대외비 문서는 이메일로 보내지 마세요.',
      'เอกสารลับต้องเก็บในตู้ที่ล็อก',
      'How to label a confidential document',
      'Documents marked CONFIDENTIAL must be stored in the locked cabinet.',
      'Mark documents as CONFIDENTIAL when they contain salary data.',
      'Etiquete el documento como CONFIDENCIAL antes de enviarlo.',
      'Документы с грифом «Для служебного пользования» хранятся в сейфе.',
      'ĐỔI MẬT KHẨU',
      'Our classification levels:\n- Public\n- Internal\n- Confidential\n- Strictly Confidential',
      'Public | Internal | Confidential | Secret',
      '情報区分は次のとおりです。\n・公開\n・社外秘\n・極秘',
    ]) {
      expect(markings(text), text).toEqual([]);
    }
  });

  it('finds a text declaring its own status, in every answer language', () => {
    expect(markings('This document is confidential and intended only for the named recipient.')).toEqual([
      'This document is confidential',
    ]);
    expect(markings('This e-mail and any files transmitted with it are confidential.')).toEqual([
      'This e-mail and any files transmitted with it are confidential',
    ]);
    for (const text of [
      'The information in this report is strictly confidential.',
      'Dieses Dokument ist vertraulich.',
      'Ce document est confidentiel.',
      'Este documento es confidencial.',
      'Este documento é confidencial.',
      'Questo documento è riservato.',
      'Dit document is vertrouwelijk.',
      'Dokument ten jest poufny.',
      'Данный документ является конфиденциальным.',
      'هذه الوثيقة سرية',
      'מסמך זה סודי',
      'Tài liệu này là tài liệu mật.',
      'Dokumen ini bersifat rahasia',
      'Bu belge gizlidir.',
      '本文件属于机密',
      '本件は機密です。',
      '본 자료는 대외비로 외부 유출을 금합니다.',
      'เอกสารนี้เป็นความลับ',
    ]) {
      expect(markings(text), text).toHaveLength(1);
    }
  });

  it('finds a marking followed by a ban on passing the text on, and sentence-case headers', () => {
    expect(markings('Forecast attached. Confidential – do not share outside finance.')).toEqual([
      'Confidential – do not share',
    ]);
    expect(markings('Internal – do not forward')).toHaveLength(1);
    expect(markings('Interne Unterlage – nicht zur Weitergabe')).toEqual([
      'Interne Unterlage – nicht zur Weitergabe',
    ]);
    expect(markings('Information confidentielle')).toEqual([]);
    expect(markings('Informacja poufna – nie rozpowszechniać')).toEqual([
      'Informacja poufna – nie rozpowszechniać',
    ]);
    expect(markings('内部文件，注意保密')).toEqual(['内部文件,注意保密']);
    expect(markings('Acme Corp | Internal use only | Page 2')).toEqual(['Internal use only']);
    expect(markings('Sensitivity label: Confidential')).toEqual(['Confidential']);
    for (const marking of [
      'Usage interne uniquement',
      'Apenas para uso interno',
      'Solo per uso interno',
      'Gizlidir',
      'Только для внутреннего использования',
      'Chỉ sử dụng nội bộ',
      'Uitsluitend voor intern gebruik',
      'Tylko do użytku wewnętrznego',
      '限閱',
    ]) {
      expect(markings(`${marking}\nQ3 plan`), marking).toEqual([marking]);
    }
  });

  it('stays quiet on negated, conditional, quoted or questioned declarations and on level definitions', () => {
    for (const text of [
      'If this document is confidential, mark it accordingly.',
      'Is this document confidential?',
      'Add the footer "This document is confidential" to every page.',
      'What does "Confidential – do not distribute" mean?',
      'Este documento no es confidencial.',
      'Dieses Dokument ist nicht vertraulich.',
      'Этот документ не является конфиденциальным.',
      'Bu belge gizli mi?',
      'Tài liệu này là mật khẩu mới.',
      '如果本文件属于机密，请标注。',
      '이 정보는 기밀로 유지하고 외부에 전달하지 마세요.',
      'เอกสารนี้เป็นความลับหรือไม่',
      'Confidential information includes salary data and customer lists.',
      'Informations confidentielles : voir la politique de sécurité.',
      'Public: anyone may read it.\nInternal: employees only.\nConfidential: do not distribute outside the need-to-know group.',
    ]) {
      expect(markings(text), text).toEqual([]);
    }
  });

  it('finds a marking a specific document is said to carry, in any case and language', () => {
    for (const [text, marking] of [
      ['The attached deck is marked Strictly Confidential, see slide 4.', 'Strictly Confidential'],
      ["This file is labelled 'Internal use only'.", 'Internal use only'],
      ['As the header says, 社外秘 なので転送しないでください。', '社外秘'],
      ['Das angehängte Dokument ist als „Vertraulich“ gekennzeichnet.', 'Vertraulich'],
      ['Le fichier joint est marqué Confidentiel.', 'Confidentiel'],
      ['El documento adjunto está marcado como Confidencial.', 'Confidencial'],
      ['Il file allegato è contrassegnato come Riservato.', 'Riservato'],
      ['Het bijgevoegde bestand is gemarkeerd als Vertrouwelijk.', 'Vertrouwelijk'],
      ['Załączony plik jest oznaczony jako Poufne.', 'Poufne'],
      ['Приложенный отчёт помечен как «Конфиденциально».', 'Конфиденциально'],
      ['Ekteki belge Gizli olarak işaretlenmiştir.', 'Gizli'],
      ['המסמך המצורף מסומן כסודי.', 'סודי'],
      ['Tài liệu đính kèm được đánh dấu Mật.', 'Mật'],
      ['Dokumen terlampir ditandai Rahasia.', 'Rahasia'],
      ['この資料には「社外秘」と記載されています。', '社外秘'],
      ['이 문서는 대외비로 표시되어 있습니다.', '대외비'],
      ['该文件标有“机密”字样。', '机密'],
      ["ไฟล์ที่แนบมาติดป้าย 'ลับ' กรุณาอย่าส่งต่อ", 'ลับ'],
    ] as const) {
      expect(markings(text), text).toEqual([marking]);
    }
  });

  it('stays quiet on rules about a class of marked documents and on ลับ inside a Thai sentence or word', () => {
    for (const text of [
      'Documents marked Confidential must not be e-mailed.',
      'Any document that is marked Confidential must be encrypted.',
      'If the file is labelled Internal, keep it on the intranet.',
      'Dokumente, die als vertraulich gekennzeichnet sind, dürfen nicht gemailt werden.',
      '标有机密字样的文件必须加密。',
      'לדבריו, מסמך סיכום השימוע מסווג כסודי.',
      'ห้ามส่งเอกสารลับทางอีเมล',
      'พนักงานต้องไม่นำเอกสารลับมากกว่าหนึ่งชุดออกจากสำนักงาน',
      'กลับบ้านเถอะ ลับ',
      'เอกสารลับที่ติดป้าย ลับ ต้องเก็บในตู้',
    ]) {
      expect(markings(text), text).toEqual([]);
    }
  });
});

describe('marking scanner: framed, weak, placed and banning markings', () => {
  it('finds a marking framed on its line, a weak one where it cannot be a heading, and a ban standing alone', () => {
    for (const [text, marking] of [
      ['Budgetentwurf 2029\n\n— Vertraulich —', 'Vertraulich'],
      ['■関係者外秘■ 新製品の発売計画', '関係者外秘'],
      ['RESTRICTED\n\nSupplier shortlist for the new warehouse.', 'RESTRICTED'],
      ['Kostenraming nieuwe vestiging\n\nGeheim', 'Geheim'],
      ['以下是會議摘要。\n\n密\n\n新廠房選址', '密'],
      ['Vendor shortlist\n\nDO NOT SHARE OUTSIDE THE COMPANY', 'DO NOT SHARE OUTSIDE THE COMPANY'],
      ['**ห้ามส่งต่อ**\nรายชื่อผู้ขาย', 'ห้ามส่งต่อ'],
      ['ŞİRKET İÇİ\nYeni depo için aday lokasyonlar', 'ŞİRKET İÇİ'],
      ['قائمة الموردين\n\n— سرّي للغاية —', 'سرّي للغاية'],
    ] as const) {
      expect(markings(text), text).toEqual([marking]);
    }
  });

  it('finds a marking that a named part of the document carries', () => {
    for (const [text, marking] of [
      ['Gist of the attachment (footer: Restricted): three vendors.', 'Restricted'],
      ['Streszczenie (stopka: Poufne): zamykamy dwa magazyny.', 'Poufne'],
      ['The title page reads "INTERNAL". In short: two sites merge.', 'INTERNAL'],
      ['Auf dem Deckblatt steht „VERTRAULICH“. Kurz gesagt: zwei Standorte.', 'VERTRAULICH'],
      ['表紙には「社外秘」と書かれています。', '社外秘'],
      ['封面上写着“绝密”。主要内容如下。', '绝密'],
    ] as const) {
      expect(markings(text), text).toEqual([marking]);
    }
  });

  it('stays quiet on rules and conditions about a part, on headings and on bans with an object', () => {
    for (const text of [
      "If the cover page says 'Confidential', store the file on the restricted share.",
      'The cover page must say "Internal" on every HR template.',
      'Title: Internal mobility programme starts in May.',
      'Do not share your password with anyone, not even IT.',
      "Documents with 'Confidential' on the cover page go in the locked cabinet.",
      '表紙に「社外秘」と書く必要がある場合は、テンプレートを使ってください。',
      '如果封面上写着“绝密”，请不要打印。',
      'Wszelkie prawa zastrzeżone.',
      'Security\nThe lab is restricted to badge holders.',
    ]) {
      expect(markings(text), text).toEqual([]);
    }
  });
});

describe('stamps (2026-12-05, weakest categories)', () => {
  it('finds a marking after a stamp or seal label, in several languages and scripts', () => {
    const cases: [string, string][] = [
      ['[Stempel] VERTRAULICH\nProtokoll der Sitzung vom 4. Mai', 'VERTRAULICH'],
      ['Cachet : CONFIDENTIEL\nCompte rendu du comité', 'CONFIDENTIEL'],
      ['【印章】绝密 财务部 2026-03-02', '绝密'],
      ['(직인) 대외비 총무팀', '대외비'],
      ['ตรายาง: ลับ\nบันทึกการประชุม', 'ลับ'],
      ['الختم: سري\nمحضر الاجتماع', 'سري'],
      ['[חותמת] סודי ביותר – לשכת המנכ"ל', 'סודי'],
    ];
    for (const [text, part] of cases) expect(markings(text).join(' '), text).toContain(part);
  });

  it('finds a stamp line: a marking in capitals or a CJK character, a department and a date', () => {
    expect(markings('秘 総務部 2026.04.01 押印')).toEqual(['秘']);
    expect(markings('極秘 経営企画室 2026/05/12')).toContain('極秘');
  });

  it('passes sentences that start with a seal or stamp word, and lists of interns with dates', () => {
    for (const text of [
      'Seal: internal audit passed on Monday.',
      'Stempel: intern anfragen, die Poststelle hat ihn.',
      'Intern Max Weber 2026-01-03\nIntern Lisa Brandt 2026-02-01',
      'The stamp says the parcel was received on 2026-03-02.',
    ]) {
      expect(markings(text), text).toEqual([]);
    }
  });
});

describe('bans that name where the text may not go, and markings with a ban in footers (2026-12-05)', () => {
  it('finds a colloquial ban on forwarding outside a group, after a request', () => {
    for (const text of [
      'Tolong dibaca dulu ya, tapi jangan diteruskan ke luar tim keuangan.',
      'Anh xem giúp em, nhưng đừng chuyển tiếp ra ngoài phòng nhân sự nhé.',
      'תסתכלי על זה, אבל אל תשתפי אף אחד מחוץ לצוות.',
      'شوفها لو سمحت، بس لا تشاركها مع أحد خارج الفريق.',
    ]) {
      expect(markings(text).length, text).toBeGreaterThan(0);
    }
  });

  it('finds a ban with a second verb or a permission, in a footer', () => {
    for (const text of [
      'الصفحة 2 من 7 — يُمنع النسخ أو النشر خارج قسم الموارد البشرية',
      'עמוד 3 מתוך 8 — אין להפיץ או להעתיק מחוץ למחלקת הרכש',
      'Hal. 1 dari 4 · Dilarang menyebarkan atau menggandakan tanpa izin Direksi',
    ]) {
      expect(markings(text).length, text).toBeGreaterThan(0);
    }
  });

  it('joins a marking and a ban in more languages', () => {
    expect(markings('INTERNAL – לא להעברה | גרסה 3')).toContain('INTERNAL – לא להעברה');
    expect(markings('Nội bộ – không phát tán | Trang 2')).toContain('Nội bộ – không phát tán');
    expect(markings('사내 자료\n대외비 - 외부 반출 금지').join(' ')).toContain('대외비');
    expect(markings('(內部使用，禁止外流)')).toEqual(['內部使用,禁止外流']);
  });

  it('passes bans with an object of their own and errands outside', () => {
    for (const text of [
      'Đừng chia sẻ mật khẩu với bất kỳ ai.',
      'Jangan kirim paket ke luar kota tanpa resi.',
      'אל תשאיר את המחשב מחוץ למשרד בלילה.',
      'Nội bộ công ty sẽ họp vào thứ Hai.',
      'لا تترك الحاسوب خارج المكتب.',
    ]) {
      expect(markings(text), text).toEqual([]);
    }
  });
});

describe('a marking put on or taken off a part of a document, or offered as a choice (2026-12-05)', () => {
  it('passes instructions and choices about a marking on a header, footer or subject', () => {
    for (const text of [
      'Ajoutez « Confidentiel » dans le pied de page avec le menu Étiquettes.',
      'Entferne „VERTRAULICH“ aus der Kopfzeile, bevor das Angebot rausgeht.',
      'Antes de publicar, quite el encabezado "USO INTERNO" de la plantilla.',
      'Перед отправкой клиенту удалите колонтитул «Для служебного пользования».',
      '发给客户前，请把封面上的"绝密"去掉。',
      '件名に【社外秘】と【関係者限り】のどちらを付けるかは部長が決めます。',
      'Tag the subject [Internal] or [Confidential]? Ask the sender.',
    ]) {
      expect(markings(text), text).toEqual([]);
    }
  });

  it('still finds the marking one document carries on a named part', () => {
    expect(markings('The footer of the attached deck reads «CONFIDENTIAL».').length).toBeGreaterThan(0);
    expect(markings('O rodapé do relatório anexo diz "CONFIDENCIAL".').length).toBeGreaterThan(0);
    expect(markings('Auf dem Deckblatt des Berichts steht „VERTRAULICH“.').length).toBeGreaterThan(0);
  });
});
