import { EXAMPLE_OR_RULE, LIKE_BEFORE, TOKEN, chosenValue, tokenValue } from './chosen-values.js';
import { LEFT, RIGHT_OF_NAME as RIGHT } from './credential-words.js';
import type { RawFinding } from './scanner.js';
import type { Coverage } from './text-window.js';
import { isPlaceholder } from './token-shape.js';

/**
 * Words that hand a value over without naming it a password: typing it in, opening or unlocking
 * something with it, what it opens (the admin page, the kiosk laptop, the router), and "still" or
 * "now" ("the kiosk laptop hasn't changed, it's still X"). In every answer language.
 */
const HANDOVER = new RegExp(
  [
    String.raw`${LEFT}(?:accèd\p{L}*|accéd\p{L}*|acced\p{L}*|accede\p{L}*|accedi|acess\p{L}*|entras|entri|page\s+de\s+gestion|página\s+de\s+gestión|pagina\s+di\s+gestione|meldet|anmelden|einloggen|loggt|se\s+connecte|se\s+conecta|si\s+collega|entra\s+(?:en|nel|nella|no|na)|modem\p{L}*|sigue|ancora|ainda|nog\s+steeds|nadal|hâlâ|всё\s+ещё|entr\p{L}*\s+(?:ancora\s+)?con|yaz\p{L}*|type|typed|enter|entered|key\s+in|punch\s+in|paste|input|log\s*in|logged\s+in|sign\s+in|unlock|unlocks|get\s+in|gets\s+you|works\s+for|opens|admin\s+(?:page|panel|menu|screen)|login\s+screen|kiosk|tablet|laptop|router|printer|copier|scanner|terminal|still|tippen|eintippen|eingeben|einloggen|entsperren|kommst\s+du|gilt|funktioniert|Anmeldung|Admin-Menü|Kopierer|taper|tapez|saisir|saisissez|entrer|entrez|coller|déverrouiller|marche|fonctionne|imprimante|teclear|teclea|escribir|escribe|introducir|introduce|mete|meter|pegar|pega|desbloquear|funciona|impresora|quiosco|kiosko|digitare|digita|inserire|inserisci|scrivere|incolla|sbloccare|stampante|digitar|digite|inserir|insira|escrever|utilizem|utilize|usar|colar|desbloquear|impressora|quiosque|typ|typen|intypen|invoeren|intoetsen|plakken|ontgrendelen|werkt|wpisz|wpisać|wpisałem|wpisując|wklej|odblokować|działa|drukark\p{L}|yaz|yazın|yazınca|gir|girin|yapıştır|açıldı|açılır|çalışıyor|yazıcı|введи|ввёл|введите|наберите|набери|вставь|вставьте|разблокир\p{L}*|работает|подходит|принтер\p{L}*|ноут\p{L}*|всё\s+тот\s+же|nhập|gõ|dán|mở\s+khóa|vẫn\s+là|máy\s+in|ketik|masukkan|isi|tempel|pakai|pake|bisa\s+masuk|masih|اكتب|أدخل|ادخل|الصق|افتح|يفتح|لا\s+يزال|הקלד|הקלידו|הזן|הזינו|הכנס|הדבק|עובד|נכנסים|עדיין)${RIGHT}`,
    String.raw`열(?:렸|려|립|어|면)|開機打|打入|鍵入|键入|入力|打て|打つ|打ち込|入れ(?:る|ます|て)|貼り付け|開け(?:ました|る)|通ります|ログイン|管理画面|まだ|输入|填入|粘贴|用的是|进去|进入|登录|打开|后台|还是|輸入|貼上|開得進去|登入|還是|입력|치면|누르면|넣으면|붙여|들어가|들어갈|아직|พิมพ์|ใส่|กรอก|วาง|เข้าได้|ยังเป็น`,
  ].join('|'),
  'iu',
);
const JOINING_WORD =
  /^(?:and|of|the|to|on|in|at|by|up|for|a|an|or|de|la|le|du|des|et|en|y|e|o|del|da|di|und|zu|van|het|een|op|z|w|na|i|ve|и|в|на)$/;
/** A sentence or a line. */
const SENTENCE = /[^。！？\n]+?(?:[。！？\n]|(?<!\d)[.!?](?=\s)|$)/gu;

/**
 * Chosen-looking values in a sentence that hands something over (typing it, opening or unlocking a
 * device with it, "still the same X"), where no credential word names them.
 */
export function findHandedOver(text: string, covered: Coverage): RawFinding[] {
  const found: RawFinding[] = [];
  for (const sentence of text.matchAll(SENTENCE)) {
    if (!HANDOVER.test(sentence[0]) || EXAMPLE_OR_RULE.test(sentence[0])) continue;
    for (const m of sentence[0].matchAll(TOKEN)) {
      const { lead, value } = tokenValue(m[0]);
      const start = sentence.index + m.index + lead;
      const end = start + value.length;
      if (covered.covers(start, end)) continue;
      // user@host and e-mail addresses are not values; Printer@HQ9 is.
      if (isPlaceholder(value) || /[/\\:=<>${}]|@.*\.|^[a-z0-9._-]+@[a-z0-9.-]+$|^\.|"/.test(value)) continue;
      if (/^[0-9a-f]{7,}$/i.test(value)) continue;
      if (LIKE_BEFORE.test(text.slice(Math.max(0, start - 24), start))) continue;
      // Without a credential word, lower-case words joined by dashes are prose (black-and-white,
      // cycle-to-work) unless three or more and none a joining word (simit-cay-kedi).
      const prose =
        /^[\p{Ll}-]+$/u.test(value) &&
        (value.split('-').length < 3 || value.split('-').some((w) => JOINING_WORD.test(w)));
      if (prose || !chosenValue(value, text.slice(end, end + 16))) continue;
      if (/(?:ssh-(?:rsa|ed25519|dss)|ecdsa-\S+)\s*$/.test(text.slice(Math.max(0, start - 24), start)))
        continue;
      // What a screen shows or a menu offers is not handed over: "the copier shows Jam-Tray2",
      // "choose Scan2Email", "type SecureBoot2024 into the search box".
      if (DISPLAY_OR_CHOICE_BEFORE.test(text.slice(Math.max(0, start - 24), start))) continue;
      if (UI_TARGET_AFTER.test(text.slice(end, end + 32))) continue;
      covered.add(start, end);
      found.push({ type: 'password', start, end });
    }
  }
  return found;
}

const DISPLAY_OR_CHOICE_BEFORE =
  /(?<![\p{L}])(?:shows?|showing|displays?|says|reads|error|choose|select|pick|click|tap|press|zeigt|Fehler|wähle|klicke?|affiche|erreur|choisi\p{L}*|clique\p{L}*|muestra|elige|selecciona|haz\s+clic|mostra|scegli|seleziona|clicca|escolha|selecione|clique|toont|kies|klik|pokazuje|wybierz|kliknij|gösteriyor|seç|tıkla|показывает|выберите|нажмите|hiển\s+thị|chọn|bấm|menampilkan|pilih|klik|يعرض|اختر|اضغط|מציג|בחר|לחץ)\s+["'“«„「]?$|表示され|を選択|を選び|显示|選擇|选择|点击|點擊|표시|선택|클릭|แสดง|เลือก|คลิก/iu;
const UI_TARGET_AFTER =
  /^["'”»」]?\s+(?:into|in)\s+the\s+(?:search|address|url|filter)|^["'”»」]?\s+(?:button|menu|option|tab|field|icon|shortcut|Schaltfläche|Menü|bouton|botón|pulsante|botão|knop|przycisk|düğme|кнопк\p{L}*)/iu;
