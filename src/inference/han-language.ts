/**
 * Chinese or Japanese, for text written in Han characters: the asker's language decides, whatever the
 * locale (see {@link detectHan}). Used by src/inference/language.ts.
 */

/** The three ways a question can write Han characters. */
type HanStandard = 'hans' | 'hant' | 'ja';
const HAN_STANDARDS: readonly HanStandard[] = ['hans', 'hant', 'ja'];

/**
 * Characters that only some of simplified Chinese, traditional Chinese and Japanese write, with the
 * standards that do. A character no list names is written alike by all three (人, 方法, 日本) and
 * says nothing. The lists are short on purpose: frequent characters of helpdesk questions, each
 * checked against its simplified, traditional and Japanese (jōyō) form; a handful decides a question.
 */
const HAN_FORMS: ReadonlyArray<readonly [string, readonly HanStandard[]]> = [
  // Simplified only: traditional Chinese writes 們 這 麼, Japanese 説 時 対 or nothing at all.
  [
    '们这么吗请说时对为个过发还进现经问样应题员动长开关车门见买书语让认记读边钱页带级产业办务头实种' +
      '总结处设码报销费网络账户录电脑话邮层间东线连统无显权证议专单节转换选择则规岁乐义习亲仅从优传' +
      '价华协压历县变图团园围听响饭几预订补贴标别资险验检营养龄递输导阅领调类离职给约确审错误该谁帐' +
      '备购轮远儿',
    ['hans'],
  ],
  // Traditional only: simplified Chinese writes 们 这 么, Japanese 会 国 経 or nothing at all.
  [
    '們這麼嗎說會對來國經樣應關讓讀寫號學體點區發變廣氣腦碼辦產帶錢邊實總處沒與從歲稅舊裡臺灣' +
      '轉擇單數據圖團聽畫價傳將雙參歡覺觀權驗險檢證營樓續覽屆勞濟歸縣賣戰鐵驛圓銷閱齡遞兒',
    ['hant'],
  ],
  // Japanese only: shinjitai and Japanese-made characters, and the iteration mark 々.
  [
    '々円駅様払込働労済続覧団図広気変発帰県読売歩戦鉄経対関実総処険検験転択沢単営価値圧栄剤拡覚' +
      '観権歓薬楽戻窓黒髪歯巻枠畑峠匂証脳辺銭帯産歳閲齢逓応渋徴収庁恵隠譲亜悪圏仮伝従軽継絵両満賛桜児',
    ['ja'],
  ],
  // Chinese in both standards, not written in Japanese: pronouns, particles, question words.
  ['你您她呢吧啊呀嘛啦哪怎什咱很收找假吃', ['hans', 'hant']],
  // Simplified Chinese and Japanese alike; traditional writes 會 國 學.
  [
    '会国学来点数写区体号参双断与当万旧礼声担没届残税条状将独争静楼机画乱辞随属尽宝灯党缶径浅践医',
    ['hans', 'ja'],
  ],
  // Traditional Chinese and Japanese alike; simplified writes 请 给 时.
  [
    '請給時個過後還進現問題員動長開車門見買書語認記議約費電話設報場間東結種頭業務級頁網絡帳換選締' +
      '駐診課類調資貸違機際連確義銀紙誌療決週補幾預訂標準為導領離職錯誤該誰輸養計館飯園郵線細組織' +
      '統論試詳談評掃備購輪遠',
    ['hant', 'ja'],
  ],
];

const hanForms = new Map<string, readonly HanStandard[]>();
for (const [characters, standards] of HAN_FORMS) {
  for (const character of characters) hanForms.set(character, standards);
}

/** Chinese function characters that Japanese writes too (的 in 具体的, 在 in 在宅): weak evidence. */
const CHINESE_FUNCTION = new Set('的了是我他在和');
const FUNCTION_WEIGHT = 0.5;

/**
 * Japanese words, most of them office vocabulary, that Chinese says otherwise (有給 带薪, 出張 出差,
 * 締切 截止, 料金 费用). They carry kanji-only questions ("駐車場利用料金"), whose characters all three
 * standards may share.
 */
const JAPANESE_WORDS = new RegExp(
  `有給 有休 休暇 料金 精算 締切 駐車 駐輪 書類 申込 手続 残業 出張 社員 手当 在宅 予約 予定
    連絡 問合 取扱 宛先 給与 賞与 見積 稟議 打合 会社 支給 振込 欠勤 勤怠 貸与 為替 控除 申告
    定期券 手数料 年末調整 健康診断 福利厚生`
    .split(/\s+/)
    .join('|'),
  'g',
);

/** Chinese "A-not-A" questions (能不能, 是不是, 有没有), a form Japanese does not have. */
const A_NOT_A = /(\p{Script=Han})[不没沒]\1/gu;

/** A kana letter outweighs a function character: Chinese questions quote Japanese names now and then. */
const KANA_WEIGHT = 2;

/**
 * Chinese or Japanese, by evidence. For Japanese: kana, Japanese words, and characters neither
 * Chinese standard writes as they stand (経, or 会 next to 議: simplified writes 议, traditional 會).
 * For Chinese: characters Japanese does not write (们, 這, 怎, 收), function characters and A-not-A
 * questions. The locale decides only when the evidence is even ("人事部", "日本語"); Chinese when the
 * locale is not Japanese either.
 */
export function detectHan(text: string, kana: number, hint: string | undefined): 'zh' | 'ja' {
  const unwritten: Record<HanStandard, number> = { hans: 0, hant: 0, ja: 0 };
  let functionCharacters = 0;
  for (const character of text) {
    const standards = hanForms.get(character);
    if (standards) {
      for (const standard of HAN_STANDARDS) if (!standards.includes(standard)) unwritten[standard]++;
    } else if (CHINESE_FUNCTION.has(character)) functionCharacters++;
  }
  const words = text.match(JAPANESE_WORDS)?.length ?? 0;
  const japanese = KANA_WEIGHT * kana + words + Math.min(unwritten.hans, unwritten.hant);
  const questions = text.match(A_NOT_A)?.length ?? 0;
  const chinese = unwritten.ja + FUNCTION_WEIGHT * functionCharacters + questions;
  if (japanese === chinese) return hint === 'ja' ? 'ja' : 'zh';
  return japanese > chinese ? 'ja' : 'zh';
}
