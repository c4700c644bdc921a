import { describe, expect, it } from 'vitest';
import { detectLanguage, primarySubtag } from '../../src/inference/language.js';

/** Questions employees actually ask a helpdesk, a few per language. */
const QUESTIONS: Record<string, readonly string[]> = {
  en: [
    'How many days of paid leave do I get?',
    'How do I reset my VPN password?',
    'Where can I find the expense report form?',
    'My laptop is broken, what should I do?',
  ],
  ja: [
    '有給休暇は何日もらえますか？',
    'VPNに接続できません',
    'Microsoft Teamsの通知を止めたい',
    '経費精算の締め日はいつですか',
  ],
  zh: ['年假有多少天？', '如何重置VPN密码？', '报销需要哪些材料？', 'Wi-Fi密码是什么'],
  ko: ['연차 휴가는 며칠인가요?', 'VPN 비밀번호를 어떻게 재설정하나요?', '노트북이 고장 났어요'],
  th: ['ลาพักร้อนได้กี่วัน', 'รีเซ็ตรหัสผ่าน VPN อย่างไร', 'เบิกค่าเดินทางต้องใช้เอกสารอะไรบ้าง'],
  es: [
    '¿Cuántos días de vacaciones tengo al año?',
    '¿Cómo restablezco mi contraseña?',
    'Dónde está la impresora?',
    'Necesito un portátil nuevo',
    '¿Quién aprueba los gastos de viaje?',
  ],
  fr: [
    'Combien de jours de congés payés ai-je ?',
    'Comment réinitialiser mon mot de passe ?',
    "Je n'arrive pas à me connecter au VPN",
  ],
  de: [
    'Wie viele Urlaubstage habe ich im Jahr?',
    'Wie setze ich mein Passwort zurück?',
    'Mein Laptop ist kaputt',
  ],
  pt: [
    'Quantos dias de férias eu tenho por ano?',
    'Como faço para redefinir minha senha?',
    'Onde fica a impressora?',
    'Não consigo acessar o Wi-Fi do escritório',
  ],
  id: [
    'Berapa hari cuti tahunan yang saya dapatkan?',
    'Bagaimana cara mengatur ulang kata sandi saya?',
    'Laptop saya rusak',
  ],
  vi: [
    'Tôi được nghỉ phép bao nhiêu ngày mỗi năm?',
    'Làm sao để đặt lại mật khẩu?',
    'Wi-Fi văn phòng không kết nối được',
  ],
  ar: ['كم عدد أيام الإجازة السنوية؟', 'كيف أعيد تعيين كلمة المرور الخاصة بي؟', 'أين أجد نموذج المصروفات؟'],
  ru: ['Сколько дней отпуска мне положено?', 'Как сбросить пароль от VPN?', 'Не работает принтер'],
};

describe('detectLanguage', () => {
  for (const [language, questions] of Object.entries(QUESTIONS)) {
    it(`recognises helpdesk questions in ${language}`, () => {
      for (const question of questions)
        expect([question, detectLanguage(question)]).toEqual([question, language]);
    });
  }

  it('recognises other languages by their script or words', () => {
    expect(detectLanguage('Come posso reimpostare la mia password?')).toBe('it');
    expect(detectLanguage('Hoeveel vakantiedagen krijg ik per jaar?')).toBe('nl');
    expect(detectLanguage('Yıllık izin kaç gün?')).toBe('tr');
    expect(detectLanguage('Ile dni urlopu mi przysługuje?')).toBe('pl');
    expect(detectLanguage('मुझे कितने दिन की छुट्टी मिलती है?')).toBe('hi');
    expect(detectLanguage('כמה ימי חופשה מגיעים לי?')).toBe('he');
    expect(detectLanguage('Πώς αλλάζω τον κωδικό μου;')).toBe('el');
    expect(detectLanguage('چگونه رمز عبور را تغییر دهم؟')).toBe('fa');
    expect(detectLanguage('Як змінити пароль від пошти?')).toBe('uk');
  });

  it('reads Han-only text by what the asker wrote, the locale deciding only an even case', () => {
    expect(detectLanguage('有給休暇申請方法')).toBe('ja'); // 有給, 休暇: Japanese words
    expect(detectLanguage('请问年假怎么申请？', 'ja-JP')).toBe('zh');
    expect(detectLanguage('有給休暇の申請方法', 'zh-CN')).toBe('ja'); // kana
    expect(detectLanguage('人事部', 'ja-JP')).toBe('ja');
    expect(detectLanguage('人事部')).toBe('zh');
  });

  it('goes by the script with most letters when scripts mix', () => {
    expect(detectLanguage('Outlookのメールが送れません')).toBe('ja');
    expect(detectLanguage('What does 有給 mean in the leave policy?')).toBe('en');
    expect(detectLanguage('Что такое Engineering News-Record?')).toBe('ru');
    expect(detectLanguage('Internet2是什么')).toBe('zh');
  });

  it('lets the locale decide text that carries no language of its own', () => {
    expect(detectLanguage('VPN')).toBe('en');
    expect(detectLanguage('VPN', 'ja-JP')).toBe('ja');
    expect(detectLanguage('wifi password', 'es-MX')).toBe('es');
    expect(detectLanguage('???', 'de')).toBe('de');
    expect(detectLanguage('12345')).toBe('en');
    expect(detectLanguage('')).toBe('en');
  });

  it('does not let the locale override clear evidence', () => {
    expect(detectLanguage('How do I reset my password?', 'ja-JP')).toBe('en');
    expect(detectLanguage('¿Cuántos días de vacaciones tengo al año?', 'pt-BR')).toBe('es');
    expect(detectLanguage('有給休暇は何日もらえますか？', 'en-US')).toBe('ja');
  });

  // Spanish and Portuguese share most short questions' words; these are the honest cases.
  it('separates short Spanish and Portuguese questions where a word or letter tells them apart', () => {
    expect(detectLanguage('Cómo configuro la VPN?')).toBe('es'); // "la", accent on "cómo"
    expect(detectLanguage('Como configuro a VPN?')).toBe('pt'); // article "a"
    expect(detectLanguage('Preciso de um notebook novo')).toBe('pt'); // "um"
    expect(detectLanguage('Como pido el reembolso de gastos?')).toBe('es'); // "el"
  });

  it('uses the locale when a short question reads as both Spanish and Portuguese', () => {
    // "Como configuro a VPN?" is correct Portuguese but plausible as sloppy Spanish.
    expect(detectLanguage('Como configuro a VPN?', 'es-AR')).toBe('es');
    expect(detectLanguage('Como configuro a VPN?', 'pt-BR')).toBe('pt');
    expect(detectLanguage('Cómo configuro la VPN?', 'pt-BR')).toBe('es');
  });

  it('reads only the start of a very long text', () => {
    expect(detectLanguage('How do I get a new laptop? '.repeat(5000))).toBe('en');
  });
});

describe('primarySubtag', () => {
  it('reduces locales to their primary language subtag', () => {
    expect(primarySubtag('ja-JP')).toBe('ja');
    expect(primarySubtag('pt_BR')).toBe('pt');
    expect(primarySubtag('zh-Hant-TW')).toBe('zh');
    expect(primarySubtag('iw')).toBe('he');
    expect(primarySubtag('und')).toBeUndefined();
    expect(primarySubtag('')).toBeUndefined();
    expect(primarySubtag(undefined)).toBeUndefined();
  });
});
