import { describe, expect, it } from 'vitest';
import type { GuardContext } from '../../src/guardrails/guard.js';
import { createGuardrail } from '../../src/guardrails/guardrail.js';

/*
 * The classes the clause pass, the self-declaration pass and the looser token rules were built for
 * (written here, not taken from an evaluation corpus): each case names the value that must be held,
 * or none when the text must pass.
 */

const guard = createGuardrail();

async function held(text: string, language = 'en'): Promise<string[]> {
  const context: GuardContext = {
    readers: [{ email: 'reader@example.com', groups: ['all'] }],
    sources: [],
    language,
  };
  const verdict = await guard.check(text, context);
  if (verdict.action === 'allow') return [];
  return verdict.findings.map((f) => text.slice(f.start, f.end));
}

const holds = async (text: string, value: string, language?: string) => {
  const found = await held(text, language);
  expect(
    found.some((f) => f.includes(value) || value.includes(f)),
    `${text}\n  wanted ${value}, found ${JSON.stringify(found)}`,
  ).toBe(true);
};
const passes = async (text: string, language?: string) => {
  expect(await held(text, language), text).toEqual([]);
};

describe('the clause after a credential word', () => {
  it('takes a chosen value however the sentence joins it to the word', async () => {
    const cases: [string, string, string][] = [
      ['en', 'heads up: the pw on the lobby kiosk is now Tulip2027!, the old one is gone', 'Tulip2027!'],
      [
        'de',
        'Das Kennwort für den Plotter im Keller wurde geändert auf Falke77!, bitte weitersagen.',
        'Falke77!',
      ],
      [
        'fr',
        'Le mdp de la boîte partagée du support, désormais c’est soleil42# – ne le diffuse pas.',
        'soleil42#',
      ],
      ['es', 'Te paso la contraseña provisional del escáner: ahora mismo vale Cactus2026.', 'Cactus2026'],
      ['it', 'La password del tablet in sala riunioni adesso è Gabbiano88.', 'Gabbiano88'],
      ['pl', 'Hasło do routera w magazynie ustawione na Wisla1999#.', 'Wisla1999#'],
      ['tr', 'Toplantı odası bilgisayarının şifresini Kartal1903 olarak değiştirdik.', 'Kartal1903'],
      ['ru', 'Пароль от ноутбука в переговорной теперь Volga2025!, старый не подходит.', 'Volga2025!'],
      ['vi', 'Nhập mật khẩu quản trị Kho#Q7x2026 để mở menu cài đặt.', 'Kho#Q7x2026'],
      ['id', 'Untuk printer lantai 2, passwordnya Merapi!2026 ya.', 'Merapi!2026'],
    ];
    for (const [language, text, value] of cases) await holds(text, value, language);
  });

  it('takes door, alarm and safe codes and dial combinations after what they open', async () => {
    const cases: [string, string, string][] = [
      ['en', 'If the warehouse alarm goes off, key in 570213 on the panel by the shutter.', '570213'],
      ['en', 'The wall safe behind reception opens with 12-40-77, turn left first.', '12-40-77'],
      ['de', 'Der Tresor in der Buchhaltung geht mit der Kombination 31-08-64 auf.', '31-08-64'],
      ['fr', 'Le digicode du local vélos est 4C72B, merci de ne pas le noter sur la porte.', '4C72B'],
      ['nl', 'Het kluisje met de autosleutels gaat open met 8264.', '8264'],
      ['ja', '倉庫の警報を解除するときは 730914 を入力してください。', '730914'],
      ['ko', '재무팀 금고 다이얼은 22-09-51 순서로 돌리면 됩니다.', '22-09-51'],
      ['th', 'รหัสประตูห้องเอกสารคือ 640817 นะคะ', '640817'],
      ['he', 'הכספת במחסן נפתחת עם 88-12-40, קודם ימינה.', '88-12-40'],
    ];
    for (const [language, text, value] of cases) await holds(text, value, language);
  });

  it('takes passphrases written as words', async () => {
    await holds(
      'For the offline vault the recovery passphrase is copper lantern velvet moss, all lower case.',
      'copper lantern velvet moss',
    );
    await holds(
      'Als Entra down is, gebruik de wachtzin hagel-molen-tulp-29 op de console.',
      'hagel-molen-tulp-29',
      'nl',
    );
    await holds('Парольная фраза для сейфа ключей — сосна-река-гром-41.', 'сосна-река-гром-41', 'ru');
  });

  it('takes the password of an account handed over as name / password, emphasis or not', async () => {
    await holds(
      'Cuenta para la consultora: **CONS-EXT-4** / **hQ7$wK2pLm9x** (caduca el lunes).',
      'hQ7$wK2pLm9x',
      'es',
    );
    await holds('Konto testowe dla audytu: QA-ZEW-2 / tB4!mX8rWq3n, ważne do środy.', 'tB4!mX8rWq3n', 'pl');
  });

  it('stays quiet on numbers, products, names and rules around the same words', async () => {
    const clean: [string, string][] = [
      ['en', 'Your password must be at least 14 characters and expires every 90 days.'],
      ['en', 'Passwords like Summer2024! are easy to guess, so avoid seasons and years.'],
      ['en', 'To reset your password call the service desk on extension 4410.'],
      ['en', 'The door code for the server room changes every quarter; ask Facilities for it.'],
      ['en', 'The alarm panel on floor 3 was replaced in 2023 and now supports 2FA.'],
      ['en', 'Store shared passwords in 1Password, never in Office365 documents or Windows11 notes.'],
      ['en', 'The safe was delivered on 12-05-2026 and weighs 120 kg.'],
      ['de', 'Dein Passwort kannst du im Self-Service-Portal unter Konto > Sicherheit zurücksetzen.'],
      ['de', 'Der Tresor im 2. OG wird am 14.03. gewartet; Rückfragen unter Durchwahl 2231.'],
      ['fr', 'Le mot de passe doit contenir au moins 12 caractères, par exemple Azerty2024!.'],
      ['it', 'La parola "riservato" deriva dal latino e significa "messo da parte".'],
      ['ja', 'パスワードは1Passwordの共有保管庫で管理し、Excelには書かないでください。'],
      ['zh', '1754年，总督解除了堡垒的武装，并派出500人增援。'],
      ['es', 'Si olvidas la contraseña, el portal te enviará un enlace; tarda unos 5 minutos.'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a placeholder as config files write it
      ['en', 'Set spring.datasource.password=${DB_PASSWORD} and let the vault inject the value.'],
      ['en', 'Pin the image to ghcr.io/acme/app:v2.3.1 before deploying.'],
    ];
    for (const [language, text] of clean) await passes(text, language);
  });
});

describe('a text declaring itself confidential', () => {
  it('is held whatever stands between "this document" and the status', async () => {
    const cases: [string, string][] = [
      ['en', 'The figures contained in this report are strictly confidential and meant for the board.'],
      ['fr', 'Les données figurant dans ce courriel sont confidentielles et destinées au seul destinataire.'],
      [
        'es',
        'Los datos incluidos en este mensaje son confidenciales y están dirigidos solo a su destinatario.',
      ],
      ['it', 'I contenuti di questa e-mail sono riservati e destinati esclusivamente al destinatario.'],
      ['tr', 'Bu e-postada yer alan bilgiler gizlidir ve yalnızca alıcıya yöneliktir.'],
      ['ru', 'Сведения, приведённые в этом письме, являются конфиденциальными.'],
      ['zh', '本邮件所含内容属于公司保密信息，仅供收件人阅读。'],
      ['ko', '본 메일은 당사의 기밀 정보를 포함하고 있습니다.'],
    ];
    for (const [language, text] of cases)
      expect((await held(text, language)).length, text).toBeGreaterThan(0);
  });

  it('passes questions, negations, rules and quoted footers', async () => {
    const clean: [string, string][] = [
      ['en', 'Is this document confidential?'],
      ['en', 'Add the footer "This document is confidential" to every page of board material.'],
      ['en', 'If this document is confidential, mark it before you share it.'],
      ['en', 'This document explains what confidential and internal mean at Acme.'],
      ['tr', 'Bu belge gizli değildir.'],
      ['zh', '该文件是机密吗？'],
      ['zh-TW', '機密紙本文件請投入各樓層的機密文件銷毀箱。'],
    ];
    for (const [language, text] of clean) await passes(text, language);
  });

  it('holds bracketed compound labels and internal-document footers', async () => {
    for (const [language, text] of [
      ['en', 'Subject: [RESTRICTED – INTERNAL] 2027 price list draft'],
      ['zh', '主题：【内部机密】华东区季度数据'],
      ['fr', 'Remises 2027 pour les grands comptes.\n\n*Document à usage interne uniquement*'],
      ['tr', 'Fiyatlar şubatta artacak.\n\n_Şirket içi belgedir – dağıtılamaz_'],
    ] as const) {
      expect((await held(text, language)).length, text).toBeGreaterThan(0);
    }
  });
});

describe('tokens handed over without a word', () => {
  it('holds hex secrets, grouped keys, letter-only and base32 tokens', async () => {
    await holds(
      'The value for the webhook signature field is 5be0c1a97d34f28e60a9b1c4d7e2f380.',
      '5be0c1a97d34f28e60a9b1c4d7e2f380',
    );
    await holds('Paste Zr8kT2wQ-mN4vX7bL-pC9hY3dF into the pre-shared field.', 'Zr8kT2wQ-mN4vX7bL-pC9hY3dF');
    await holds('Kopier dies ins Feld: qWxRtYpLmKzNvBcXsDfGhJ', 'qWxRtYpLmKzNvBcXsDfGhJ', 'de');
    await holds('Choose manual entry in the authenticator and type KX7QZ3MWPB2RTN4H.', 'KX7QZ3MWPB2RTN4H');
  });

  it('passes digests, commits and plain words', async () => {
    await passes('The fix landed in commit 3f9c2a7b81d04e6fa5c2b19d8e7f60a4b3c21d09 on main.');
    await passes('提交 3f9c2a7b81d04e6fa5c2b19d8e7f60a4b3c21d09 已合并到主分支。', 'zh');
    await passes(
      'SHA-256 of the installer:\n\n9e1f0c2b7a4d38e56f21b0c9d8a7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9',
    );
    await passes('Merit Network Inc., eine unabhängige 501(c)(3)-Gesellschaft, betreibt das Netz.', 'de');
    await passes('Serial numbers look like INTERNATIONALBUSINESS and ordinary capitals.');
  });
});

describe('pay and cards', () => {
  it('holds every amount of a sentence about one person’s pay', async () => {
    const found = await held('周明今年的年薪调整为 42万元，比去年多了 3.5万元。', 'zh');
    expect(found.join(' ')).toContain('42万元');
    expect(found.join(' ')).toContain('3.5万元');
  });

  it('knows Mir and Troy cards', async () => {
    await holds(
      'Бронь гарантирована картой «Мир» 2200 1234 5678 9019, срок до 07/29.',
      '2200 1234 5678 9019',
      'ru',
    );
  });
});

describe('found in review: ordinary answers and real markings', () => {
  it('passes help-desk sentences with product names, times, ranges, UI labels and office addresses', async () => {
    for (const text of [
      'Type SecureBoot2024 into the search box to find the firmware guide.',
      'The copier still shows Jam-Tray2 after you clear it; call facilities.',
      'On the printer, enter your badge number and choose Scan2Email.',
      'Deliveries use the rear gate; the gate opens at 0630 on weekdays.',
      'Der Alarm der Kaffeemaschine piept bei Fehler 4012; bitte entkalken.',
      'Le clavier de remplacement (référence 920010) est en stock au magasin.',
      'To book a locker, open the app and pick a number between 1001 and 1400.',
      'Bob Taylor is on sick leave for two weeks; his tickets go to Alice.',
      'Anna Berg runs payroll. For parcels, use the address Unit 4, 18 Harbour Road, Leeds LS1 4AB.',
      'Born on 12 March 1985 in Lisbon, our founder Ana Costa started the company in 2010.',
      'Do not print — the plotter on floor 2 is out of service until Monday.',
      'This document is confidential only if it carries a label; the FAQ below is public.',
      'Distribution: all staff only after approval by Comms.',
    ]) {
      await passes(text);
    }
  });

  it('holds markings followed by an instruction, not a definition', async () => {
    for (const [language, text] of [
      ['en', 'CONFIDENTIAL - to be read by the board only.'],
      ['tr', 'GİZLİ: bu belge yalnızca yönetim kurulu içindir.'],
      ['es', 'CONFIDENCIAL: es obligatorio destruir tras su lectura.'],
    ] as const) {
      expect((await held(text, language)).length, text).toBeGreaterThan(0);
    }
    await passes('Коммерческая тайна — это цены, наценки, списки клиентов.', 'ru');
  });
});

describe('from the development set v6', () => {
  it('holds documents reserved for a group, abbreviated markings and pay tables with a name column', async () => {
    for (const [language, text] of [
      ['fr', 'Ce document est réservé au comité de direction.'],
      ['de', 'Dieses Dokument ist nur für die Geschäftsleitung bestimmt.'],
      ['en', 'notes from the redundancy planning call (HR eyes only)'],
      ['nl', 'footer: Bouwgroep West | Vertr. | v2.1'],
      ['pl', 'Premie roczne:\nImię i nazwisko | Dział | Kwota\nJan Wiśniewski | Logistyka | 3 800 zł'],
      ['en', 'Settlement agreement for R. Mensah: £18,500 ex gratia, signed on Friday.'],
    ] as const) {
      expect((await held(text, language)).length, text).toBeGreaterThan(0);
    }
  });

  it('passes a list of levels and a table of departments', async () => {
    await passes('Public | Internal | Confidential | Secret');
    await passes('Budget 2027:\nAfdeling | Bedrag\nVerkoop | € 120.000\nInkoop | € 80.000', 'nl');
  });
});

describe('codes keyed digit by digit and answers in a chat', () => {
  it('holds spaced codes, unlock codes and a password given as the next chat line', async () => {
    await holds(
      'Minutes: the alarm panel disarm sequence was changed to 4 1 7 3 after the contractor left.',
      '4 1 7 3',
    );
    await holds(
      'Le portable d’astreinte se déverrouille avec 639174 ; le PIN de la SIM est dans la pochette.',
      '639174',
      'fr',
    );
    await holds('[09:12] Lea: what is the pw for locker 12?\n[09:13] Sam: lantern42 I think', 'lantern42');
  });

  it('passes a numbered list after a code word and ordinary questions in chats', async () => {
    await passes('[09:12] Lea: where do I reset my password?\n[09:13] Sam: in the portal, under Security');
  });
});

describe('links, accounts and generated passphrases', () => {
  it('holds a token in a link, a password after an account and "and", and Title-Case passphrases', async () => {
    await holds(
      'Dashboard link: https://bi.corp.local/share?auth=Qw7mZr2LpX9vTk4N (office network only)',
      'Qw7mZr2LpX9vTk4N',
    );
    await holds(
      'While Ana is away, her stand-in signs in to the CMS with the account ana.cover and Harbour&Lemon42.',
      'Harbour&Lemon42',
    );
    await holds(
      'Avec Mouette-Bleue-37 tu accèdes à la page de gestion de la pointeuse.',
      'Mouette-Bleue-37',
      'fr',
    );
  });

  it('passes links without secrets and product names with a plus', async () => {
    await passes('See https://intranet.corp.local/search?q=vacation+policy&page=2 for the rules.');
    await passes('Auf Sky+HD wird das Material im Format MPEG-4 ausgestrahlt.', 'de');
  });
});
