/**
 * The most frequent grammatical words of each language (articles, particles, pronouns, question
 * words, auxiliaries) and the words that frame a request without naming its topic ("tell me",
 * "please", "now", "教えて"). Language detection reads them as evidence for a language; the extractive
 * generator ignores them when it matches a question against sentences, so "how do I" matches nothing.
 * Lists are space-separated and lower-case.
 */
const WORDS: Readonly<Record<string, string>> = {
  en: `the a an is are was were be been am do does did how what where when why who whom which whose can
    could should would will shall may might must i my me mine we our us you your it its they their them to of
    for in on at by with from about into and or not no if any there this that these those have has had get
    got much many some as so than then also please tell know want need like just help give show find thanks thank hi hello hey now currently actually really anyone someone something anything question again`,
  es: `el la los las lo un una unos unas del al es son era está están estoy fue ser estar qué cómo dónde
    cuándo cuánto cuánta cuántos cuántas cuál cuáles quién quiénes por para con sin sobre entre mi mis tu tus
    su sus yo me te se le les nos nosotros usted ustedes y o e u ni que como donde cuando cuanto cuantos
    cuantas cual quien de en a muy pero si sí no hay puedo puede tengo tiene debo necesito hago hacer este esta
    estos estas ese esa también favor decir saber quiero quería necesito ayuda ahora gracias hola alguien algo pregunta`,
  pt: `o a os as um uma uns umas do da dos das no na nos nas ao aos pelo pela pelos pelas é são era está
    estão estou foi ser estar que quê como onde quando quanto quanta quantos quantas qual quais quem por para
    com sem sobre entre meu minha meus minhas teu tua seu sua seus suas eu me te se lhe nós você vocês e ou
    nem de em muito mas se sim não há posso pode tenho tem devo preciso faço fazer este esta isso isto esse essa
    também favor dizer saber quero queria preciso ajuda agora obrigado obrigada olá alguém algo pergunta`,
  fr: `le la les l un une des du de d est sont était être suis ai as a avons avez ont comment où quand combien
    quel quelle quels quelles qui quoi pourquoi pour avec sans sur dans entre mon ma mes ton ta tes son sa ses
    notre nos votre vos leur leurs je j me te se il elle on nous vous ils elles et ou que qu ne n pas
    plus au aux ce c cette ces y en peux peut dois doit faut faire est-ce aussi merci dire savoir veux voudrais besoin aide maintenant bonjour salut quelqu quelque chose question`,
  de: `der die das den dem des ein eine einen einem einer eines ist sind war bin bist sein wie wo wann was
    warum wieso welche welcher welches welchem welchen wer wen wem wie viel viele wieviel woran worauf womit
    wofür wodurch wurde wurden wird werden heißt bedeutet gilt geht für mit ohne auf an in im am zum
    zur von vom bei aus nach über unter mein meine meinen meinem meiner ich du er sie es wir ihr mich mir
    dich dir uns euch und oder nicht kein keine keinen kann können muss müssen soll sollte darf habe hast hat
    haben bekomme bekommt zu auch noch bitte gibt sagen wissen möchte will brauche hilfe jetzt danke hallo jemand etwas frage eigentlich übrigens`,
  it: `il lo la i gli le un uno una del dello della dei degli delle al allo alla ai agli alle nel nello
    nella nei negli nelle è sono era essere come dove quando quanto quanta quanti quante quale quali chi che
    cosa perché per con senza su tra fra mio mia miei mie tuo tua suo sua io tu lui lei noi voi loro mi ti
    ci vi si e o ma non di da in a ho hai ha abbiamo posso può devo deve c anche grazie dire sapere voglio vorrei bisogno aiuto adesso ora ciao qualcuno qualcosa domanda`,
  nl: `de het een is zijn was waren ben bent hoe waar wanneer wat waarom welke welk wie hoeveel voor met
    zonder op aan in bij van naar over uit om door tot mijn mijn mij me ik jij je u we wij zij ze hij en of
    niet geen kan kun kunt moet moeten mag heb hebt heeft krijg krijgt er dit dat deze die ook nog graag zeggen weten wil wilde nodig hulp nu bedankt hallo iemand iets vraag`,
  id: `yang dan di ke dari untuk dengan pada dalam oleh apa bagaimana berapa kapan mana dimana siapa mengapa
    kenapa apakah saya aku kami kita anda kamu dia mereka bisa dapat harus boleh ada tidak bukan belum sudah
    ini itu akan cara mau ingin perlu jika kalau atau juga saja tolong mohon bagi seperti
    dong sih nih kok deh gak nggak udah gimana gitu aja banget yg`,
  vi: `tôi bạn của và là có không được cho với các những một này đó thế nào bao nhiêu ở đâu khi làm sao gì
    ai trong để cần phải muốn em anh chị mình chúng ta thì mà nếu hay hoặc đã sẽ đang bị vì từ theo như vậy
    ạ nhé xin vui lòng`,
  tr: `bir ve bu şu o ne nasıl nerede nereden neden niçin kaç hangi kim ne zaman için ile benim ben sen biz
    siz onlar mi mı mu mü var yok değil nedir olarak gibi da de ki çok daha en ya veya ama lütfen bana beni
    bunu şunu olan`,
  pl: `i w we na z ze do nie się jest są był była jak gdzie kiedy co czego dlaczego ile który która które kto
    dla mój moja moje mnie mi ja ty my wy on ona ono oni czy mogę można muszę mam ma to ten ta te od po o przez
    jaki jaka jakie a ale lub albo też proszę`,
  ja: `は が を に で と も の へ や か な ね よ から まで より です ます でした ました ください ですか ますか
    する します できる できます ある あります いる います なる 何 なに なん どう どこ いつ 誰 だれ なぜ どの どれ
    どんな いくつ いくら 私 わたし 僕 これ それ あれ この その あの こと もの ため 教えて 知りたい ください 今 すみません ちょっと ところで`,
  zh: `的 了 吗 呢 吧 啊 是 在 有 和 与 或 及 我 你 您 他 她 它 我们 你们 他们 怎么 怎样 如何 什么 哪 哪里
    哪儿 哪个 谁 为什么 多少 几 能 能否 可以 要 需要 会 这 那 这个 那个 一个 请问 请 一下 就 都 也 还 把 被 给
    对 从 到 吗 告诉 知道 想 现在 谢谢 你好 问 一下 另外 顺便 几个 刚 刚刚 一般 大概 啥 呀 嘛 多少钱`,
  ko: `은 는 이 가 을 를 에 에서 의 와 과 도 로 으로 어떻게 무엇 뭐 무엇인가요 어디 어디서 언제 누구 왜 몇
    얼마나 얼마 제 저 저는 제가 나 내 우리 수 있나요 있습니까 있어요 하나요 합니까 해요 인가요 입니까 해야
    하면 그 이 저 알려 주세요 지금 궁금 그런데`,
  th: `ที่ และ ของ ใน การ มี ได้ ไม่ เป็น จะ ให้ ว่า กับ แล้ว หรือ ไหม อย่างไร ยังไง อะไร ที่ไหน เมื่อไร
    เมื่อไหร่ ใคร ทำไม กี่ เท่าไร เท่าไหร่ ครับ ค่ะ คะ ผม ฉัน ดิฉัน เรา คุณ บ้าง ต้อง ควร จาก ถ้า ก็ นี้ นั้น บอก อยาก รู้ ตอนนี้ ขอบคุณ`,
  ar: `في من إلى الى على عن مع هل ما ماذا كيف أين متى لماذا كم أي و أو لا هذا هذه ذلك تلك التي الذي أنا
    نحن أنت لي هو هي يمكنني يمكن أن إن كان قد لم لن عند بعد قبل`,
  ru: `и в во не на с со по к ко у о об от до за из для как где когда что почему зачем сколько какой какая
    какое какие кто ли я мы вы ты он она они мой моя мои мне меня нас это этот эта эти можно нужно надо или
    а но же бы да нет есть`,
  he: `של את על עם אל מן זה זו זאת אלה אלו הוא היא הם הן אני אתה את אנחנו אתם אתן מה מי איך איפה היכן
    מתי למה מדוע כמה איזה איזו אילו האם אם לא כן יש אין או גם רק כל אבל כי אשר כמו לפי בין אחרי לפני עד
    כדי אפשר צריך צריכה צריכים רוצה רוצים יכול יכולה יכולים ניתן נא בבקשה תודה שלום לי לך לו לה לנו להם
    שלי שלך שלו שלה שלנו הזה הזאת היה הייתה היו יהיה להיות מהו מהי מהם ממי עכשיו`,
};

const cache = new Map<string, readonly string[]>();

/** Function words of a language (BCP-47 primary subtag); empty for a language without a list. */
export function functionWords(language: string): readonly string[] {
  let words = cache.get(language);
  if (!words) {
    words = (WORDS[language] ?? '').split(/\s+/).filter((word) => word.length > 0);
    cache.set(language, words);
  }
  return words;
}
