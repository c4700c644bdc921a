/**
 * Product messages in the asker's language. Everything PolyDesk itself says (not the documents it
 * quotes) comes from here: answer headings, status lines, apologies, buttons, redaction masks.
 */

const en = {
  'extractive.intro': 'Here is what I found in our documents:',
  'extractive.note': 'Quoted from the documents; no AI model wrote this.',
  notFound: "I couldn't find this in the knowledge base. I've noted the question so the team can add it.",
  held: "An admin needs to check this answer before I can share it. I'll post it here once it's approved.",
  approved: 'An admin reviewed and approved this answer:',
  rejected:
    'An admin reviewed the answer to this question and decided not to share it. Please contact the team directly.',
  blocked:
    "I can't share this answer here: it may contain information that not everyone in this conversation is allowed to see.",
  busy: "I'm handling a lot of questions right now — please try again in a minute.",
  failed: 'Sorry, something went wrong while I was answering. Please try again in a moment.',
  generatorDown:
    "The AI model isn't available right now, so here are the most relevant passages from our documents instead.",
  generatorSlow:
    'The AI model took too long to answer, so here are the most relevant passages from our documents instead.',
  emptyQuestion: "Please type a question and I'll look it up in the knowledge base.",
  questionTooLong: 'That question is too long. Please keep it to {max} characters or fewer.',
  searching: 'Searching the knowledge base…',
  thinking: 'Writing an answer…',
  sources: 'Sources',
  feedbackThanks: 'Thanks for the feedback!',
  'redacted.secret': '[secret removed]',
  'redacted.personal': '[personal data removed]',
  'redacted.other': '[removed]',
  greeting:
    "Hi! Ask me anything about company policies, IT or the office. I'll answer from our documents and show you the sources.",
  shareInChannel: 'Share in channel',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  'page.intro':
    "Ask about HR, IT or the office, in your language. Answers come from the company's documents, with sources.",
  'page.question': 'Your question',
  'page.example': 'e.g. How many days of paid leave do I get?',
  'page.ask': 'Ask',
  'page.signInAgain': 'Please sign in again.',
  // issue 18: summaries of threads and conversations
  'thread.summarising': 'Summarising {count} messages…',
  'thread.latestOnly': 'This thread has {total} messages: this summary covers the latest {count}.',
  'thread.tooLong':
    'This thread is too long to read whole: this summary covers {count} of its first {total} messages.',
  'thread.latestRead': 'This summary covers the latest {count} messages; older ones were not read.',
  'thread.notInChannel':
    "I can't read this conversation. Add me to the channel (for example with /invite), then try again.",
  'thread.postToThread': 'Post to thread',
  'thread.posted': 'Posted to the thread.',
  'thread.notInThread': 'Ask me for a summary inside a thread: mention me in a reply there.',
  'thread.selectedOnly':
    'I could read only the message you chose. To summarise the whole conversation, an admin must let me read it.',
  'thread.comingInChat': "I'm still summarising: I'll send you the summary in our chat.",
  'thread.nothing': 'There is nothing in this thread I can summarise.',
  // issue 17: standard answers
  'standard.answeredBy': 'Answered by {team} on {date}',
  'standard.nowAnswered': 'Your question now has an answer:',
  // issue 17: hand-off to a person (ESC)
  'handoff.ask': 'Ask a person',
  'handoff.subscribe': "Tell me when it's answered",
  'handoff.sent': "I've passed your question on to a person from the team. Their reply will be posted here.",
  'handoff.already': 'Your question is already with a person from the team. Their reply will be posted here.',
  'handoff.unavailable':
    "Sorry, I can't pass this question on to a person right now. Please contact the team directly.",
  'handoff.subscribed': "I'll let you know here when this question has an answer.",
  'handoff.replyFrom': '{team} replied to your question:',
  'handoff.title': 'A question for a person, passed on by PolyDesk',
  'handoff.question': 'Question (asked in {language}):',
  'handoff.answer': 'What PolyDesk answered:',
  'handoff.notFound': 'PolyDesk found no answer in the knowledge base.',
  'handoff.answerHidden':
    "PolyDesk's answer is not shown here: it drew on documents or details that not everyone in this channel may see.",
  'handoff.questionHidden':
    'The question is not shown here: it contains details that not everyone in this channel may see.',
  'handoff.instructions':
    'Reply in this thread: each reply is passed on to the person who asked. Press Resolved once they have their answer.',
  'handoff.resolve': 'Resolved',
  'handoff.resolved': 'Resolved: the person who asked has their answer.',
  'handoff.saveStandard': 'Save as standard answer',
  'handoff.saved': 'Saved as a standard answer: questions that mean the same will get it from now on.',
  'handoff.notReply': 'This works on a reply in a PolyDesk hand-off thread.',
  'handoff.relayed': 'Passed on to the person who asked.',
  'handoff.relayHeld': "This reply waits for an admin's review before it reaches the person who asked.",
  'handoff.notAsker': 'Only the person who asked this question can pass it on to a person.',
  'handoff.savedAlready':
    'A standard answer was already saved from this hand-off; it can be edited in the admin UI.',
  'handoff.saveNotRelayed':
    'Only a reply that reached the person who asked can be saved as a standard answer.',
  'handoff.fileNotRelayed':
    'Files are not passed on: the person who asked received only the text of your reply.',
  'handoff.standardAnswer': 'Standard answer',
  'handoff.publish': 'Publish',
  'handoff.saveTitle': 'Title, shown above the answer',
  'handoff.saveQuestion': 'The question it answers',
  'handoff.saveHint':
    'Everyone whose question means the same will see this title and question. Write them in general terms, without names or personal details.',
  // issue 18: summaries
  'summary.heading': 'Summary of “{title}”',
  'summary.threadHeading': 'Summary of {title}',
  'summary.extractiveNote': 'Key sentences quoted from the document, in its order; no AI model wrote this.',
  'summary.held': 'An admin needs to check this summary before it can be shared.',
  'summary.threadExtractiveNote':
    'Key sentences quoted from the conversation, in its order; no AI model wrote this.',
  'summary.modelNote':
    'Written by an AI model from the document: check the cited sections before you rely on it.',
  'summary.fallback':
    "The AI model couldn't summarise this just now, so here are the document's key sentences instead.",
  'summary.reading': 'Reading section {part} of {parts}…',
  'summary.working': 'Summarising…',
  'summary.notFound':
    "I couldn't find a document by that name that you can read. Try its title or its link as shown under an answer's sources.",
  'summary.didYouMean': 'Did you mean one of these?',
  'summary.nothing': 'There is nothing in it that I can summarise.',
  'summary.action': 'Summarise',
} as const;

/** Identifier of one product message. */
export type MessageKey = keyof typeof en;
type Messages = Readonly<Record<MessageKey, string>>;

const ja: Messages = {
  'extractive.intro': '社内ドキュメントから見つかった内容です：',
  'extractive.note': 'ドキュメントからの引用です。AIモデルが書いた文章ではありません。',
  notFound:
    'ナレッジベースに該当する情報が見つかりませんでした。担当チームが追加できるよう、この質問を記録しました。',
  held: 'この回答は、共有する前に管理者の確認が必要です。承認され次第、ここに投稿します。',
  approved: '管理者が確認し、承認した回答です：',
  rejected:
    'この質問への回答は、管理者の確認の結果、共有しないことになりました。お手数ですが担当チームに直接お問い合わせください。',
  blocked:
    'この会話の参加者全員が閲覧できるとは限らない情報が含まれている可能性があるため、ここでは回答を共有できません。',
  busy: 'ただいま多くの質問に対応しています。1分ほどしてから、もう一度お試しください。',
  failed: '申し訳ありません。回答の作成中に問題が発生しました。しばらくしてから、もう一度お試しください。',
  generatorDown: '現在AIモデルを利用できないため、代わりにドキュメントから関連する箇所を引用します。',
  generatorSlow: 'AIモデルの応答に時間がかかりすぎたため、代わりにドキュメントから関連する箇所を引用します。',
  emptyQuestion: '質問を入力してください。ナレッジベースから答えを探します。',
  questionTooLong: '質問が長すぎます。{max}文字以内で入力してください。',
  searching: 'ナレッジベースを検索しています…',
  thinking: '回答を作成しています…',
  sources: '出典',
  feedbackThanks: 'フィードバックありがとうございます！',
  'redacted.secret': '[秘密情報を削除]',
  'redacted.personal': '[個人情報を削除]',
  'redacted.other': '[削除済み]',
  greeting:
    'こんにちは！社内規程、IT、オフィスのことなど、何でも聞いてください。社内ドキュメントをもとに、出典付きでお答えします。',
  shareInChannel: 'チャンネルで共有',
  helpful: '役に立った',
  notHelpful: '役に立たなかった',
  'page.intro':
    '人事・IT・オフィスのことを、あなたの言語で質問できます。回答は社内ドキュメントに基づき、出典付きで表示されます。',
  'page.question': '質問',
  'page.example': '例：有給休暇は何日もらえますか？',
  'page.ask': '質問する',
  'page.signInAgain': 'もう一度サインインしてください。',
  // issue 18: summaries of threads and conversations
  'thread.summarising': '{count} 件のメッセージを要約しています…',
  'thread.latestOnly':
    'このスレッドには {total} 件のメッセージがあります。この要約は最新の {count} 件を対象にしています。',
  'thread.tooLong':
    'このスレッドは長すぎて全体を読めません。この要約は最初の {total} 件のうち {count} 件を対象にしています。',
  'thread.latestRead':
    'この要約は最新の {count} 件のメッセージを対象にしています。それより前のメッセージは読んでいません。',
  'thread.notInChannel':
    'この会話を読むことができません。チャンネルに私を追加してから（例: /invite）、もう一度お試しください。',
  'thread.postToThread': 'スレッドに投稿',
  'thread.posted': 'スレッドに投稿しました。',
  'thread.notInThread': '要約はスレッドの中で依頼してください。スレッドの返信で私をメンションしてください。',
  'thread.selectedOnly':
    '読めたのは選択されたメッセージだけです。会話全体を要約するには、管理者が読み取りを許可する必要があります。',
  'thread.comingInChat': 'まだ要約しています。完成したら私とのチャットでお送りします。',
  'thread.nothing': 'このスレッドには要約できる内容がありません。',
  // issue 17: standard answers
  'standard.answeredBy': '{team}が{date}に回答',
  'standard.nowAnswered': '以前お尋ねの質問に回答が用意されました：',
  // issue 17: hand-off to a person (ESC)
  'handoff.ask': '担当者に質問する',
  'handoff.subscribe': '回答が見つかったら知らせる',
  'handoff.sent': 'ご質問を担当チームの担当者に引き継ぎました。返信はここに投稿されます。',
  'handoff.already': 'このご質問はすでに担当チームの担当者に引き継がれています。返信はここに投稿されます。',
  'handoff.unavailable':
    '申し訳ありません。現在、このご質問を担当者に引き継ぐことができません。担当チームに直接お問い合わせください。',
  'handoff.subscribed': 'このご質問への回答が登録されたら、ここでお知らせします。',
  'handoff.replyFrom': '{team}からご質問への返信です：',
  'handoff.title': 'PolyDeskから引き継がれた、担当者への質問です',
  'handoff.question': '質問（{language}で質問）：',
  'handoff.answer': 'PolyDeskの回答：',
  'handoff.notFound': 'PolyDeskはナレッジベースで回答を見つけられませんでした。',
  'handoff.answerHidden':
    'このチャンネルの全員が閲覧できるとは限らない文書や情報に基づいているため、PolyDeskの回答はここには表示されません。',
  'handoff.questionHidden':
    'このチャンネルの全員が閲覧できるとは限らない情報が含まれているため、質問はここには表示されません。',
  'handoff.instructions':
    'このスレッドに返信してください。各返信は質問者に転送されます。質問者が回答を得たら「解決済み」を押してください。',
  'handoff.resolve': '解決済み',
  'handoff.resolved': '解決済み：質問者は回答を受け取りました。',
  'handoff.saveStandard': '標準回答として保存',
  'handoff.saved': '標準回答として保存しました。今後、同じ意味の質問にはこの回答が使われます。',
  'handoff.notReply': 'この操作は、PolyDeskの引き継ぎスレッド内の返信でのみ使えます。',
  'handoff.relayed': '質問者に転送しました。',
  'handoff.relayHeld': 'この返信は、質問者に届く前に管理者の確認を待っています。',
  'handoff.notAsker': 'この質問を担当者に引き継げるのは、質問した本人だけです。',
  'handoff.savedAlready': 'この引き継ぎからはすでに標準回答が保存されています。編集は管理画面から行えます。',
  'handoff.saveNotRelayed': '標準回答として保存できるのは、質問者に届いた返信だけです。',
  'handoff.fileNotRelayed': 'ファイルは転送されません。質問者に届いたのは返信のテキストだけです。',
  'handoff.standardAnswer': '標準回答',
  'handoff.publish': '公開する',
  'handoff.saveTitle': 'タイトル（回答の上に表示されます）',
  'handoff.saveQuestion': 'この回答が答える質問',
  'handoff.saveHint':
    '同じ意味の質問をしたすべての人に、このタイトルと質問が表示されます。名前や個人的な事情は含めず、一般的な表現で書いてください。',
  // issue 18: summaries
  'summary.heading': '「{title}」の要約',
  'summary.threadHeading': '{title} の要約',
  'summary.extractiveNote': '文書の主要な文を文書の順に引用しています。AIモデルが書いた文章ではありません。',
  'summary.held': 'この要約は、共有する前に管理者の確認が必要です。',
  'summary.threadExtractiveNote':
    '会話の主要な文を会話の順に引用しています。AIモデルが書いた文章ではありません。',
  'summary.modelNote':
    'AIモデルが文書をもとに書いた要約です。利用する前に引用元のセクションを確認してください。',
  'summary.fallback': 'AIモデルが今は要約できなかったため、代わりに文書の主要な文を示します。',
  'summary.reading': 'セクション {part}/{parts} を読んでいます…',
  'summary.working': '要約しています…',
  'summary.notFound':
    'その名前で、あなたが閲覧できる文書は見つかりませんでした。回答の出典に表示されるタイトルかリンクで指定してください。',
  'summary.didYouMean': '次のいずれかですか？',
  'summary.nothing': '要約できる内容がありません。',
  'summary.action': '要約',
};

const zh: Messages = {
  'extractive.intro': '以下是我在公司文档中找到的内容：',
  'extractive.note': '以上内容直接引自文档，并非由 AI 模型撰写。',
  notFound: '知识库中没有找到相关内容。我已记录下这个问题，方便团队补充。',
  held: '这条回答需要管理员审核后才能发布。审核通过后，我会在这里发出。',
  approved: '以下回答已经管理员审核通过：',
  rejected: '管理员审核了这个问题的回答，决定不予发布。请直接联系相关团队。',
  blocked: '这条回答可能包含本对话中并非所有人都有权查看的信息，因此无法在这里分享。',
  busy: '我现在要处理的问题很多，请一分钟后再试。',
  failed: '抱歉，生成回答时出了点问题。请稍后再试。',
  generatorDown: 'AI 模型暂时不可用，以下是从文档中摘录的最相关内容。',
  generatorSlow: 'AI 模型响应时间过长，以下是从文档中摘录的最相关内容。',
  emptyQuestion: '请输入您的问题，我会在知识库中为您查找。',
  questionTooLong: '问题太长了，请控制在 {max} 个字符以内。',
  searching: '正在搜索知识库…',
  thinking: '正在撰写回答…',
  sources: '来源',
  feedbackThanks: '感谢您的反馈！',
  'redacted.secret': '[已删除机密信息]',
  'redacted.personal': '[已删除个人信息]',
  'redacted.other': '[已删除]',
  greeting: '你好！关于公司制度、IT 或办公室的问题都可以问我。我会根据公司文档回答，并注明来源。',
  shareInChannel: '在频道中分享',
  helpful: '有帮助',
  notHelpful: '没有帮助',
  'page.intro': '可以用你的语言询问人事、IT 或办公室相关的问题。回答来自公司文档，并注明来源。',
  'page.question': '你的问题',
  'page.example': '例如：我有几天带薪年假？',
  'page.ask': '提问',
  'page.signInAgain': '请重新登录。',
  // issue 18: summaries of threads and conversations
  'thread.summarising': '正在总结 {count} 条消息…',
  'thread.latestOnly': '此帖子共有 {total} 条消息：本摘要涵盖最新的 {count} 条。',
  'thread.tooLong': '此帖子太长，无法完整读取：本摘要涵盖前 {total} 条消息中的 {count} 条。',
  'thread.latestRead': '本摘要涵盖最新的 {count} 条消息；更早的消息未读取。',
  'thread.notInChannel': '我无法读取此对话。请先把我添加到频道（例如使用 /invite），然后重试。',
  'thread.postToThread': '发布到帖子',
  'thread.posted': '已发布到帖子。',
  'thread.notInThread': '请在帖子中请我总结：在帖子的回复中提及我。',
  'thread.selectedOnly': '我只能读取你选中的那条消息。要总结整个对话，需要管理员允许我读取它。',
  'thread.comingInChat': '我还在总结：完成后会在我们的聊天中发给你。',
  'thread.nothing': '此帖子中没有可以总结的内容。',
  // issue 17: standard answers
  'standard.answeredBy': '由{team}于{date}解答',
  'standard.nowAnswered': '您之前提出的问题现在有答案了：',
  // issue 17: hand-off to a person (ESC)
  'handoff.ask': '转人工咨询',
  'handoff.subscribe': '有答案时通知我',
  'handoff.sent': '已将你的问题转交给团队的工作人员。对方的回复会发在这里。',
  'handoff.already': '你的问题已经转交给团队的工作人员了。对方的回复会发在这里。',
  'handoff.unavailable': '抱歉，目前无法将这个问题转交给工作人员。请直接联系相关团队。',
  'handoff.subscribed': '这个问题有答案后，我会在这里通知你。',
  'handoff.replyFrom': '{team} 回复了你的问题：',
  'handoff.title': 'PolyDesk 转来的人工咨询问题',
  'handoff.question': '问题（使用{language}提问）：',
  'handoff.answer': 'PolyDesk 的回答：',
  'handoff.notFound': 'PolyDesk 在知识库中没有找到答案。',
  'handoff.answerHidden': 'PolyDesk 的回答未在此显示：它引用了本频道并非所有人都有权查看的文档或信息。',
  'handoff.questionHidden': '问题未在此显示：其中包含本频道并非所有人都有权查看的信息。',
  'handoff.instructions': '请在此话题中回复：每条回复都会转达给提问人。提问人得到答案后，请点击“已解决”。',
  'handoff.resolve': '已解决',
  'handoff.resolved': '已解决：提问人已得到答案。',
  'handoff.saveStandard': '保存为标准答案',
  'handoff.saved': '已保存为标准答案：今后含义相同的问题都会得到这个答案。',
  'handoff.notReply': '此操作仅适用于 PolyDesk 转交话题中的回复。',
  'handoff.relayed': '已转达给提问人。',
  'handoff.relayHeld': '这条回复需经管理员审核后才会发给提问人。',
  'handoff.notAsker': '只有提问人本人才能将这个问题转交给工作人员。',
  'handoff.savedAlready': '这次转交已经保存过标准答案，可在管理后台中编辑。',
  'handoff.saveNotRelayed': '只有已转达给提问人的回复才能保存为标准答案。',
  'handoff.fileNotRelayed': '文件不会被转达：提问人只收到了你回复中的文字。',
  'handoff.standardAnswer': '标准答案',
  'handoff.publish': '发布',
  'handoff.saveTitle': '标题（显示在答案上方）',
  'handoff.saveQuestion': '该答案回答的问题',
  'handoff.saveHint':
    '所有提出相同含义问题的人都会看到这个标题和问题。请用概括性的措辞，不要写入姓名或个人情况。',
  // issue 18: summaries
  'summary.heading': '《{title}》摘要',
  'summary.threadHeading': '{title} 摘要',
  'summary.extractiveNote': '按文档顺序引用文档中的关键句子；并非由 AI 模型撰写。',
  'summary.held': '此摘要需要管理员审核后才能分享。',
  'summary.threadExtractiveNote': '按对话顺序引用对话中的关键句子；并非由 AI 模型撰写。',
  'summary.modelNote': '由 AI 模型根据文档撰写：使用前请核对所引用的章节。',
  'summary.fallback': 'AI 模型暂时无法生成摘要，以下是文档中的关键句子。',
  'summary.reading': '正在阅读第 {part} 节，共 {parts} 节…',
  'summary.working': '正在生成摘要…',
  'summary.notFound': '找不到该名称下您可以阅读的文档。请使用回答来源中显示的标题或链接。',
  'summary.didYouMean': '您是指以下哪一个？',
  'summary.nothing': '其中没有可以摘要的内容。',
  'summary.action': '摘要',
};

const ko: Messages = {
  'extractive.intro': '사내 문서에서 찾은 내용입니다:',
  'extractive.note': '문서에서 그대로 인용한 내용이며, AI 모델이 작성한 글이 아닙니다.',
  notFound: '지식 베이스에서 이 내용을 찾지 못했습니다. 담당 팀이 추가할 수 있도록 질문을 기록해 두었습니다.',
  held: '이 답변은 공유하기 전에 관리자 확인이 필요합니다. 승인되면 여기에 올려 드리겠습니다.',
  approved: '관리자가 검토하고 승인한 답변입니다:',
  rejected:
    '관리자가 이 질문에 대한 답변을 검토한 뒤 공유하지 않기로 했습니다. 담당 팀에 직접 문의해 주세요.',
  blocked: '이 대화의 모든 참여자가 볼 수 있는 정보가 아닐 수 있어서 여기에는 답변을 공유할 수 없습니다.',
  busy: '지금 많은 질문을 처리하고 있습니다. 1분 후에 다시 시도해 주세요.',
  failed: '죄송합니다. 답변을 준비하는 중에 문제가 발생했습니다. 잠시 후 다시 시도해 주세요.',
  generatorDown: '지금은 AI 모델을 사용할 수 없어서, 대신 문서에서 가장 관련 있는 부분을 인용해 드립니다.',
  generatorSlow: 'AI 모델의 응답이 너무 오래 걸려서, 대신 문서에서 가장 관련 있는 부분을 인용해 드립니다.',
  emptyQuestion: '질문을 입력해 주세요. 지식 베이스에서 찾아보겠습니다.',
  questionTooLong: '질문이 너무 깁니다. {max}자 이내로 입력해 주세요.',
  searching: '지식 베이스를 검색하는 중…',
  thinking: '답변을 작성하는 중…',
  sources: '출처',
  feedbackThanks: '피드백 감사합니다!',
  'redacted.secret': '[비밀 정보 삭제됨]',
  'redacted.personal': '[개인 정보 삭제됨]',
  'redacted.other': '[삭제됨]',
  greeting:
    '안녕하세요! 회사 규정, IT, 사무실에 관해 무엇이든 물어보세요. 사내 문서를 바탕으로 출처와 함께 답해 드립니다.',
  shareInChannel: '채널에 공유',
  helpful: '도움이 됐어요',
  notHelpful: '도움이 안 됐어요',
  'page.intro':
    '인사, IT, 사무실에 관해 편한 언어로 질문하세요. 답변은 회사 문서를 바탕으로 출처와 함께 제공됩니다.',
  'page.question': '질문',
  'page.example': '예: 유급 휴가는 며칠인가요?',
  'page.ask': '질문하기',
  'page.signInAgain': '다시 로그인해 주세요.',
  // issue 18: summaries of threads and conversations
  'thread.summarising': '메시지 {count}개를 요약하는 중…',
  'thread.latestOnly': '이 스레드에는 메시지가 {total}개 있습니다. 이 요약은 최근 {count}개를 다룹니다.',
  'thread.tooLong':
    '이 스레드는 너무 길어서 전부 읽을 수 없습니다. 이 요약은 처음 {total}개 메시지 중 {count}개를 다룹니다.',
  'thread.latestRead': '이 요약은 최근 메시지 {count}개를 다룹니다. 그보다 오래된 메시지는 읽지 않았습니다.',
  'thread.notInChannel': '이 대화를 읽을 수 없습니다. 채널에 저를 추가한 뒤(예: /invite) 다시 시도해 주세요.',
  'thread.postToThread': '스레드에 게시',
  'thread.posted': '스레드에 게시했습니다.',
  'thread.notInThread': '요약은 스레드 안에서 요청해 주세요. 스레드의 답글에서 저를 멘션하면 됩니다.',
  'thread.selectedOnly':
    '선택하신 메시지만 읽을 수 있었습니다. 대화 전체를 요약하려면 관리자가 읽기 권한을 허용해야 합니다.',
  'thread.comingInChat': '아직 요약하는 중입니다. 완료되면 저와의 채팅으로 보내 드리겠습니다.',
  'thread.nothing': '이 스레드에는 요약할 내용이 없습니다.',
  // issue 17: standard answers
  'standard.answeredBy': '{team} 답변, {date}',
  'standard.nowAnswered': '문의하신 질문에 답변이 준비되었습니다:',
  // issue 17: hand-off to a person (ESC)
  'handoff.ask': '담당자에게 문의',
  'handoff.subscribe': '답변이 등록되면 알림 받기',
  'handoff.sent': '질문을 담당 팀의 담당자에게 전달했습니다. 답변은 여기에 게시됩니다.',
  'handoff.already': '이 질문은 이미 담당 팀의 담당자에게 전달되었습니다. 답변은 여기에 게시됩니다.',
  'handoff.unavailable':
    '죄송합니다. 지금은 이 질문을 담당자에게 전달할 수 없습니다. 담당 팀에 직접 문의해 주세요.',
  'handoff.subscribed': '이 질문에 답변이 등록되면 여기에서 알려 드리겠습니다.',
  'handoff.replyFrom': '{team}에서 질문에 답변했습니다:',
  'handoff.title': 'PolyDesk에서 전달된 담당자 문의입니다',
  'handoff.question': '질문({language}로 질문함):',
  'handoff.answer': 'PolyDesk의 답변:',
  'handoff.notFound': 'PolyDesk가 지식 베이스에서 답을 찾지 못했습니다.',
  'handoff.answerHidden':
    '이 채널의 모든 사람이 볼 수 있는 것은 아닌 문서나 정보를 바탕으로 한 답변이라 PolyDesk의 답변을 여기에는 표시하지 않습니다.',
  'handoff.questionHidden':
    '이 채널의 모든 사람이 볼 수 있는 것은 아닌 정보가 포함되어 있어 질문을 여기에 표시하지 않습니다.',
  'handoff.instructions':
    '이 스레드에 답글을 달아 주세요. 각 답글은 질문한 사람에게 전달됩니다. 질문한 사람이 답을 얻으면 "해결됨"을 눌러 주세요.',
  'handoff.resolve': '해결됨',
  'handoff.resolved': '해결됨: 질문한 사람이 답을 받았습니다.',
  'handoff.saveStandard': '표준 답변으로 저장',
  'handoff.saved': '표준 답변으로 저장했습니다. 앞으로 같은 뜻의 질문에는 이 답변이 제공됩니다.',
  'handoff.notReply': 'PolyDesk 전달 스레드의 답글에서만 사용할 수 있습니다.',
  'handoff.relayed': '질문한 사람에게 전달했습니다.',
  'handoff.relayHeld': '이 답글은 질문한 사람에게 전달되기 전에 관리자 검토를 기다리고 있습니다.',
  'handoff.notAsker': '질문한 본인만 이 질문을 담당자에게 전달할 수 있습니다.',
  'handoff.savedAlready':
    '이 전달 건에서 이미 표준 답변이 저장되었습니다. 관리자 화면에서 수정할 수 있습니다.',
  'handoff.saveNotRelayed': '질문한 사람에게 전달된 답글만 표준 답변으로 저장할 수 있습니다.',
  'handoff.fileNotRelayed': '파일은 전달되지 않습니다. 질문한 사람은 답글의 텍스트만 받았습니다.',
  'handoff.standardAnswer': '표준 답변',
  'handoff.publish': '게시',
  'handoff.saveTitle': '제목 (답변 위에 표시됨)',
  'handoff.saveQuestion': '이 답변이 답하는 질문',
  'handoff.saveHint':
    '같은 뜻의 질문을 한 모든 사람에게 이 제목과 질문이 표시됩니다. 이름이나 개인 사정은 빼고 일반적인 표현으로 작성해 주세요.',
  // issue 18: summaries
  'summary.heading': '“{title}” 요약',
  'summary.threadHeading': '{title} 요약',
  'summary.extractiveNote': '문서의 핵심 문장을 문서 순서대로 인용했습니다. AI 모델이 쓴 글이 아닙니다.',
  'summary.held': '이 요약은 공유하기 전에 관리자 확인이 필요합니다.',
  'summary.threadExtractiveNote':
    '대화의 핵심 문장을 대화 순서대로 인용했습니다. AI 모델이 쓴 글이 아닙니다.',
  'summary.modelNote': 'AI 모델이 문서를 바탕으로 작성했습니다. 활용하기 전에 인용된 섹션을 확인하세요.',
  'summary.fallback': '지금은 AI 모델이 요약하지 못해 대신 문서의 핵심 문장을 보여 드립니다.',
  'summary.reading': '섹션 {part}/{parts} 읽는 중…',
  'summary.working': '요약하는 중…',
  'summary.notFound':
    '그 이름으로 열람할 수 있는 문서를 찾지 못했습니다. 답변의 출처에 표시된 제목이나 링크로 지정해 주세요.',
  'summary.didYouMean': '다음 중 하나인가요?',
  'summary.nothing': '요약할 내용이 없습니다.',
  'summary.action': '요약',
};

const th: Messages = {
  'extractive.intro': 'นี่คือข้อมูลที่พบในเอกสารของบริษัท:',
  'extractive.note': 'ข้อความนี้ยกมาจากเอกสารโดยตรง ไม่ได้เขียนโดยโมเดล AI',
  notFound: 'ไม่พบข้อมูลนี้ในฐานความรู้ ได้บันทึกคำถามไว้แล้วเพื่อให้ทีมงานเพิ่มข้อมูลในภายหลัง',
  held: 'คำตอบนี้ต้องให้ผู้ดูแลระบบตรวจสอบก่อนจึงจะแชร์ได้ เมื่อได้รับการอนุมัติแล้วจะโพสต์ไว้ที่นี่',
  approved: 'คำตอบนี้ผ่านการตรวจสอบและอนุมัติจากผู้ดูแลระบบแล้ว:',
  rejected: 'ผู้ดูแลระบบตรวจสอบคำตอบของคำถามนี้แล้วและตัดสินใจไม่เผยแพร่ กรุณาติดต่อทีมที่เกี่ยวข้องโดยตรง',
  blocked: 'ไม่สามารถแชร์คำตอบนี้ที่นี่ได้ เพราะอาจมีข้อมูลที่ไม่ใช่ทุกคนในบทสนทนานี้มีสิทธิ์เห็น',
  busy: 'ขณะนี้มีคำถามเข้ามาจำนวนมาก กรุณาลองใหม่อีกครั้งในอีกหนึ่งนาที',
  failed: 'ขออภัย เกิดข้อผิดพลาดระหว่างเตรียมคำตอบ กรุณาลองใหม่อีกครั้งในอีกสักครู่',
  generatorDown: 'ขณะนี้ไม่สามารถใช้โมเดล AI ได้ จึงขอยกข้อความที่เกี่ยวข้องที่สุดจากเอกสารมาให้แทน',
  generatorSlow: 'โมเดล AI ใช้เวลาตอบนานเกินไป จึงขอยกข้อความที่เกี่ยวข้องที่สุดจากเอกสารมาให้แทน',
  emptyQuestion: 'กรุณาพิมพ์คำถาม แล้วจะค้นหาคำตอบจากฐานความรู้ให้',
  questionTooLong: 'คำถามยาวเกินไป กรุณาพิมพ์ไม่เกิน {max} ตัวอักษร',
  searching: 'กำลังค้นหาในฐานความรู้…',
  thinking: 'กำลังเขียนคำตอบ…',
  sources: 'แหล่งที่มา',
  feedbackThanks: 'ขอบคุณสำหรับความคิดเห็น!',
  'redacted.secret': '[ลบข้อมูลลับแล้ว]',
  'redacted.personal': '[ลบข้อมูลส่วนบุคคลแล้ว]',
  'redacted.other': '[ลบแล้ว]',
  greeting: 'สวัสดี! ถามเรื่องระเบียบบริษัท ไอที หรือสำนักงานได้เลย จะตอบจากเอกสารของบริษัทพร้อมบอกแหล่งที่มา',
  shareInChannel: 'แชร์ในแชนแนล',
  helpful: 'มีประโยชน์',
  notHelpful: 'ไม่มีประโยชน์',
  'page.intro': 'ถามเรื่องฝ่ายบุคคล ไอที หรือสำนักงานได้ในภาษาของคุณ คำตอบมาจากเอกสารของบริษัทพร้อมแหล่งที่มา',
  'page.question': 'คำถามของคุณ',
  'page.example': 'เช่น ลาพักร้อนโดยได้รับค่าจ้างได้กี่วัน',
  'page.ask': 'ถาม',
  'page.signInAgain': 'กรุณาเข้าสู่ระบบอีกครั้ง',
  // issue 18: summaries of threads and conversations
  'thread.summarising': 'กำลังสรุปข้อความ {count} รายการ…',
  'thread.latestOnly': 'เธรดนี้มีข้อความ {total} รายการ สรุปนี้ครอบคลุม {count} รายการล่าสุด',
  'thread.tooLong': 'เธรดนี้ยาวเกินกว่าจะอ่านได้ทั้งหมด สรุปนี้ครอบคลุม {count} รายการจาก {total} ข้อความแรก',
  'thread.latestRead': 'สรุปนี้ครอบคลุมข้อความล่าสุด {count} รายการ ข้อความที่เก่ากว่านั้นไม่ได้อ่าน',
  'thread.notInChannel': 'ฉันอ่านบทสนทนานี้ไม่ได้ โปรดเพิ่มฉันเข้าช่อง (เช่น ใช้ /invite) แล้วลองอีกครั้ง',
  'thread.postToThread': 'โพสต์ในเธรด',
  'thread.posted': 'โพสต์ในเธรดแล้ว',
  'thread.notInThread': 'โปรดขอให้ฉันสรุปภายในเธรด โดยกล่าวถึงฉันในการตอบกลับของเธรดนั้น',
  'thread.selectedOnly': 'ฉันอ่านได้เฉพาะข้อความที่คุณเลือก หากต้องการสรุปทั้งบทสนทนา ผู้ดูแลระบบต้องอนุญาตให้ฉันอ่านก่อน',
  'thread.comingInChat': 'ฉันยังสรุปอยู่ เมื่อเสร็จแล้วจะส่งสรุปให้คุณในแชทกับฉัน',
  'thread.nothing': 'ไม่มีเนื้อหาในเธรดนี้ที่ฉันสรุปได้',
  // issue 17: standard answers
  'standard.answeredBy': 'ตอบโดย {team} เมื่อ {date}',
  'standard.nowAnswered': 'คำถามที่คุณถามไว้มีคำตอบแล้ว:',
  // issue 17: hand-off to a person (ESC)
  'handoff.ask': 'ถามเจ้าหน้าที่',
  'handoff.subscribe': 'แจ้งฉันเมื่อมีคำตอบ',
  'handoff.sent': 'ส่งคำถามของคุณต่อให้เจ้าหน้าที่ของทีมแล้ว คำตอบจะโพสต์ไว้ที่นี่',
  'handoff.already': 'คำถามของคุณอยู่กับเจ้าหน้าที่ของทีมแล้ว คำตอบจะโพสต์ไว้ที่นี่',
  'handoff.unavailable': 'ขออภัย ขณะนี้ไม่สามารถส่งคำถามนี้ต่อให้เจ้าหน้าที่ได้ โปรดติดต่อทีมที่เกี่ยวข้องโดยตรง',
  'handoff.subscribed': 'เมื่อคำถามนี้มีคำตอบ จะแจ้งให้คุณทราบที่นี่',
  'handoff.replyFrom': '{team} ตอบคำถามของคุณแล้ว:',
  'handoff.title': 'คำถามถึงเจ้าหน้าที่ ส่งต่อโดย PolyDesk',
  'handoff.question': 'คำถาม (ถามเป็นภาษา{language}):',
  'handoff.answer': 'คำตอบของ PolyDesk:',
  'handoff.notFound': 'PolyDesk ไม่พบคำตอบในฐานความรู้',
  'handoff.answerHidden': 'ไม่แสดงคำตอบของ PolyDesk ที่นี่ เนื่องจากอ้างอิงเอกสารหรือข้อมูลที่ไม่ใช่ทุกคนในช่องนี้มีสิทธิ์ดู',
  'handoff.questionHidden': 'ไม่แสดงคำถามที่นี่ เนื่องจากมีข้อมูลที่ไม่ใช่ทุกคนในช่องนี้มีสิทธิ์ดู',
  'handoff.instructions': 'ตอบกลับในเธรดนี้ได้เลย ทุกคำตอบจะถูกส่งต่อให้ผู้ถาม เมื่อผู้ถามได้คำตอบแล้ว โปรดกด "แก้ไขแล้ว"',
  'handoff.resolve': 'แก้ไขแล้ว',
  'handoff.resolved': 'แก้ไขแล้ว: ผู้ถามได้รับคำตอบแล้ว',
  'handoff.saveStandard': 'บันทึกเป็นคำตอบมาตรฐาน',
  'handoff.saved': 'บันทึกเป็นคำตอบมาตรฐานแล้ว คำถามที่มีความหมายเดียวกันจะได้รับคำตอบนี้ต่อจากนี้',
  'handoff.notReply': 'ใช้ได้กับคำตอบในเธรดส่งต่อของ PolyDesk เท่านั้น',
  'handoff.relayed': 'ส่งต่อให้ผู้ถามแล้ว',
  'handoff.relayHeld': 'คำตอบนี้รอผู้ดูแลระบบตรวจสอบก่อนส่งถึงผู้ถาม',
  'handoff.notAsker': 'เฉพาะผู้ที่ถามคำถามนี้เท่านั้นที่ส่งต่อคำถามให้เจ้าหน้าที่ได้',
  'handoff.savedAlready': 'การส่งต่อนี้บันทึกคำตอบมาตรฐานไว้แล้ว แก้ไขได้ในหน้าผู้ดูแลระบบ',
  'handoff.saveNotRelayed': 'บันทึกเป็นคำตอบมาตรฐานได้เฉพาะคำตอบที่ส่งถึงผู้ถามแล้วเท่านั้น',
  'handoff.fileNotRelayed': 'ไฟล์จะไม่ถูกส่งต่อ ผู้ถามได้รับเฉพาะข้อความในคำตอบของคุณ',
  'handoff.standardAnswer': 'คำตอบมาตรฐาน',
  'handoff.publish': 'เผยแพร่',
  'handoff.saveTitle': 'หัวข้อ (แสดงเหนือคำตอบ)',
  'handoff.saveQuestion': 'คำถามที่คำตอบนี้ตอบ',
  'handoff.saveHint':
    'ทุกคนที่ถามคำถามที่มีความหมายเดียวกันจะเห็นหัวข้อและคำถามนี้ โปรดเขียนแบบกว้าง ๆ โดยไม่ใส่ชื่อหรือรายละเอียดส่วนตัว',
  // issue 18: summaries
  'summary.heading': 'สรุป “{title}”',
  'summary.threadHeading': 'สรุป {title}',
  'summary.extractiveNote': 'ประโยคสำคัญที่ยกมาจากเอกสารตามลำดับในเอกสาร ไม่ได้เขียนโดยโมเดล AI',
  'summary.held': 'สรุปนี้ต้องให้ผู้ดูแลระบบตรวจสอบก่อนจึงจะแชร์ได้',
  'summary.threadExtractiveNote': 'ประโยคสำคัญที่ยกมาจากบทสนทนาตามลำดับในบทสนทนา ไม่ได้เขียนโดยโมเดล AI',
  'summary.modelNote': 'เขียนโดยโมเดล AI จากเอกสาร โปรดตรวจสอบส่วนที่อ้างอิงก่อนนำไปใช้',
  'summary.fallback': 'ขณะนี้โมเดล AI สรุปไม่ได้ จึงแสดงประโยคสำคัญของเอกสารแทน',
  'summary.reading': 'กำลังอ่านส่วนที่ {part} จาก {parts}…',
  'summary.working': 'กำลังสรุป…',
  'summary.notFound': 'ไม่พบเอกสารชื่อนี้ที่คุณมีสิทธิ์อ่าน ลองใช้ชื่อหรือลิงก์ตามที่แสดงในแหล่งข้อมูลของคำตอบ',
  'summary.didYouMean': 'คุณหมายถึงรายการใดต่อไปนี้',
  'summary.nothing': 'ไม่มีเนื้อหาที่สรุปได้',
  'summary.action': 'สรุป',
};

const es: Messages = {
  'extractive.intro': 'Esto es lo que encontré en nuestros documentos:',
  'extractive.note': 'Citado de los documentos; no lo ha escrito ningún modelo de IA.',
  notFound:
    'No encontré esto en la base de conocimiento. He registrado la pregunta para que el equipo pueda añadir la información.',
  held: 'Un administrador tiene que revisar esta respuesta antes de que pueda compartirla. La publicaré aquí en cuanto la apruebe.',
  approved: 'Un administrador revisó y aprobó esta respuesta:',
  rejected:
    'Un administrador revisó la respuesta a esta pregunta y decidió no compartirla. Por favor, contacta directamente con el equipo.',
  blocked:
    'No puedo compartir esta respuesta aquí: podría contener información que no todas las personas de esta conversación pueden ver.',
  busy: 'Estoy atendiendo muchas preguntas en este momento. Vuelve a intentarlo en un minuto.',
  failed: 'Lo siento, algo salió mal al preparar la respuesta. Vuelve a intentarlo dentro de un momento.',
  generatorDown:
    'El modelo de IA no está disponible ahora mismo, así que te muestro los fragmentos más relevantes de nuestros documentos.',
  generatorSlow:
    'El modelo de IA tardó demasiado en responder, así que te muestro los fragmentos más relevantes de nuestros documentos.',
  emptyQuestion: 'Escribe una pregunta y la buscaré en la base de conocimiento.',
  questionTooLong: 'La pregunta es demasiado larga. Por favor, usa como máximo {max} caracteres.',
  searching: 'Buscando en la base de conocimiento…',
  thinking: 'Redactando la respuesta…',
  sources: 'Fuentes',
  feedbackThanks: '¡Gracias por tu opinión!',
  'redacted.secret': '[dato secreto eliminado]',
  'redacted.personal': '[datos personales eliminados]',
  'redacted.other': '[contenido eliminado]',
  greeting:
    '¡Hola! Pregúntame lo que quieras sobre las políticas de la empresa, informática o la oficina. Te responderé a partir de nuestros documentos e indicaré las fuentes.',
  shareInChannel: 'Compartir en el canal',
  helpful: 'Útil',
  notHelpful: 'No me sirvió',
  'page.intro':
    'Pregunta sobre RR. HH., informática o la oficina, en tu idioma. Las respuestas salen de los documentos de la empresa, con sus fuentes.',
  'page.question': 'Tu pregunta',
  'page.example': 'p. ej., ¿Cuántos días de vacaciones pagadas tengo?',
  'page.ask': 'Preguntar',
  'page.signInAgain': 'Vuelve a iniciar sesión.',
  // issue 18: summaries of threads and conversations
  'thread.summarising': 'Resumiendo {count} mensajes…',
  'thread.latestOnly': 'Este hilo tiene {total} mensajes: este resumen abarca los {count} más recientes.',
  'thread.tooLong':
    'Este hilo es demasiado largo para leerlo entero: este resumen abarca {count} de sus primeros {total} mensajes.',
  'thread.latestRead':
    'Este resumen abarca los {count} mensajes más recientes; los anteriores no se leyeron.',
  'thread.notInChannel':
    'No puedo leer esta conversación. Añádeme al canal (por ejemplo con /invite) y vuelve a intentarlo.',
  'thread.postToThread': 'Publicar en el hilo',
  'thread.posted': 'Publicado en el hilo.',
  'thread.notInThread': 'Pídeme el resumen dentro de un hilo: mencióname en una respuesta del hilo.',
  'thread.selectedOnly':
    'Solo pude leer el mensaje que elegiste. Para resumir toda la conversación, un administrador debe permitirme leerla.',
  'thread.comingInChat': 'Sigo resumiendo: te enviaré el resumen en nuestro chat.',
  'thread.nothing': 'No hay nada en este hilo que pueda resumir.',
  // issue 17: standard answers
  'standard.answeredBy': 'Respondido por {team} el {date}',
  'standard.nowAnswered': 'Tu pregunta ya tiene respuesta:',
  // issue 17: hand-off to a person (ESC)
  'handoff.ask': 'Preguntar a una persona',
  'handoff.subscribe': 'Avísame cuando haya respuesta',
  'handoff.sent': 'He pasado tu pregunta a una persona del equipo. Su respuesta se publicará aquí.',
  'handoff.already':
    'Tu pregunta ya está en manos de una persona del equipo. Su respuesta se publicará aquí.',
  'handoff.unavailable':
    'Lo siento, ahora mismo no puedo pasar esta pregunta a una persona. Ponte en contacto directamente con el equipo.',
  'handoff.subscribed': 'Te avisaré aquí cuando esta pregunta tenga respuesta.',
  'handoff.replyFrom': '{team} ha respondido a tu pregunta:',
  'handoff.title': 'Una pregunta para una persona, enviada por PolyDesk',
  'handoff.question': 'Pregunta (hecha en {language}):',
  'handoff.answer': 'Lo que respondió PolyDesk:',
  'handoff.notFound': 'PolyDesk no encontró ninguna respuesta en la base de conocimiento.',
  'handoff.answerHidden':
    'La respuesta de PolyDesk no se muestra aquí: se basó en documentos o datos que no todas las personas de este canal pueden ver.',
  'handoff.questionHidden':
    'La pregunta no se muestra aquí: contiene datos que no todas las personas de este canal pueden ver.',
  'handoff.instructions':
    'Responde en este hilo: cada respuesta se transmite a quien preguntó. Pulsa «Resuelto» cuando tenga su respuesta.',
  'handoff.resolve': 'Resuelto',
  'handoff.resolved': 'Resuelto: quien preguntó ya tiene su respuesta.',
  'handoff.saveStandard': 'Guardar como respuesta estándar',
  'handoff.saved':
    'Guardada como respuesta estándar: a partir de ahora la recibirán las preguntas con el mismo sentido.',
  'handoff.notReply': 'Esto funciona con una respuesta en un hilo de traspaso de PolyDesk.',
  'handoff.relayed': 'Transmitida a quien preguntó.',
  'handoff.relayHeld':
    'Esta respuesta espera la revisión de un administrador antes de llegar a quien preguntó.',
  'handoff.notAsker': 'Solo quien hizo esta pregunta puede pasarla a una persona.',
  'handoff.savedAlready':
    'Ya se guardó una respuesta estándar de este traspaso; se puede editar en la interfaz de administración.',
  'handoff.saveNotRelayed':
    'Solo se puede guardar como respuesta estándar una respuesta que haya llegado a quien preguntó.',
  'handoff.fileNotRelayed':
    'Los archivos no se transmiten: quien preguntó recibió solo el texto de tu respuesta.',
  'handoff.standardAnswer': 'Respuesta estándar',
  'handoff.publish': 'Publicar',
  'handoff.saveTitle': 'Título (se muestra encima de la respuesta)',
  'handoff.saveQuestion': 'La pregunta que responde',
  'handoff.saveHint':
    'Todas las personas cuya pregunta tenga el mismo sentido verán este título y esta pregunta. Escríbelos en términos generales, sin nombres ni datos personales.',
  // issue 18: summaries
  'summary.heading': 'Resumen de «{title}»',
  'summary.threadHeading': 'Resumen de {title}',
  'summary.extractiveNote':
    'Frases clave citadas del documento, en su orden; no lo ha escrito ningún modelo de IA.',
  'summary.held': 'Un administrador tiene que revisar este resumen antes de poder compartirlo.',
  'summary.threadExtractiveNote':
    'Frases clave citadas de la conversación, en su orden; no lo ha escrito ningún modelo de IA.',
  'summary.modelNote':
    'Escrito por un modelo de IA a partir del documento: comprueba las secciones citadas antes de fiarte de él.',
  'summary.fallback':
    'El modelo de IA no ha podido resumirlo ahora, así que aquí tienes las frases clave del documento.',
  'summary.reading': 'Leyendo la sección {part} de {parts}…',
  'summary.working': 'Resumiendo…',
  'summary.notFound':
    'No he encontrado ningún documento con ese nombre que puedas leer. Prueba con su título o su enlace tal como aparecen en las fuentes de una respuesta.',
  'summary.didYouMean': '¿Te refieres a alguno de estos?',
  'summary.nothing': 'No hay nada que pueda resumir.',
  'summary.action': 'Resumir',
};

const fr: Messages = {
  'extractive.intro': "Voici ce que j'ai trouvé dans nos documents :",
  'extractive.note': "Cité tel quel à partir des documents ; aucun modèle d'IA n'a rédigé ce texte.",
  notFound:
    "Je n'ai pas trouvé cette information dans la base de connaissances. J'ai noté la question pour que l'équipe puisse l'ajouter.",
  held: "Un administrateur doit vérifier cette réponse avant que je puisse la partager. Je la publierai ici dès qu'elle sera approuvée.",
  approved: 'Un administrateur a vérifié et approuvé cette réponse :',
  rejected:
    "Un administrateur a examiné la réponse à cette question et a décidé de ne pas la partager. Merci de contacter directement l'équipe concernée.",
  blocked:
    'Je ne peux pas partager cette réponse ici : elle pourrait contenir des informations que toutes les personnes de cette conversation ne sont pas autorisées à voir.',
  busy: 'Je traite beaucoup de questions en ce moment. Merci de réessayer dans une minute.',
  failed:
    'Désolé, un problème est survenu pendant la préparation de la réponse. Merci de réessayer dans un instant.',
  generatorDown:
    "Le modèle d'IA n'est pas disponible pour le moment ; voici à la place les passages les plus pertinents de nos documents.",
  generatorSlow:
    "Le modèle d'IA a mis trop de temps à répondre ; voici à la place les passages les plus pertinents de nos documents.",
  emptyQuestion: 'Posez votre question et je la chercherai dans la base de connaissances.',
  questionTooLong: 'La question est trop longue. Merci de ne pas dépasser {max} caractères.',
  searching: 'Recherche dans la base de connaissances…',
  thinking: 'Rédaction de la réponse…',
  sources: 'Sources',
  feedbackThanks: 'Merci pour votre retour !',
  'redacted.secret': '[secret supprimé]',
  'redacted.personal': '[données personnelles supprimées]',
  'redacted.other': '[contenu supprimé]',
  greeting:
    "Bonjour ! Posez-moi vos questions sur les règles de l'entreprise, l'informatique ou les bureaux. Je réponds à partir de nos documents, sources à l'appui.",
  shareInChannel: 'Partager dans le canal',
  helpful: 'Utile',
  notHelpful: 'Pas utile',
  'page.intro':
    "Posez vos questions sur les RH, l'informatique ou les bureaux, dans votre langue. Les réponses proviennent des documents de l'entreprise, sources à l'appui.",
  'page.question': 'Votre question',
  'page.example': 'Par ex. : Combien de jours de congés payés ai-je ?',
  'page.ask': 'Demander',
  'page.signInAgain': 'Veuillez vous reconnecter.',
  // issue 18: summaries of threads and conversations
  'thread.summarising': 'Résumé de {count} messages en cours…',
  'thread.latestOnly': 'Ce fil contient {total} messages : ce résumé porte sur les {count} plus récents.',
  'thread.tooLong':
    'Ce fil est trop long pour être lu en entier : ce résumé porte sur {count} de ses {total} premiers messages.',
  'thread.latestRead':
    'Ce résumé porte sur les {count} messages les plus récents ; les plus anciens n’ont pas été lus.',
  'thread.notInChannel':
    'Je ne peux pas lire cette conversation. Ajoutez-moi au canal (par exemple avec /invite), puis réessayez.',
  'thread.postToThread': 'Publier dans le fil',
  'thread.posted': 'Publié dans le fil.',
  'thread.notInThread': 'Demandez-moi un résumé dans un fil : mentionnez-moi dans une réponse du fil.',
  'thread.selectedOnly':
    'Je n’ai pu lire que le message choisi. Pour résumer toute la conversation, un administrateur doit m’autoriser à la lire.',
  'thread.comingInChat': 'Le résumé est en cours : je vous l’enverrai dans notre conversation.',
  'thread.nothing': 'Ce fil ne contient rien que je puisse résumer.',
  // issue 17: standard answers
  'standard.answeredBy': 'Réponse de {team} du {date}',
  'standard.nowAnswered': 'Votre question a maintenant une réponse :',
  // issue 17: hand-off to a person (ESC)
  'handoff.ask': 'Demander à une personne',
  'handoff.subscribe': 'Me prévenir quand il y aura une réponse',
  'handoff.sent': "Votre question a été transmise à une personne de l'équipe. Sa réponse sera publiée ici.",
  'handoff.already':
    "Votre question est déjà entre les mains d'une personne de l'équipe. Sa réponse sera publiée ici.",
  'handoff.unavailable':
    "Désolé, je ne peux pas transmettre cette question à une personne pour le moment. Merci de contacter directement l'équipe concernée.",
  'handoff.subscribed': 'Je vous préviendrai ici dès que cette question aura une réponse.',
  'handoff.replyFrom': '{team} a répondu à votre question :',
  'handoff.title': 'Une question pour une personne, transmise par PolyDesk',
  'handoff.question': 'Question (posée en {language}) :',
  'handoff.answer': 'Réponse de PolyDesk :',
  'handoff.notFound': "PolyDesk n'a trouvé aucune réponse dans la base de connaissances.",
  'handoff.answerHidden':
    "La réponse de PolyDesk n'est pas affichée ici : elle s'appuie sur des documents ou des informations que tout le monde dans ce canal n'a pas le droit de voir.",
  'handoff.questionHidden':
    "La question n'est pas affichée ici : elle contient des informations que tout le monde dans ce canal n'a pas le droit de voir.",
  'handoff.instructions':
    "Répondez dans ce fil : chaque réponse est transmise à la personne qui a posé la question. Cliquez sur « Résolu » une fois qu'elle a sa réponse.",
  'handoff.resolve': 'Résolu',
  'handoff.resolved': 'Résolu : la personne qui a posé la question a sa réponse.',
  'handoff.saveStandard': 'Enregistrer comme réponse type',
  'handoff.saved': 'Enregistrée comme réponse type : les questions de même sens la recevront désormais.',
  'handoff.notReply': 'Cette action fonctionne sur une réponse dans un fil de transmission PolyDesk.',
  'handoff.relayed': 'Transmise à la personne qui a posé la question.',
  'handoff.relayHeld':
    "Cette réponse attend la vérification d'un administrateur avant de parvenir à la personne qui a posé la question.",
  'handoff.notAsker':
    "Seule la personne qui a posé cette question peut la transmettre à quelqu'un de l'équipe.",
  'handoff.savedAlready':
    "Une réponse type a déjà été enregistrée à partir de cette transmission ; elle peut être modifiée dans l'interface d'administration.",
  'handoff.saveNotRelayed':
    'Seule une réponse transmise à la personne qui a posé la question peut être enregistrée comme réponse type.',
  'handoff.fileNotRelayed':
    "Les fichiers ne sont pas transmis : la personne qui a posé la question n'a reçu que le texte de votre réponse.",
  'handoff.standardAnswer': 'Réponse type',
  'handoff.publish': 'Publier',
  'handoff.saveTitle': 'Titre (affiché au-dessus de la réponse)',
  'handoff.saveQuestion': 'La question à laquelle elle répond',
  'handoff.saveHint':
    'Toutes les personnes dont la question a le même sens verront ce titre et cette question. Rédigez-les en termes généraux, sans noms ni détails personnels.',
  // issue 18: summaries
  'summary.heading': 'Résumé de « {title} »',
  'summary.threadHeading': 'Résumé de {title}',
  'summary.extractiveNote':
    'Phrases clés citées du document, dans son ordre ; aucun modèle d’IA ne l’a écrit.',
  'summary.held': 'Un administrateur doit vérifier ce résumé avant qu’il puisse être partagé.',
  'summary.threadExtractiveNote':
    'Phrases clés citées de la conversation, dans son ordre ; aucun modèle d’IA ne l’a écrit.',
  'summary.modelNote':
    'Rédigé par un modèle d’IA à partir du document : vérifiez les sections citées avant de vous y fier.',
  'summary.fallback':
    'Le modèle d’IA n’a pas pu le résumer pour l’instant ; voici plutôt les phrases clés du document.',
  'summary.reading': 'Lecture de la section {part} sur {parts}…',
  'summary.working': 'Résumé en cours…',
  'summary.notFound':
    'Je n’ai trouvé aucun document de ce nom que vous puissiez lire. Essayez son titre ou son lien tels qu’ils apparaissent dans les sources d’une réponse.',
  'summary.didYouMean': 'Vouliez-vous dire l’un de ceux-ci ?',
  'summary.nothing': 'Il n’y a rien que je puisse résumer.',
  'summary.action': 'Résumer',
};

const de: Messages = {
  'extractive.intro': 'Das habe ich in unseren Dokumenten gefunden:',
  'extractive.note': 'Wörtlich aus den Dokumenten zitiert; kein KI-Modell hat diesen Text geschrieben.',
  notFound:
    'Dazu habe ich in der Wissensdatenbank nichts gefunden. Ich habe die Frage notiert, damit das Team die Information ergänzen kann.',
  held: 'Ein Admin muss diese Antwort prüfen, bevor ich sie teilen kann. Sobald sie freigegeben ist, poste ich sie hier.',
  approved: 'Ein Admin hat diese Antwort geprüft und freigegeben:',
  rejected:
    'Ein Admin hat die Antwort auf diese Frage geprüft und entschieden, sie nicht zu teilen. Bitte wende dich direkt an das zuständige Team.',
  blocked:
    'Ich kann diese Antwort hier nicht teilen: Sie könnte Informationen enthalten, die nicht alle in dieser Unterhaltung sehen dürfen.',
  busy: 'Ich bearbeite gerade sehr viele Fragen – bitte versuch es in einer Minute noch einmal.',
  failed: 'Entschuldigung, beim Beantworten ist etwas schiefgelaufen. Bitte versuch es gleich noch einmal.',
  generatorDown:
    'Das KI-Modell ist gerade nicht verfügbar. Hier stattdessen die passendsten Stellen aus unseren Dokumenten.',
  generatorSlow:
    'Das KI-Modell hat zu lange für die Antwort gebraucht. Hier stattdessen die passendsten Stellen aus unseren Dokumenten.',
  emptyQuestion: 'Bitte gib eine Frage ein, dann suche ich in der Wissensdatenbank danach.',
  questionTooLong: 'Die Frage ist zu lang. Bitte verwende höchstens {max} Zeichen.',
  searching: 'Durchsuche die Wissensdatenbank …',
  thinking: 'Formuliere eine Antwort …',
  sources: 'Quellen',
  feedbackThanks: 'Danke für dein Feedback!',
  'redacted.secret': '[Zugangsdaten entfernt]',
  'redacted.personal': '[personenbezogene Daten entfernt]',
  'redacted.other': '[entfernt]',
  greeting:
    'Hallo! Frag mich alles zu Richtlinien, IT oder dem Büro. Ich antworte auf Grundlage unserer Dokumente und nenne dir die Quellen.',
  shareInChannel: 'Im Channel teilen',
  helpful: 'Hilfreich',
  notHelpful: 'Nicht hilfreich',
  'page.intro':
    'Frag zu HR, IT oder dem Büro – in deiner Sprache. Die Antworten stammen aus den Dokumenten des Unternehmens, mit Quellen.',
  'page.question': 'Deine Frage',
  'page.example': 'z. B. Wie viele Tage bezahlten Urlaub habe ich?',
  'page.ask': 'Fragen',
  'page.signInAgain': 'Bitte melde dich erneut an.',
  // issue 18: summaries of threads and conversations
  'thread.summarising': '{count} Nachrichten werden zusammengefasst…',
  'thread.latestOnly':
    'Dieser Thread hat {total} Nachrichten: Diese Zusammenfassung umfasst die neuesten {count}.',
  'thread.tooLong':
    'Dieser Thread ist zu lang, um ihn ganz zu lesen: Diese Zusammenfassung umfasst {count} seiner ersten {total} Nachrichten.',
  'thread.latestRead':
    'Diese Zusammenfassung umfasst die neuesten {count} Nachrichten; ältere wurden nicht gelesen.',
  'thread.notInChannel':
    'Ich kann diese Unterhaltung nicht lesen. Füge mich dem Kanal hinzu (zum Beispiel mit /invite) und versuche es dann erneut.',
  'thread.postToThread': 'Im Thread posten',
  'thread.posted': 'Im Thread gepostet.',
  'thread.notInThread':
    'Bitte mich in einem Thread um eine Zusammenfassung: Erwähne mich dort in einer Antwort.',
  'thread.selectedOnly':
    'Ich konnte nur die ausgewählte Nachricht lesen. Um die ganze Unterhaltung zusammenzufassen, muss ein Admin mir das Lesen erlauben.',
  'thread.comingInChat': 'Ich fasse noch zusammen: Ich schicke dir die Zusammenfassung in unserem Chat.',
  'thread.nothing': 'In diesem Thread gibt es nichts, was ich zusammenfassen kann.',
  // issue 17: standard answers
  'standard.answeredBy': 'Beantwortet von {team} am {date}',
  'standard.nowAnswered': 'Auf deine Frage gibt es jetzt eine Antwort:',
  // issue 17: hand-off to a person (ESC)
  'handoff.ask': 'Eine Person fragen',
  'handoff.subscribe': 'Bei einer Antwort benachrichtigen',
  'handoff.sent': 'Deine Frage wurde an eine Person aus dem Team weitergegeben. Die Antwort erscheint hier.',
  'handoff.already': 'Deine Frage liegt bereits bei einer Person aus dem Team. Die Antwort erscheint hier.',
  'handoff.unavailable':
    'Leider kann ich diese Frage gerade nicht an eine Person weitergeben. Bitte wende dich direkt an das zuständige Team.',
  'handoff.subscribed': 'Ich sage dir hier Bescheid, sobald es eine Antwort auf diese Frage gibt.',
  'handoff.replyFrom': '{team} hat auf deine Frage geantwortet:',
  'handoff.title': 'Eine Frage an eine Person, weitergegeben von PolyDesk',
  'handoff.question': 'Frage (gestellt auf {language}):',
  'handoff.answer': 'Das hat PolyDesk geantwortet:',
  'handoff.notFound': 'PolyDesk hat in der Wissensdatenbank keine Antwort gefunden.',
  'handoff.answerHidden':
    'Die Antwort von PolyDesk wird hier nicht gezeigt: Sie stützt sich auf Dokumente oder Angaben, die nicht alle in diesem Kanal sehen dürfen.',
  'handoff.questionHidden':
    'Die Frage wird hier nicht gezeigt: Sie enthält Angaben, die nicht alle in diesem Kanal sehen dürfen.',
  'handoff.instructions':
    'Antworte in diesem Thread: Jede Antwort wird an die fragende Person weitergegeben. Klicke auf „Erledigt“, sobald sie ihre Antwort hat.',
  'handoff.resolve': 'Erledigt',
  'handoff.resolved': 'Erledigt: Die fragende Person hat ihre Antwort.',
  'handoff.saveStandard': 'Als Standardantwort speichern',
  'handoff.saved':
    'Als Standardantwort gespeichert: Fragen mit derselben Bedeutung erhalten ab jetzt diese Antwort.',
  'handoff.notReply': 'Das funktioniert nur bei einer Antwort in einem PolyDesk-Übergabe-Thread.',
  'handoff.relayed': 'An die fragende Person weitergegeben.',
  'handoff.relayHeld':
    'Diese Antwort wartet auf die Prüfung durch einen Admin, bevor sie die fragende Person erreicht.',
  'handoff.notAsker':
    'Nur die Person, die diese Frage gestellt hat, kann sie an jemanden aus dem Team weitergeben.',
  'handoff.savedAlready':
    'Aus dieser Übergabe wurde bereits eine Standardantwort gespeichert; sie lässt sich in der Admin-Oberfläche bearbeiten.',
  'handoff.saveNotRelayed':
    'Als Standardantwort lässt sich nur eine Antwort speichern, die die fragende Person erreicht hat.',
  'handoff.fileNotRelayed':
    'Dateien werden nicht weitergegeben: Die fragende Person hat nur den Text deiner Antwort erhalten.',
  'handoff.standardAnswer': 'Standardantwort',
  'handoff.publish': 'Veröffentlichen',
  'handoff.saveTitle': 'Titel (über der Antwort angezeigt)',
  'handoff.saveQuestion': 'Die Frage, die sie beantwortet',
  'handoff.saveHint':
    'Alle, deren Frage dasselbe bedeutet, sehen diesen Titel und diese Frage. Formuliere sie allgemein, ohne Namen oder persönliche Angaben.',
  // issue 18: summaries
  'summary.heading': 'Zusammenfassung von „{title}“',
  'summary.threadHeading': 'Zusammenfassung: {title}',
  'summary.extractiveNote':
    'Kernsätze aus dem Dokument, in seiner Reihenfolge zitiert; kein KI-Modell hat dies geschrieben.',
  'summary.held': 'Ein Admin muss diese Zusammenfassung prüfen, bevor sie geteilt werden kann.',
  'summary.threadExtractiveNote':
    'Kernsätze aus der Unterhaltung, in ihrer Reihenfolge zitiert; kein KI-Modell hat dies geschrieben.',
  'summary.modelNote':
    'Von einem KI-Modell aus dem Dokument verfasst: Prüfen Sie die zitierten Abschnitte, bevor Sie sich darauf verlassen.',
  'summary.fallback':
    'Das KI-Modell konnte dies gerade nicht zusammenfassen, daher hier die Kernsätze des Dokuments.',
  'summary.reading': 'Lese Abschnitt {part} von {parts}…',
  'summary.working': 'Fasse zusammen…',
  'summary.notFound':
    'Ich habe kein Dokument mit diesem Namen gefunden, das Sie lesen dürfen. Versuchen Sie den Titel oder Link, wie er unter den Quellen einer Antwort steht.',
  'summary.didYouMean': 'Meinten Sie eines davon?',
  'summary.nothing': 'Darin gibt es nichts, was ich zusammenfassen kann.',
  'summary.action': 'Zusammenfassen',
};

const pt: Messages = {
  'extractive.intro': 'Veja o que encontrei nos nossos documentos:',
  'extractive.note': 'Citado dos documentos; nenhum modelo de IA escreveu este texto.',
  notFound:
    'Não encontrei isso na base de conhecimento. Registrei a pergunta para que a equipe possa incluir essa informação.',
  held: 'Um administrador precisa revisar esta resposta antes que eu possa compartilhá-la. Vou publicá-la aqui assim que for aprovada.',
  approved: 'Um administrador revisou e aprovou esta resposta:',
  rejected:
    'Um administrador revisou a resposta a esta pergunta e decidiu não compartilhá-la. Entre em contato diretamente com a equipe responsável.',
  blocked:
    'Não posso compartilhar esta resposta aqui: ela pode conter informações que nem todos nesta conversa têm permissão para ver.',
  busy: 'Estou respondendo a muitas perguntas agora. Tente de novo daqui a um minuto.',
  failed: 'Desculpe, algo deu errado ao preparar a resposta. Tente novamente daqui a pouco.',
  generatorDown:
    'O modelo de IA está indisponível no momento; por isso, aqui estão os trechos mais relevantes dos nossos documentos.',
  generatorSlow:
    'O modelo de IA demorou demais para responder; por isso, aqui estão os trechos mais relevantes dos nossos documentos.',
  emptyQuestion: 'Digite uma pergunta e eu procuro a resposta na base de conhecimento.',
  questionTooLong: 'A pergunta está longa demais. Use no máximo {max} caracteres.',
  searching: 'Pesquisando na base de conhecimento…',
  thinking: 'Escrevendo a resposta…',
  sources: 'Fontes',
  feedbackThanks: 'Obrigado pelo feedback!',
  'redacted.secret': '[dado secreto removido]',
  'redacted.personal': '[dados pessoais removidos]',
  'redacted.other': '[conteúdo removido]',
  greeting:
    'Olá! Pergunte o que quiser sobre as políticas da empresa, TI ou o escritório. Respondo com base nos nossos documentos e mostro as fontes.',
  shareInChannel: 'Compartilhar no canal',
  helpful: 'Útil',
  notHelpful: 'Não ajudou',
  'page.intro':
    'Pergunte sobre RH, TI ou o escritório, no seu idioma. As respostas vêm dos documentos da empresa, com as fontes.',
  'page.question': 'Sua pergunta',
  'page.example': 'Ex.: Quantos dias de férias remuneradas eu tenho?',
  'page.ask': 'Perguntar',
  'page.signInAgain': 'Faça login novamente.',
  // issue 18: summaries of threads and conversations
  'thread.summarising': 'Resumindo {count} mensagens…',
  'thread.latestOnly': 'Este tópico tem {total} mensagens: este resumo cobre as {count} mais recentes.',
  'thread.tooLong':
    'Este tópico é longo demais para ler inteiro: este resumo cobre {count} das suas primeiras {total} mensagens.',
  'thread.latestRead': 'Este resumo cobre as {count} mensagens mais recentes; as anteriores não foram lidas.',
  'thread.notInChannel':
    'Não consigo ler esta conversa. Adicione-me ao canal (por exemplo com /invite) e tente novamente.',
  'thread.postToThread': 'Publicar no tópico',
  'thread.posted': 'Publicado no tópico.',
  'thread.notInThread': 'Peça-me um resumo dentro de um tópico: mencione-me numa resposta lá.',
  'thread.selectedOnly':
    'Só consegui ler a mensagem escolhida. Para resumir a conversa inteira, um administrador precisa permitir que eu a leia.',
  'thread.comingInChat': 'Ainda estou resumindo: vou enviar o resumo no nosso chat.',
  'thread.nothing': 'Não há nada neste tópico que eu possa resumir.',
  // issue 17: standard answers
  'standard.answeredBy': 'Respondido por {team} em {date}',
  'standard.nowAnswered': 'Sua pergunta agora tem uma resposta:',
  // issue 17: hand-off to a person (ESC)
  'handoff.ask': 'Perguntar a uma pessoa',
  'handoff.subscribe': 'Avise-me quando houver resposta',
  'handoff.sent': 'Sua pergunta foi encaminhada a uma pessoa da equipe. A resposta será publicada aqui.',
  'handoff.already': 'Sua pergunta já está com uma pessoa da equipe. A resposta será publicada aqui.',
  'handoff.unavailable':
    'Desculpe, não consigo encaminhar esta pergunta a uma pessoa agora. Entre em contato diretamente com a equipe responsável.',
  'handoff.subscribed': 'Vou avisar aqui quando esta pergunta tiver uma resposta.',
  'handoff.replyFrom': '{team} respondeu à sua pergunta:',
  'handoff.title': 'Uma pergunta para uma pessoa, encaminhada pelo PolyDesk',
  'handoff.question': 'Pergunta (feita em {language}):',
  'handoff.answer': 'O que o PolyDesk respondeu:',
  'handoff.notFound': 'O PolyDesk não encontrou resposta na base de conhecimento.',
  'handoff.answerHidden':
    'A resposta do PolyDesk não aparece aqui: ela se baseou em documentos ou informações que nem todos neste canal podem ver.',
  'handoff.questionHidden':
    'A pergunta não aparece aqui: ela contém informações que nem todos neste canal podem ver.',
  'handoff.instructions':
    'Responda nesta conversa: cada resposta é encaminhada a quem perguntou. Clique em "Resolvido" quando a pessoa tiver a resposta.',
  'handoff.resolve': 'Resolvido',
  'handoff.resolved': 'Resolvido: quem perguntou já tem a resposta.',
  'handoff.saveStandard': 'Salvar como resposta padrão',
  'handoff.saved':
    'Salva como resposta padrão: a partir de agora, perguntas com o mesmo sentido vão recebê-la.',
  'handoff.notReply': 'Isto funciona em uma resposta dentro de uma conversa de encaminhamento do PolyDesk.',
  'handoff.relayed': 'Encaminhada a quem perguntou.',
  'handoff.relayHeld':
    'Esta resposta aguarda a revisão de um administrador antes de chegar a quem perguntou.',
  'handoff.notAsker': 'Só quem fez esta pergunta pode encaminhá-la a uma pessoa.',
  'handoff.savedAlready':
    'Já foi salva uma resposta padrão a partir deste encaminhamento; ela pode ser editada na interface de administração.',
  'handoff.saveNotRelayed':
    'Só uma resposta que chegou a quem perguntou pode ser salva como resposta padrão.',
  'handoff.fileNotRelayed':
    'Arquivos não são encaminhados: quem perguntou recebeu apenas o texto da sua resposta.',
  'handoff.standardAnswer': 'Resposta padrão',
  'handoff.publish': 'Publicar',
  'handoff.saveTitle': 'Título (exibido acima da resposta)',
  'handoff.saveQuestion': 'A pergunta que ela responde',
  'handoff.saveHint':
    'Todas as pessoas cuja pergunta tiver o mesmo sentido verão este título e esta pergunta. Escreva-os em termos gerais, sem nomes nem detalhes pessoais.',
  // issue 18: summaries
  'summary.heading': 'Resumo de “{title}”',
  'summary.threadHeading': 'Resumo de {title}',
  'summary.extractiveNote':
    'Frases-chave citadas do documento, na sua ordem; nenhum modelo de IA escreveu isto.',
  'summary.held': 'Um administrador precisa revisar este resumo antes que ele possa ser compartilhado.',
  'summary.threadExtractiveNote':
    'Frases-chave citadas da conversa, na sua ordem; nenhum modelo de IA escreveu isto.',
  'summary.modelNote':
    'Escrito por um modelo de IA a partir do documento: confira as seções citadas antes de confiar nele.',
  'summary.fallback':
    'O modelo de IA não conseguiu resumir agora, então aqui estão as frases-chave do documento.',
  'summary.reading': 'Lendo a seção {part} de {parts}…',
  'summary.working': 'Resumindo…',
  'summary.notFound':
    'Não encontrei nenhum documento com esse nome que você possa ler. Tente o título ou o link como aparecem nas fontes de uma resposta.',
  'summary.didYouMean': 'Você quis dizer um destes?',
  'summary.nothing': 'Não há nada que eu possa resumir.',
  'summary.action': 'Resumir',
};

const id: Messages = {
  'extractive.intro': 'Berikut yang saya temukan di dokumen kami:',
  'extractive.note': 'Dikutip langsung dari dokumen; tidak ditulis oleh model AI.',
  notFound:
    'Saya tidak menemukan informasi ini di basis pengetahuan. Pertanyaan Anda sudah saya catat agar tim dapat menambahkannya.',
  held: 'Jawaban ini perlu diperiksa admin sebelum dapat saya bagikan. Saya akan mengirimkannya di sini setelah disetujui.',
  approved: 'Admin telah memeriksa dan menyetujui jawaban ini:',
  rejected:
    'Admin telah meninjau jawaban untuk pertanyaan ini dan memutuskan untuk tidak membagikannya. Silakan hubungi tim terkait secara langsung.',
  blocked:
    'Saya tidak dapat membagikan jawaban ini di sini karena mungkin berisi informasi yang tidak boleh dilihat oleh semua orang dalam percakapan ini.',
  busy: 'Saya sedang menangani banyak pertanyaan. Silakan coba lagi dalam satu menit.',
  failed: 'Maaf, terjadi kesalahan saat menyiapkan jawaban. Silakan coba lagi sebentar lagi.',
  generatorDown:
    'Model AI sedang tidak tersedia, jadi sebagai gantinya berikut kutipan yang paling relevan dari dokumen kami.',
  generatorSlow:
    'Model AI terlalu lama menjawab, jadi sebagai gantinya berikut kutipan yang paling relevan dari dokumen kami.',
  emptyQuestion: 'Silakan ketik pertanyaan Anda, nanti saya carikan di basis pengetahuan.',
  questionTooLong: 'Pertanyaannya terlalu panjang. Harap gunakan paling banyak {max} karakter.',
  searching: 'Mencari di basis pengetahuan…',
  thinking: 'Menyusun jawaban…',
  sources: 'Sumber',
  feedbackThanks: 'Terima kasih atas masukannya!',
  'redacted.secret': '[data rahasia dihapus]',
  'redacted.personal': '[data pribadi dihapus]',
  'redacted.other': '[konten dihapus]',
  greeting:
    'Halo! Tanyakan apa saja tentang kebijakan perusahaan, IT, atau kantor. Saya akan menjawab berdasarkan dokumen perusahaan beserta sumbernya.',
  shareInChannel: 'Bagikan di kanal',
  helpful: 'Membantu',
  notHelpful: 'Tidak membantu',
  'page.intro':
    'Tanyakan soal HR, IT, atau kantor dalam bahasa Anda. Jawaban diambil dari dokumen perusahaan, lengkap dengan sumbernya.',
  'page.question': 'Pertanyaan Anda',
  'page.example': 'Misalnya: Berapa hari cuti berbayar yang saya dapat?',
  'page.ask': 'Tanya',
  'page.signInAgain': 'Silakan masuk kembali.',
  // issue 18: summaries of threads and conversations
  'thread.summarising': 'Meringkas {count} pesan…',
  'thread.latestOnly': 'Utas ini berisi {total} pesan: ringkasan ini mencakup {count} pesan terbaru.',
  'thread.tooLong':
    'Utas ini terlalu panjang untuk dibaca seluruhnya: ringkasan ini mencakup {count} dari {total} pesan pertamanya.',
  'thread.latestRead': 'Ringkasan ini mencakup {count} pesan terbaru; pesan yang lebih lama tidak dibaca.',
  'thread.notInChannel':
    'Saya tidak dapat membaca percakapan ini. Tambahkan saya ke saluran (misalnya dengan /invite), lalu coba lagi.',
  'thread.postToThread': 'Kirim ke utas',
  'thread.posted': 'Sudah dikirim ke utas.',
  'thread.notInThread': 'Minta ringkasan di dalam utas: sebut saya dalam balasan di utas itu.',
  'thread.selectedOnly':
    'Saya hanya dapat membaca pesan yang Anda pilih. Untuk meringkas seluruh percakapan, admin harus mengizinkan saya membacanya.',
  'thread.comingInChat': 'Saya masih meringkas: ringkasannya akan saya kirim di obrolan kita.',
  'thread.nothing': 'Tidak ada isi di utas ini yang dapat saya ringkas.',
  // issue 17: standard answers
  'standard.answeredBy': 'Dijawab oleh {team} pada {date}',
  'standard.nowAnswered': 'Pertanyaan Anda sekarang sudah ada jawabannya:',
  // issue 17: hand-off to a person (ESC)
  'handoff.ask': 'Tanya petugas',
  'handoff.subscribe': 'Beri tahu saya jika sudah dijawab',
  'handoff.sent':
    'Pertanyaan Anda sudah saya teruskan ke petugas dari tim terkait. Balasannya akan diposting di sini.',
  'handoff.already':
    'Pertanyaan Anda sudah berada di tangan petugas dari tim terkait. Balasannya akan diposting di sini.',
  'handoff.unavailable':
    'Maaf, saat ini pertanyaan ini tidak dapat diteruskan ke petugas. Silakan hubungi tim terkait secara langsung.',
  'handoff.subscribed': 'Saya akan memberi tahu Anda di sini begitu pertanyaan ini memiliki jawaban.',
  'handoff.replyFrom': '{team} membalas pertanyaan Anda:',
  'handoff.title': 'Pertanyaan untuk petugas, diteruskan oleh PolyDesk',
  'handoff.question': 'Pertanyaan (diajukan dalam bahasa {language}):',
  'handoff.answer': 'Jawaban PolyDesk:',
  'handoff.notFound': 'PolyDesk tidak menemukan jawaban di basis pengetahuan.',
  'handoff.answerHidden':
    'Jawaban PolyDesk tidak ditampilkan di sini: jawaban itu bersumber dari dokumen atau informasi yang tidak boleh dilihat semua orang di kanal ini.',
  'handoff.questionHidden':
    'Pertanyaan tidak ditampilkan di sini: isinya memuat informasi yang tidak boleh dilihat semua orang di kanal ini.',
  'handoff.instructions':
    'Balas di utas ini: setiap balasan diteruskan ke penanya. Klik "Selesai" setelah penanya mendapat jawabannya.',
  'handoff.resolve': 'Selesai',
  'handoff.resolved': 'Selesai: penanya sudah mendapat jawabannya.',
  'handoff.saveStandard': 'Simpan sebagai jawaban standar',
  'handoff.saved':
    'Disimpan sebagai jawaban standar: mulai sekarang, pertanyaan yang bermakna sama akan mendapat jawaban ini.',
  'handoff.notReply': 'Ini hanya berlaku untuk balasan di utas penerusan PolyDesk.',
  'handoff.relayed': 'Sudah diteruskan ke penanya.',
  'handoff.relayHeld': 'Balasan ini menunggu pemeriksaan admin sebelum sampai ke penanya.',
  'handoff.notAsker': 'Hanya penanya yang dapat meneruskan pertanyaan ini ke petugas.',
  'handoff.savedAlready':
    'Jawaban standar dari penerusan ini sudah disimpan; jawaban itu dapat diedit di halaman admin.',
  'handoff.saveNotRelayed':
    'Hanya balasan yang sudah sampai ke penanya yang dapat disimpan sebagai jawaban standar.',
  'handoff.fileNotRelayed': 'File tidak diteruskan: penanya hanya menerima teks balasan Anda.',
  'handoff.standardAnswer': 'Jawaban standar',
  'handoff.publish': 'Terbitkan',
  'handoff.saveTitle': 'Judul (ditampilkan di atas jawaban)',
  'handoff.saveQuestion': 'Pertanyaan yang dijawabnya',
  'handoff.saveHint':
    'Semua orang yang pertanyaannya bermakna sama akan melihat judul dan pertanyaan ini. Tulis secara umum, tanpa nama atau detail pribadi.',
  // issue 18: summaries
  'summary.heading': 'Ringkasan “{title}”',
  'summary.threadHeading': 'Ringkasan {title}',
  'summary.extractiveNote':
    'Kalimat-kalimat utama yang dikutip dari dokumen, sesuai urutannya; tidak ditulis oleh model AI.',
  'summary.held': 'Ringkasan ini perlu diperiksa admin sebelum dapat dibagikan.',
  'summary.threadExtractiveNote':
    'Kalimat-kalimat utama yang dikutip dari percakapan, sesuai urutannya; tidak ditulis oleh model AI.',
  'summary.modelNote':
    'Ditulis oleh model AI dari dokumen: periksa bagian yang dikutip sebelum Anda mengandalkannya.',
  'summary.fallback':
    'Model AI belum bisa meringkasnya saat ini, jadi berikut kalimat-kalimat utama dokumen.',
  'summary.reading': 'Membaca bagian {part} dari {parts}…',
  'summary.working': 'Meringkas…',
  'summary.notFound':
    'Saya tidak menemukan dokumen dengan nama itu yang boleh Anda baca. Coba judul atau tautannya seperti yang tampil di sumber sebuah jawaban.',
  'summary.didYouMean': 'Apakah maksud Anda salah satu dari ini?',
  'summary.nothing': 'Tidak ada yang bisa saya ringkas.',
  'summary.action': 'Ringkas',
};

const vi: Messages = {
  'extractive.intro': 'Đây là những gì tôi tìm thấy trong tài liệu của công ty:',
  'extractive.note': 'Trích dẫn nguyên văn từ tài liệu; không phải do mô hình AI viết.',
  notFound:
    'Tôi không tìm thấy thông tin này trong cơ sở tri thức. Tôi đã ghi lại câu hỏi để nhóm phụ trách bổ sung.',
  held: 'Câu trả lời này cần quản trị viên kiểm tra trước khi tôi có thể chia sẻ. Tôi sẽ đăng tại đây ngay khi được duyệt.',
  approved: 'Câu trả lời này đã được quản trị viên xem xét và phê duyệt:',
  rejected:
    'Quản trị viên đã xem xét câu trả lời cho câu hỏi này và quyết định không chia sẻ. Vui lòng liên hệ trực tiếp với nhóm phụ trách.',
  blocked:
    'Tôi không thể chia sẻ câu trả lời này ở đây vì nó có thể chứa thông tin mà không phải ai trong cuộc trò chuyện này cũng được phép xem.',
  busy: 'Hiện tôi đang xử lý rất nhiều câu hỏi. Vui lòng thử lại sau một phút.',
  failed: 'Xin lỗi, đã có lỗi xảy ra khi chuẩn bị câu trả lời. Vui lòng thử lại sau giây lát.',
  generatorDown:
    'Mô hình AI hiện không khả dụng, vì vậy đây là những đoạn liên quan nhất được trích từ tài liệu của công ty.',
  generatorSlow:
    'Mô hình AI trả lời quá lâu, vì vậy đây là những đoạn liên quan nhất được trích từ tài liệu của công ty.',
  emptyQuestion: 'Vui lòng nhập câu hỏi, tôi sẽ tìm trong cơ sở tri thức.',
  questionTooLong: 'Câu hỏi quá dài. Vui lòng nhập tối đa {max} ký tự.',
  searching: 'Đang tìm trong cơ sở tri thức…',
  thinking: 'Đang soạn câu trả lời…',
  sources: 'Nguồn',
  feedbackThanks: 'Cảm ơn bạn đã góp ý!',
  'redacted.secret': '[đã xóa thông tin bí mật]',
  'redacted.personal': '[đã xóa dữ liệu cá nhân]',
  'redacted.other': '[đã xóa]',
  greeting:
    'Xin chào! Bạn có thể hỏi tôi bất cứ điều gì về quy định công ty, CNTT hoặc văn phòng. Tôi sẽ trả lời dựa trên tài liệu của công ty và ghi rõ nguồn.',
  shareInChannel: 'Chia sẻ trong kênh',
  helpful: 'Hữu ích',
  notHelpful: 'Không hữu ích',
  'page.intro':
    'Hỏi về nhân sự, CNTT hoặc văn phòng bằng ngôn ngữ của bạn. Câu trả lời lấy từ tài liệu của công ty, kèm nguồn.',
  'page.question': 'Câu hỏi của bạn',
  'page.example': 'Ví dụ: Tôi được nghỉ phép có lương bao nhiêu ngày?',
  'page.ask': 'Hỏi',
  'page.signInAgain': 'Vui lòng đăng nhập lại.',
  // issue 18: summaries of threads and conversations
  'thread.summarising': 'Đang tóm tắt {count} tin nhắn…',
  'thread.latestOnly': 'Chuỗi này có {total} tin nhắn: bản tóm tắt này bao gồm {count} tin nhắn mới nhất.',
  'thread.tooLong':
    'Chuỗi này quá dài để đọc hết: bản tóm tắt này bao gồm {count} trong {total} tin nhắn đầu tiên.',
  'thread.latestRead':
    'Bản tóm tắt này bao gồm {count} tin nhắn mới nhất; các tin nhắn cũ hơn chưa được đọc.',
  'thread.notInChannel':
    'Tôi không thể đọc cuộc trò chuyện này. Hãy thêm tôi vào kênh (ví dụ bằng /invite) rồi thử lại.',
  'thread.postToThread': 'Đăng vào chuỗi',
  'thread.posted': 'Đã đăng vào chuỗi.',
  'thread.notInThread': 'Hãy nhờ tôi tóm tắt ngay trong chuỗi: nhắc đến tôi trong một câu trả lời ở đó.',
  'thread.selectedOnly':
    'Tôi chỉ đọc được tin nhắn bạn đã chọn. Để tóm tắt toàn bộ cuộc trò chuyện, quản trị viên cần cho phép tôi đọc nó.',
  'thread.comingInChat':
    'Tôi vẫn đang tóm tắt: tôi sẽ gửi bản tóm tắt cho bạn trong cuộc trò chuyện của chúng ta.',
  'thread.nothing': 'Chuỗi này không có nội dung nào tôi có thể tóm tắt.',
  // issue 17: standard answers
  'standard.answeredBy': 'Được {team} trả lời ngày {date}',
  'standard.nowAnswered': 'Câu hỏi của bạn giờ đã có câu trả lời:',
  // issue 17: hand-off to a person (ESC)
  'handoff.ask': 'Hỏi nhân viên hỗ trợ',
  'handoff.subscribe': 'Báo cho tôi khi có câu trả lời',
  'handoff.sent':
    'Câu hỏi của bạn đã được chuyển đến nhân viên của nhóm phụ trách. Phản hồi sẽ được đăng tại đây.',
  'handoff.already':
    'Câu hỏi của bạn đã được chuyển đến nhân viên của nhóm phụ trách từ trước. Phản hồi sẽ được đăng tại đây.',
  'handoff.unavailable':
    'Rất tiếc, hiện không thể chuyển câu hỏi này đến nhân viên hỗ trợ. Vui lòng liên hệ trực tiếp với nhóm phụ trách.',
  'handoff.subscribed': 'Tôi sẽ báo cho bạn tại đây khi câu hỏi này có câu trả lời.',
  'handoff.replyFrom': '{team} đã trả lời câu hỏi của bạn:',
  'handoff.title': 'Câu hỏi cần người trả lời, do PolyDesk chuyển đến',
  'handoff.question': 'Câu hỏi (ngôn ngữ: {language}):',
  'handoff.answer': 'Câu trả lời của PolyDesk:',
  'handoff.notFound': 'PolyDesk không tìm thấy câu trả lời trong cơ sở tri thức.',
  'handoff.answerHidden':
    'Câu trả lời của PolyDesk không được hiển thị ở đây: câu trả lời dựa trên tài liệu hoặc thông tin mà không phải ai trong kênh này cũng được xem.',
  'handoff.questionHidden':
    'Câu hỏi không được hiển thị ở đây: câu hỏi chứa thông tin mà không phải ai trong kênh này cũng được xem.',
  'handoff.instructions':
    'Hãy trả lời trong chuỗi này: mỗi phản hồi sẽ được chuyển đến người hỏi. Bấm "Đã giải quyết" khi người hỏi đã có câu trả lời.',
  'handoff.resolve': 'Đã giải quyết',
  'handoff.resolved': 'Đã giải quyết: người hỏi đã có câu trả lời.',
  'handoff.saveStandard': 'Lưu thành câu trả lời chuẩn',
  'handoff.saved':
    'Đã lưu thành câu trả lời chuẩn: từ nay, các câu hỏi cùng ý nghĩa sẽ nhận được câu trả lời này.',
  'handoff.notReply': 'Thao tác này chỉ dùng được với phản hồi trong chuỗi chuyển tiếp của PolyDesk.',
  'handoff.relayed': 'Đã chuyển đến người hỏi.',
  'handoff.relayHeld': 'Phản hồi này đang chờ quản trị viên xem xét trước khi đến người hỏi.',
  'handoff.notAsker': 'Chỉ người đặt câu hỏi này mới có thể chuyển nó đến nhân viên hỗ trợ.',
  'handoff.savedAlready':
    'Đã có câu trả lời chuẩn được lưu từ lần chuyển tiếp này; có thể chỉnh sửa trong trang quản trị.',
  'handoff.saveNotRelayed': 'Chỉ phản hồi đã đến được người hỏi mới có thể lưu thành câu trả lời chuẩn.',
  'handoff.fileNotRelayed':
    'Tệp không được chuyển tiếp: người hỏi chỉ nhận được phần văn bản trong phản hồi của bạn.',
  'handoff.standardAnswer': 'Câu trả lời chuẩn',
  'handoff.publish': 'Đăng',
  'handoff.saveTitle': 'Tiêu đề (hiển thị phía trên câu trả lời)',
  'handoff.saveQuestion': 'Câu hỏi mà câu trả lời này giải đáp',
  'handoff.saveHint':
    'Mọi người có câu hỏi cùng ý nghĩa sẽ thấy tiêu đề và câu hỏi này. Hãy viết một cách khái quát, không nêu tên hay thông tin cá nhân.',
  // issue 18: summaries
  'summary.heading': 'Tóm tắt “{title}”',
  'summary.threadHeading': 'Tóm tắt {title}',
  'summary.extractiveNote':
    'Các câu chính được trích từ tài liệu, theo thứ tự của tài liệu; không do mô hình AI viết.',
  'summary.held': 'Bản tóm tắt này cần quản trị viên kiểm tra trước khi có thể chia sẻ.',
  'summary.threadExtractiveNote':
    'Các câu chính được trích từ cuộc trò chuyện, theo thứ tự của nó; không do mô hình AI viết.',
  'summary.modelNote':
    'Do mô hình AI viết từ tài liệu: hãy kiểm tra các phần được trích dẫn trước khi dựa vào.',
  'summary.fallback': 'Mô hình AI hiện chưa tóm tắt được, nên đây là các câu chính của tài liệu.',
  'summary.reading': 'Đang đọc phần {part}/{parts}…',
  'summary.working': 'Đang tóm tắt…',
  'summary.notFound':
    'Tôi không tìm thấy tài liệu nào có tên đó mà bạn được phép đọc. Hãy thử tiêu đề hoặc liên kết như hiển thị trong nguồn của một câu trả lời.',
  'summary.didYouMean': 'Có phải bạn muốn nói đến một trong những tài liệu này?',
  'summary.nothing': 'Không có nội dung nào để tóm tắt.',
  'summary.action': 'Tóm tắt',
};

const ar: Messages = {
  'extractive.intro': 'إليك ما وجدته في مستنداتنا:',
  'extractive.note': 'مقتبس حرفيًا من المستندات، ولم يكتبه أي نموذج ذكاء اصطناعي.',
  notFound: 'لم أجد هذه المعلومة في قاعدة المعرفة. سجّلتُ السؤال حتى يتمكن الفريق من إضافتها.',
  held: 'يجب أن يراجع أحد المسؤولين هذه الإجابة قبل أن أتمكن من مشاركتها. سأنشرها هنا فور الموافقة عليها.',
  approved: 'راجع أحد المسؤولين هذه الإجابة ووافق عليها:',
  rejected:
    'راجع أحد المسؤولين الإجابة عن هذا السؤال وقرر عدم مشاركتها. يُرجى التواصل مع الفريق المختص مباشرةً.',
  blocked:
    'لا يمكنني مشاركة هذه الإجابة هنا، فقد تتضمن معلومات لا يحق لجميع المشاركين في هذه المحادثة الاطلاع عليها.',
  busy: 'أتلقى عددًا كبيرًا من الأسئلة حاليًا، يُرجى المحاولة مرة أخرى بعد دقيقة.',
  failed: 'عذرًا، حدث خطأ أثناء إعداد الإجابة. يُرجى المحاولة مرة أخرى بعد قليل.',
  generatorDown: 'نموذج الذكاء الاصطناعي غير متاح حاليًا، لذا إليك أكثر المقاطع صلةً بسؤالك من مستنداتنا.',
  generatorSlow:
    'استغرق نموذج الذكاء الاصطناعي وقتًا طويلًا في الإجابة، لذا إليك أكثر المقاطع صلةً بسؤالك من مستنداتنا.',
  emptyQuestion: 'يُرجى كتابة سؤالك وسأبحث عنه في قاعدة المعرفة.',
  questionTooLong: 'السؤال طويل جدًا. يُرجى ألا يتجاوز {max} حرفًا.',
  searching: 'جارٍ البحث في قاعدة المعرفة…',
  thinking: 'جارٍ كتابة الإجابة…',
  sources: 'المصادر',
  feedbackThanks: 'شكرًا على ملاحظاتك!',
  'redacted.secret': '[تمت إزالة معلومة سرية]',
  'redacted.personal': '[تمت إزالة بيانات شخصية]',
  'redacted.other': '[تمت الإزالة]',
  greeting:
    'مرحبًا! اسألني عن أي شيء يخص سياسات الشركة أو تقنية المعلومات أو المكتب، وسأجيبك من مستنداتنا مع ذكر المصادر.',
  shareInChannel: 'مشاركة في القناة',
  helpful: 'مفيد',
  notHelpful: 'غير مفيد',
  'page.intro':
    'اسأل عن شؤون الموظفين أو تقنية المعلومات أو المكتب بلغتك. تأتي الإجابات من مستندات الشركة مع ذكر المصادر.',
  'page.question': 'سؤالك',
  'page.example': 'مثال: كم يومًا من الإجازة المدفوعة أستحق؟',
  'page.ask': 'اسأل',
  'page.signInAgain': 'يُرجى تسجيل الدخول مرة أخرى.',
  // issue 18: summaries of threads and conversations
  'thread.summarising': 'جارٍ تلخيص {count} رسالة…',
  'thread.latestOnly': 'تحتوي هذه السلسلة على {total} رسالة: يغطي هذا الملخص أحدث {count} منها.',
  'thread.tooLong': 'هذه السلسلة أطول من أن تُقرأ كاملة: يغطي هذا الملخص {count} من أول {total} رسالة فيها.',
  'thread.latestRead': 'يغطي هذا الملخص أحدث {count} رسالة؛ ولم تُقرأ الرسائل الأقدم.',
  'thread.notInChannel': 'لا يمكنني قراءة هذه المحادثة. أضفني إلى القناة ثم حاول مرة أخرى.',
  'thread.postToThread': 'النشر في السلسلة',
  'thread.posted': 'تم النشر في السلسلة.',
  'thread.notInThread': 'اطلب مني الملخص داخل سلسلة: اذكرني في رد داخلها.',
  'thread.selectedOnly':
    'لم أتمكن إلا من قراءة الرسالة التي اخترتها. لتلخيص المحادثة كاملة، يجب أن يسمح لي المسؤول بقراءتها.',
  'thread.comingInChat': 'ما زلت أعمل على التلخيص: سأرسل إليك الملخص في محادثتنا.',
  'thread.nothing': 'لا يوجد في هذه السلسلة ما يمكنني تلخيصه.',
  // issue 17: standard answers
  'standard.answeredBy': 'الإجابة من {team} بتاريخ {date}',
  'standard.nowAnswered': 'أصبح لسؤالك الآن إجابة:',
  // issue 17: hand-off to a person (ESC)
  'handoff.ask': 'اسأل أحد الموظفين',
  'handoff.subscribe': 'أعلمني عند توفر إجابة',
  'handoff.sent': 'أُحيل سؤالك إلى أحد أفراد الفريق المختص. سيُنشر رده هنا.',
  'handoff.already': 'سؤالك محال بالفعل إلى أحد أفراد الفريق المختص. سيُنشر رده هنا.',
  'handoff.unavailable':
    'عذرًا، لا يمكن إحالة هذا السؤال إلى أحد الموظفين الآن. يُرجى التواصل مع الفريق المختص مباشرةً.',
  'handoff.subscribed': 'سأُعلمك هنا عندما تتوفر إجابة عن هذا السؤال.',
  'handoff.replyFrom': 'ردّ {team} على سؤالك:',
  'handoff.title': 'سؤال موجّه إلى أحد الموظفين، أحاله المساعد الآلي',
  'handoff.question': 'السؤال (طُرح باللغة {language}):',
  'handoff.answer': 'إجابة المساعد الآلي:',
  'handoff.notFound': 'لم يجد المساعد الآلي إجابة في قاعدة المعرفة.',
  'handoff.answerHidden':
    'لا تظهر إجابة المساعد الآلي هنا: فقد استندت إلى مستندات أو معلومات لا يحق لكل أعضاء هذه القناة الاطلاع عليها.',
  'handoff.questionHidden':
    'لا يظهر السؤال هنا: فهو يتضمن معلومات لا يحق لكل أعضاء هذه القناة الاطلاع عليها.',
  'handoff.instructions':
    'يُرجى الرد في هذه السلسلة: يُحال كل رد إلى صاحب السؤال. اضغط «تم الحل» بعد حصوله على إجابته.',
  'handoff.resolve': 'تم الحل',
  'handoff.resolved': 'تم الحل: حصل صاحب السؤال على إجابته.',
  'handoff.saveStandard': 'حفظ كإجابة معتمدة',
  'handoff.saved': 'حُفظت كإجابة معتمدة: ستحصل عليها من الآن الأسئلة التي تحمل المعنى نفسه.',
  'handoff.notReply': 'يعمل هذا على الردود داخل سلسلة إحالة من المساعد الآلي فقط.',
  'handoff.relayed': 'أُحيل إلى صاحب السؤال.',
  'handoff.relayHeld': 'ينتظر هذا الرد مراجعة أحد المسؤولين قبل أن يصل إلى صاحب السؤال.',
  'handoff.notAsker': 'لا يمكن إحالة هذا السؤال إلى أحد الموظفين إلا لصاحبه.',
  'handoff.savedAlready': 'حُفظت إجابة معتمدة من هذه الإحالة من قبل، ويمكن تعديلها من واجهة الإدارة.',
  'handoff.saveNotRelayed': 'لا يمكن حفظ رد كإجابة معتمدة إلا إذا وصل إلى صاحب السؤال.',
  'handoff.fileNotRelayed': 'لا تُحال الملفات: لم يصل إلى صاحب السؤال سوى نص ردك.',
  'handoff.standardAnswer': 'إجابة معتمدة',
  'handoff.publish': 'نشر',
  'handoff.saveTitle': 'العنوان (يظهر فوق الإجابة)',
  'handoff.saveQuestion': 'السؤال الذي تجيب عنه',
  'handoff.saveHint':
    'سيرى هذا العنوان وهذا السؤال كل من يطرح سؤالًا بالمعنى نفسه. اكتبهما بصيغة عامة، دون أسماء أو تفاصيل شخصية.',
  // issue 18: summaries
  'summary.heading': 'ملخص «{title}»',
  'summary.threadHeading': 'ملخص {title}',
  'summary.extractiveNote': 'جمل رئيسية مقتبسة من المستند بترتيبها فيه؛ لم يكتبها نموذج ذكاء اصطناعي.',
  'summary.held': 'يجب أن يراجع أحد المسؤولين هذا الملخص قبل أن تتم مشاركته.',
  'summary.threadExtractiveNote':
    'جمل رئيسية مقتبسة من المحادثة بترتيبها فيها؛ لم يكتبها نموذج ذكاء اصطناعي.',
  'summary.modelNote': 'كتبه نموذج ذكاء اصطناعي من المستند: تحقق من الأقسام المستشهد بها قبل الاعتماد عليه.',
  'summary.fallback': 'تعذر على نموذج الذكاء الاصطناعي تلخيص هذا الآن، لذا إليك الجمل الرئيسية في المستند.',
  'summary.reading': 'جارٍ قراءة القسم {part} من {parts}…',
  'summary.working': 'جارٍ التلخيص…',
  'summary.notFound':
    'لم أجد مستندًا بهذا الاسم يمكنك قراءته. جرّب عنوانه أو رابطه كما يظهران في مصادر إحدى الإجابات.',
  'summary.didYouMean': 'هل تقصد أحد هذه؟',
  'summary.nothing': 'لا يوجد فيه ما يمكنني تلخيصه.',
  'summary.action': 'تلخيص',
};

const ru: Messages = {
  'extractive.intro': 'Вот что нашлось в наших документах:',
  'extractive.note': 'Это дословные цитаты из документов; текст написан не моделью ИИ.',
  notFound:
    'В базе знаний нет ответа на этот вопрос. Вопрос записан, чтобы команда могла добавить нужную информацию.',
  held: 'Прежде чем я смогу поделиться этим ответом, его должен проверить администратор. Опубликую его здесь сразу после одобрения.',
  approved: 'Администратор проверил и одобрил этот ответ:',
  rejected:
    'Администратор проверил ответ на этот вопрос и решил его не публиковать. Пожалуйста, обратитесь напрямую к ответственной команде.',
  blocked:
    'Не могу поделиться этим ответом здесь: в нём может быть информация, которую видеть разрешено не всем участникам этой беседы.',
  busy: 'Сейчас очень много вопросов — пожалуйста, попробуйте ещё раз через минуту.',
  failed: 'Извините, при подготовке ответа что-то пошло не так. Пожалуйста, попробуйте ещё раз чуть позже.',
  generatorDown:
    'Модель ИИ сейчас недоступна, поэтому вот наиболее подходящие фрагменты из наших документов.',
  generatorSlow:
    'Модель ИИ отвечала слишком долго, поэтому вот наиболее подходящие фрагменты из наших документов.',
  emptyQuestion: 'Пожалуйста, напишите вопрос, и я поищу ответ в базе знаний.',
  questionTooLong: 'Вопрос слишком длинный. Пожалуйста, уложитесь в {max} символов.',
  searching: 'Ищу в базе знаний…',
  thinking: 'Составляю ответ…',
  sources: 'Источники',
  feedbackThanks: 'Спасибо за отзыв!',
  'redacted.secret': '[секретные данные удалены]',
  'redacted.personal': '[персональные данные удалены]',
  'redacted.other': '[удалено]',
  greeting:
    'Здравствуйте! Спрашивайте о правилах компании, ИТ или офисе — я отвечу по нашим документам и укажу источники.',
  shareInChannel: 'Поделиться в канале',
  helpful: 'Полезно',
  notHelpful: 'Не помогло',
  'page.intro':
    'Спрашивайте о кадровых вопросах, ИТ или офисе на своём языке. Ответы основаны на документах компании и содержат ссылки на источники.',
  'page.question': 'Ваш вопрос',
  'page.example': 'Например: Сколько дней оплачиваемого отпуска мне положено?',
  'page.ask': 'Спросить',
  'page.signInAgain': 'Пожалуйста, войдите снова.',
  // issue 18: summaries of threads and conversations
  'thread.summarising': 'Составляю сводку сообщений ({count})…',
  'thread.latestOnly': 'Сообщений в этой ветке: {total}. Эта сводка охватывает последние из них: {count}.',
  'thread.tooLong':
    'Эта ветка слишком длинная, чтобы прочитать её целиком. Эта сводка охватывает {count} из первых {total} сообщений.',
  'thread.latestRead': 'Эта сводка охватывает последние сообщения ({count}); более ранние не прочитаны.',
  'thread.notInChannel':
    'Я не могу прочитать эту беседу. Добавьте меня в канал (например, командой /invite) и попробуйте снова.',
  'thread.postToThread': 'Опубликовать в ветке',
  'thread.posted': 'Опубликовано в ветке.',
  'thread.notInThread': 'Попросите меня о сводке внутри ветки: упомяните меня в ответе в ней.',
  'thread.selectedOnly':
    'Я смог прочитать только выбранное сообщение. Чтобы подвести итоги всей беседы, администратор должен разрешить мне её читать.',
  'thread.comingInChat': 'Я ещё составляю сводку: пришлю её вам в нашем чате.',
  'thread.nothing': 'В этой ветке нет ничего, что я мог бы кратко изложить.',
  // issue 17: standard answers
  'standard.answeredBy': 'Ответ от {team}, {date}',
  'standard.nowAnswered': 'На ваш вопрос появился ответ:',
  // issue 17: hand-off to a person (ESC)
  'handoff.ask': 'Спросить сотрудника',
  'handoff.subscribe': 'Сообщить, когда будет ответ',
  'handoff.sent': 'Ваш вопрос передан сотруднику ответственной команды. Ответ появится здесь.',
  'handoff.already': 'Ваш вопрос уже передан сотруднику ответственной команды. Ответ появится здесь.',
  'handoff.unavailable':
    'К сожалению, сейчас не получается передать этот вопрос сотруднику. Пожалуйста, обратитесь напрямую к ответственной команде.',
  'handoff.subscribed': 'Как только на этот вопрос появится ответ, я сообщу вам здесь.',
  'handoff.replyFrom': 'Ответ от {team} на ваш вопрос:',
  'handoff.title': 'Вопрос для сотрудника, переданный PolyDesk',
  'handoff.question': 'Вопрос (задан на языке: {language}):',
  'handoff.answer': 'Ответ PolyDesk:',
  'handoff.notFound': 'PolyDesk не нашёл ответа в базе знаний.',
  'handoff.answerHidden':
    'Ответ PolyDesk здесь не показан: он основан на документах или сведениях, которые не все участники этого канала имеют право видеть.',
  'handoff.questionHidden':
    'Вопрос здесь не показан: он содержит сведения, которые не все участники этого канала имеют право видеть.',
  'handoff.instructions':
    'Отвечайте в этой ветке: каждый ответ передаётся автору вопроса. Нажмите «Решено», когда автор вопроса получит ответ.',
  'handoff.resolve': 'Решено',
  'handoff.resolved': 'Решено: автор вопроса получил ответ.',
  'handoff.saveStandard': 'Сохранить как стандартный ответ',
  'handoff.saved': 'Сохранено как стандартный ответ: теперь его будут получать вопросы с тем же смыслом.',
  'handoff.notReply': 'Это работает только для ответа в ветке передачи вопроса от PolyDesk.',
  'handoff.relayed': 'Передано автору вопроса.',
  'handoff.relayHeld': 'Этот ответ ждёт проверки администратором, прежде чем дойдёт до автора вопроса.',
  'handoff.notAsker': 'Передать этот вопрос сотруднику может только его автор.',
  'handoff.savedAlready':
    'Из этой передачи уже сохранён стандартный ответ; его можно изменить в панели администратора.',
  'handoff.saveNotRelayed':
    'Сохранить как стандартный ответ можно только ответ, который дошёл до автора вопроса.',
  'handoff.fileNotRelayed': 'Файлы не передаются: автор вопроса получил только текст вашего ответа.',
  'handoff.standardAnswer': 'Стандартный ответ',
  'handoff.publish': 'Опубликовать',
  'handoff.saveTitle': 'Заголовок (показывается над ответом)',
  'handoff.saveQuestion': 'Вопрос, на который он отвечает',
  'handoff.saveHint':
    'Этот заголовок и вопрос увидят все, чей вопрос имеет тот же смысл. Сформулируйте их в общем виде, без имён и личных подробностей.',
  // issue 18: summaries
  'summary.heading': 'Краткое изложение «{title}»',
  'summary.threadHeading': 'Краткое изложение: {title}',
  'summary.extractiveNote': 'Ключевые предложения из документа в его порядке; текст не написан моделью ИИ.',
  'summary.held':
    'Прежде чем этим кратким изложением можно будет поделиться, его должен проверить администратор.',
  'summary.threadExtractiveNote':
    'Ключевые предложения из переписки в её порядке; текст не написан моделью ИИ.',
  'summary.modelNote':
    'Написано моделью ИИ по документу: проверьте указанные разделы, прежде чем на него полагаться.',
  'summary.fallback':
    'Модель ИИ сейчас не смогла подготовить краткое изложение, поэтому вот ключевые предложения документа.',
  'summary.reading': 'Читаю раздел {part} из {parts}…',
  'summary.working': 'Готовлю краткое изложение…',
  'summary.notFound':
    'Я не нашёл документа с таким названием, который вам доступен. Попробуйте название или ссылку, как они показаны в источниках ответа.',
  'summary.didYouMean': 'Вы имели в виду один из этих?',
  'summary.nothing': 'Здесь нечего кратко изложить.',
  'summary.action': 'Кратко изложить',
};

const it: Messages = {
  'extractive.intro': 'Ecco cosa ho trovato nei nostri documenti:',
  'extractive.note': 'Citato testualmente dai documenti; nessun modello di IA ha scritto questo testo.',
  notFound:
    'Non ho trovato questa informazione nella base di conoscenza. Ho preso nota della domanda, così il team potrà aggiungerla.',
  held: 'Un amministratore deve controllare questa risposta prima che io possa condividerla. La pubblicherò qui appena sarà approvata.',
  approved: 'Un amministratore ha controllato e approvato questa risposta:',
  rejected:
    'Un amministratore ha esaminato la risposta a questa domanda e ha deciso di non condividerla. Contatta direttamente il team di riferimento.',
  blocked:
    'Non posso condividere questa risposta qui: potrebbe contenere informazioni che non tutte le persone in questa conversazione sono autorizzate a vedere.',
  busy: 'Sto gestendo molte domande in questo momento: riprova tra un minuto.',
  failed: 'Mi dispiace, qualcosa è andato storto mentre preparavo la risposta. Riprova tra poco.',
  generatorDown:
    'Il modello di IA al momento non è disponibile, quindi ecco i passaggi più pertinenti dei nostri documenti.',
  generatorSlow:
    'Il modello di IA ha impiegato troppo tempo a rispondere, quindi ecco i passaggi più pertinenti dei nostri documenti.',
  emptyQuestion: 'Scrivi una domanda e la cercherò nella base di conoscenza.',
  questionTooLong: 'La domanda è troppo lunga. Usa al massimo {max} caratteri.',
  searching: 'Ricerca nella base di conoscenza…',
  thinking: 'Sto scrivendo la risposta…',
  sources: 'Fonti',
  feedbackThanks: 'Grazie per il feedback!',
  'redacted.secret': '[dato riservato rimosso]',
  'redacted.personal': '[dati personali rimossi]',
  'redacted.other': '[contenuto rimosso]',
  greeting:
    "Ciao! Chiedimi pure qualsiasi cosa sulle politiche aziendali, sull'IT o sull'ufficio. Ti rispondo in base ai nostri documenti, indicando le fonti.",
  shareInChannel: 'Condividi nel canale',
  helpful: 'Utile',
  notHelpful: 'Non utile',
  'page.intro':
    "Fai domande su risorse umane, IT o ufficio, nella tua lingua. Le risposte arrivano dai documenti dell'azienda, con le fonti.",
  'page.question': 'La tua domanda',
  'page.example': 'Es.: Quanti giorni di ferie pagate mi spettano?',
  'page.ask': 'Chiedi',
  'page.signInAgain': "Effettua di nuovo l'accesso.",
  // issue 18: summaries of threads and conversations
  'thread.summarising': 'Sto riassumendo {count} messaggi…',
  'thread.latestOnly': 'Questo thread ha {total} messaggi: questo riassunto copre i {count} più recenti.',
  'thread.tooLong':
    'Questo thread è troppo lungo per leggerlo tutto: questo riassunto copre {count} dei suoi primi {total} messaggi.',
  'thread.latestRead':
    'Questo riassunto copre i {count} messaggi più recenti; quelli precedenti non sono stati letti.',
  'thread.notInChannel':
    'Non riesco a leggere questa conversazione. Aggiungimi al canale (ad esempio con /invite) e riprova.',
  'thread.postToThread': 'Pubblica nel thread',
  'thread.posted': 'Pubblicato nel thread.',
  'thread.notInThread': 'Chiedimi un riassunto dentro un thread: menzionami in una risposta lì.',
  'thread.selectedOnly':
    'Ho potuto leggere solo il messaggio scelto. Per riassumere tutta la conversazione, un amministratore deve permettermi di leggerla.',
  'thread.comingInChat': 'Sto ancora riassumendo: ti invierò il riassunto nella nostra chat.',
  'thread.nothing': 'In questo thread non c’è nulla che io possa riassumere.',
  // issue 17: standard answers
  'standard.answeredBy': 'Risposta di {team} del {date}',
  'standard.nowAnswered': 'La tua domanda ora ha una risposta:',
  // issue 17: hand-off to a person (ESC)
  'handoff.ask': 'Chiedi a una persona',
  'handoff.subscribe': "Avvisami quando c'è una risposta",
  'handoff.sent': 'La tua domanda è stata passata a una persona del team. La risposta verrà pubblicata qui.',
  'handoff.already':
    'La tua domanda è già nelle mani di una persona del team. La risposta verrà pubblicata qui.',
  'handoff.unavailable':
    'Mi dispiace, al momento non posso passare questa domanda a una persona. Contatta direttamente il team di riferimento.',
  'handoff.subscribed': 'Ti avviserò qui quando questa domanda avrà una risposta.',
  'handoff.replyFrom': '{team} ha risposto alla tua domanda:',
  'handoff.title': 'Una domanda per una persona, inoltrata da PolyDesk',
  'handoff.question': 'Domanda (posta in {language}):',
  'handoff.answer': 'La risposta di PolyDesk:',
  'handoff.notFound': 'PolyDesk non ha trovato una risposta nella base di conoscenza.',
  'handoff.answerHidden':
    'La risposta di PolyDesk non è mostrata qui: si basa su documenti o informazioni che non tutti in questo canale possono vedere.',
  'handoff.questionHidden':
    'La domanda non è mostrata qui: contiene informazioni che non tutti in questo canale possono vedere.',
  'handoff.instructions':
    'Rispondi in questo thread: ogni risposta viene inoltrata a chi ha fatto la domanda. Premi «Risolto» quando ha ottenuto la risposta.',
  'handoff.resolve': 'Risolto',
  'handoff.resolved': 'Risolto: chi ha fatto la domanda ha la sua risposta.',
  'handoff.saveStandard': 'Salva come risposta standard',
  'handoff.saved':
    "Salvata come risposta standard: d'ora in poi la riceveranno le domande con lo stesso significato.",
  'handoff.notReply': 'Funziona solo su una risposta in un thread di inoltro di PolyDesk.',
  'handoff.relayed': 'Inoltrata a chi ha fatto la domanda.',
  'handoff.relayHeld':
    'Questa risposta attende la revisione di un amministratore prima di arrivare a chi ha fatto la domanda.',
  'handoff.notAsker': 'Solo chi ha fatto questa domanda può passarla a una persona.',
  'handoff.savedAlready':
    "Da questo inoltro è già stata salvata una risposta standard; si può modificare nell'interfaccia di amministrazione.",
  'handoff.saveNotRelayed':
    'Si può salvare come risposta standard solo una risposta arrivata a chi ha fatto la domanda.',
  'handoff.fileNotRelayed':
    'I file non vengono inoltrati: chi ha fatto la domanda ha ricevuto solo il testo della tua risposta.',
  'handoff.standardAnswer': 'Risposta standard',
  'handoff.publish': 'Pubblica',
  'handoff.saveTitle': 'Titolo (mostrato sopra la risposta)',
  'handoff.saveQuestion': 'La domanda a cui risponde',
  'handoff.saveHint':
    'Tutte le persone la cui domanda ha lo stesso significato vedranno questo titolo e questa domanda. Scrivili in termini generali, senza nomi né dettagli personali.',
  // issue 18: summaries
  'summary.heading': 'Riassunto di «{title}»',
  'summary.threadHeading': 'Riassunto di {title}',
  'summary.extractiveNote':
    'Frasi chiave citate dal documento, nel suo ordine; non le ha scritte un modello di IA.',
  'summary.held': 'Un amministratore deve controllare questo riassunto prima che possa essere condiviso.',
  'summary.threadExtractiveNote':
    'Frasi chiave citate dalla conversazione, nel suo ordine; non le ha scritte un modello di IA.',
  'summary.modelNote':
    'Scritto da un modello di IA a partire dal documento: controlla le sezioni citate prima di farci affidamento.',
  'summary.fallback':
    'Il modello di IA non è riuscito a riassumerlo ora, quindi ecco le frasi chiave del documento.',
  'summary.reading': 'Sto leggendo la sezione {part} di {parts}…',
  'summary.working': 'Sto riassumendo…',
  'summary.notFound':
    'Non ho trovato nessun documento con quel nome che tu possa leggere. Prova con il titolo o il link come appaiono nelle fonti di una risposta.',
  'summary.didYouMean': 'Intendevi uno di questi?',
  'summary.nothing': 'Non c’è niente che io possa riassumere.',
  'summary.action': 'Riassumi',
};

const nl: Messages = {
  'extractive.intro': 'Dit heb ik in onze documenten gevonden:',
  'extractive.note':
    'Letterlijk geciteerd uit de documenten; deze tekst is niet door een AI-model geschreven.',
  notFound:
    'Ik heb dit niet kunnen vinden in de kennisbank. Ik heb de vraag genoteerd, zodat het team de informatie kan toevoegen.',
  held: 'Een beheerder moet dit antwoord controleren voordat ik het kan delen. Zodra het is goedgekeurd, plaats ik het hier.',
  approved: 'Een beheerder heeft dit antwoord gecontroleerd en goedgekeurd:',
  rejected:
    'Een beheerder heeft het antwoord op deze vraag bekeken en besloten het niet te delen. Neem rechtstreeks contact op met het betreffende team.',
  blocked:
    'Ik kan dit antwoord hier niet delen: het kan informatie bevatten die niet iedereen in dit gesprek mag zien.',
  busy: 'Ik krijg op dit moment veel vragen. Probeer het over een minuut nog eens.',
  failed: 'Sorry, er ging iets mis bij het opstellen van het antwoord. Probeer het zo nog eens.',
  generatorDown:
    'Het AI-model is op dit moment niet beschikbaar. Hier zijn in plaats daarvan de meest relevante passages uit onze documenten.',
  generatorSlow:
    'Het AI-model deed er te lang over om te antwoorden. Hier zijn in plaats daarvan de meest relevante passages uit onze documenten.',
  emptyQuestion: 'Typ een vraag, dan zoek ik het op in de kennisbank.',
  questionTooLong: 'Deze vraag is te lang. Gebruik maximaal {max} tekens.',
  searching: 'Zoeken in de kennisbank…',
  thinking: 'Antwoord wordt geschreven…',
  sources: 'Bronnen',
  feedbackThanks: 'Bedankt voor je feedback!',
  'redacted.secret': '[geheime gegevens verwijderd]',
  'redacted.personal': '[persoonsgegevens verwijderd]',
  'redacted.other': '[verwijderd]',
  greeting:
    'Hoi! Stel me gerust je vragen over bedrijfsbeleid, IT of het kantoor. Ik antwoord op basis van onze documenten en laat je de bronnen zien.',
  shareInChannel: 'Delen in kanaal',
  helpful: 'Nuttig',
  notHelpful: 'Niet nuttig',
  'page.intro':
    'Stel je vraag over HR, IT of het kantoor, in je eigen taal. De antwoorden komen uit de documenten van het bedrijf, met bronvermelding.',
  'page.question': 'Je vraag',
  'page.example': 'Bijv. Hoeveel betaalde vakantiedagen krijg ik?',
  'page.ask': 'Vraag stellen',
  'page.signInAgain': 'Log opnieuw in.',
  // issue 18: summaries of threads and conversations
  'thread.summarising': '{count} berichten worden samengevat…',
  'thread.latestOnly':
    'Deze thread heeft {total} berichten: deze samenvatting gaat over de nieuwste {count}.',
  'thread.tooLong':
    'Deze thread is te lang om helemaal te lezen: deze samenvatting gaat over {count} van de eerste {total} berichten.',
  'thread.latestRead': 'Deze samenvatting gaat over de nieuwste {count} berichten; oudere zijn niet gelezen.',
  'thread.notInChannel':
    'Ik kan dit gesprek niet lezen. Voeg me toe aan het kanaal (bijvoorbeeld met /invite) en probeer het opnieuw.',
  'thread.postToThread': 'In thread plaatsen',
  'thread.posted': 'Geplaatst in de thread.',
  'thread.notInThread': 'Vraag me om een samenvatting in een thread: noem me daar in een antwoord.',
  'thread.selectedOnly':
    'Ik kon alleen het gekozen bericht lezen. Om het hele gesprek samen te vatten, moet een beheerder me toestemming geven het te lezen.',
  'thread.comingInChat': 'Ik ben nog bezig met samenvatten: ik stuur je de samenvatting in onze chat.',
  'thread.nothing': 'Er staat niets in deze thread dat ik kan samenvatten.',
  // issue 17: standard answers
  'standard.answeredBy': 'Beantwoord door {team} op {date}',
  'standard.nowAnswered': 'Je vraag heeft nu een antwoord:',
  // issue 17: hand-off to a person (ESC)
  'handoff.ask': 'Een medewerker vragen',
  'handoff.subscribe': 'Laat het me weten als er een antwoord is',
  'handoff.sent': 'Je vraag is doorgegeven aan een medewerker van het team. Het antwoord verschijnt hier.',
  'handoff.already': 'Je vraag ligt al bij een medewerker van het team. Het antwoord verschijnt hier.',
  'handoff.unavailable':
    'Sorry, ik kan deze vraag nu niet doorgeven aan een medewerker. Neem rechtstreeks contact op met het betreffende team.',
  'handoff.subscribed': 'Ik laat het je hier weten zodra er een antwoord op deze vraag is.',
  'handoff.replyFrom': '{team} heeft je vraag beantwoord:',
  'handoff.title': 'Een vraag voor een medewerker, doorgegeven door PolyDesk',
  'handoff.question': 'Vraag (gesteld in het {language}):',
  'handoff.answer': 'Het antwoord van PolyDesk:',
  'handoff.notFound': 'PolyDesk heeft geen antwoord gevonden in de kennisbank.',
  'handoff.answerHidden':
    'Het antwoord van PolyDesk wordt hier niet getoond: het is gebaseerd op documenten of gegevens die niet iedereen in dit kanaal mag zien.',
  'handoff.questionHidden':
    'De vraag wordt hier niet getoond: ze bevat gegevens die niet iedereen in dit kanaal mag zien.',
  'handoff.instructions':
    'Antwoord in deze thread: elk antwoord wordt doorgegeven aan de vraagsteller. Klik op "Opgelost" zodra die het antwoord heeft.',
  'handoff.resolve': 'Opgelost',
  'handoff.resolved': 'Opgelost: de vraagsteller heeft het antwoord.',
  'handoff.saveStandard': 'Opslaan als standaardantwoord',
  'handoff.saved': 'Opgeslagen als standaardantwoord: vragen met dezelfde betekenis krijgen het voortaan.',
  'handoff.notReply': 'Dit werkt alleen op een antwoord in een PolyDesk-overdrachtsthread.',
  'handoff.relayed': 'Doorgegeven aan de vraagsteller.',
  'handoff.relayHeld':
    'Dit antwoord wacht op controle door een beheerder voordat het de vraagsteller bereikt.',
  'handoff.notAsker': 'Alleen wie deze vraag heeft gesteld, kan hem doorgeven aan een medewerker.',
  'handoff.savedAlready':
    'Uit deze overdracht is al een standaardantwoord opgeslagen; je kunt het bewerken in de beheeromgeving.',
  'handoff.saveNotRelayed':
    'Alleen een antwoord dat de vraagsteller heeft bereikt, kan als standaardantwoord worden opgeslagen.',
  'handoff.fileNotRelayed':
    'Bestanden worden niet doorgegeven: de vraagsteller heeft alleen de tekst van je antwoord ontvangen.',
  'handoff.standardAnswer': 'Standaardantwoord',
  'handoff.publish': 'Publiceren',
  'handoff.saveTitle': 'Titel (staat boven het antwoord)',
  'handoff.saveQuestion': 'De vraag die het beantwoordt',
  'handoff.saveHint':
    'Iedereen met een vraag die hetzelfde betekent, ziet deze titel en vraag. Schrijf ze in algemene termen, zonder namen of persoonlijke details.',
  // issue 18: summaries
  'summary.heading': 'Samenvatting van ‘{title}’',
  'summary.threadHeading': 'Samenvatting van {title}',
  'summary.extractiveNote':
    'Kernzinnen geciteerd uit het document, in de volgorde van het document; geen AI-model heeft dit geschreven.',
  'summary.held': 'Een beheerder moet deze samenvatting controleren voordat die kan worden gedeeld.',
  'summary.threadExtractiveNote':
    'Kernzinnen geciteerd uit het gesprek, in de volgorde van het gesprek; geen AI-model heeft dit geschreven.',
  'summary.modelNote':
    'Door een AI-model geschreven op basis van het document: controleer de geciteerde secties voordat je erop vertrouwt.',
  'summary.fallback':
    'Het AI-model kon dit nu niet samenvatten, dus hier zijn de kernzinnen van het document.',
  'summary.reading': 'Sectie {part} van {parts} lezen…',
  'summary.working': 'Bezig met samenvatten…',
  'summary.notFound':
    'Ik heb geen document met die naam gevonden dat je mag lezen. Probeer de titel of de link zoals die bij de bronnen van een antwoord staan.',
  'summary.didYouMean': 'Bedoel je een van deze?',
  'summary.nothing': 'Er is niets wat ik kan samenvatten.',
  'summary.action': 'Samenvatten',
};

/**
 * Polish verbs in the past tense carry the speaker's gender ("znalazłem/znalazłam", "mógł/mogła"):
 * the messages say what PolyDesk did in forms that have none ("udało mi się", "zostało zapisane").
 */
const pl: Messages = {
  'extractive.intro': 'Oto, co udało mi się znaleźć w naszych dokumentach:',
  'extractive.note': 'Dosłowny cytat z dokumentów – tego tekstu nie napisał żaden model AI.',
  notFound:
    'Nie udało mi się znaleźć tej informacji w bazie wiedzy. Pytanie zostało zapisane, aby zespół mógł ją uzupełnić.',
  held: 'Tę odpowiedź musi najpierw sprawdzić administrator, zanim będzie można ją udostępnić. Opublikuję ją tutaj, gdy tylko zostanie zatwierdzona.',
  approved: 'Administrator sprawdził i zatwierdził tę odpowiedź:',
  rejected:
    'Administrator przejrzał odpowiedź na to pytanie i zdecydował, że nie zostanie ona udostępniona. Skontaktuj się bezpośrednio z odpowiednim zespołem.',
  blocked:
    'Nie mogę udostępnić tutaj tej odpowiedzi: może zawierać informacje, do których nie wszyscy uczestnicy tej rozmowy mają dostęp.',
  busy: 'Obsługuję teraz bardzo dużo pytań – spróbuj ponownie za minutę.',
  failed: 'Przepraszam, coś poszło nie tak podczas przygotowywania odpowiedzi. Spróbuj ponownie za chwilę.',
  generatorDown:
    'Model AI jest teraz niedostępny, dlatego zamiast odpowiedzi pokazuję najbardziej pasujące fragmenty naszych dokumentów.',
  generatorSlow:
    'Model AI zbyt długo przygotowywał odpowiedź, dlatego zamiast niej pokazuję najbardziej pasujące fragmenty naszych dokumentów.',
  emptyQuestion: 'Wpisz pytanie, a poszukam odpowiedzi w bazie wiedzy.',
  questionTooLong: 'To pytanie jest za długie. Użyj maksymalnie {max} znaków.',
  searching: 'Przeszukuję bazę wiedzy…',
  thinking: 'Piszę odpowiedź…',
  sources: 'Źródła',
  feedbackThanks: 'Dziękujemy za opinię!',
  'redacted.secret': '[usunięto dane poufne]',
  'redacted.personal': '[usunięto dane osobowe]',
  'redacted.other': '[usunięto]',
  greeting:
    'Cześć! Zapytaj mnie o zasady obowiązujące w firmie, sprawy IT albo biuro. Odpowiem na podstawie naszych dokumentów i pokażę źródła.',
  shareInChannel: 'Udostępnij na kanale',
  helpful: 'Pomocne',
  notHelpful: 'Nie pomogło',
  'page.intro':
    'Pytaj o sprawy kadrowe, IT lub biuro w swoim języku. Odpowiedzi opierają się na dokumentach firmy i podają źródła.',
  'page.question': 'Twoje pytanie',
  'page.example': 'Np. Ile dni płatnego urlopu mi przysługuje?',
  'page.ask': 'Zapytaj',
  'page.signInAgain': 'Zaloguj się ponownie.',
  // issue 18: summaries of threads and conversations
  'thread.summarising': 'Podsumowuję wiadomości ({count})…',
  'thread.latestOnly':
    'Ten wątek ma wiadomości: {total}. To podsumowanie obejmuje najnowsze z nich: {count}.',
  'thread.tooLong':
    'Ten wątek jest za długi, by przeczytać go w całości: to podsumowanie obejmuje {count} z pierwszych {total} wiadomości.',
  'thread.latestRead': 'To podsumowanie obejmuje najnowsze wiadomości ({count}); starszych nie przeczytano.',
  'thread.notInChannel':
    'Nie mogę przeczytać tej rozmowy. Dodaj mnie do kanału (na przykład poleceniem /invite) i spróbuj ponownie.',
  'thread.postToThread': 'Opublikuj w wątku',
  'thread.posted': 'Opublikowano w wątku.',
  'thread.notInThread': 'Poproś mnie o podsumowanie w wątku: wspomnij mnie w odpowiedzi w tym wątku.',
  'thread.selectedOnly':
    'Udało mi się przeczytać tylko wybraną wiadomość. Aby podsumować całą rozmowę, administrator musi pozwolić mi ją czytać.',
  'thread.comingInChat': 'Wciąż przygotowuję podsumowanie: wyślę je w naszym czacie.',
  'thread.nothing': 'W tym wątku nie ma niczego, co mógłbym podsumować.',
  // issue 17: standard answers
  'standard.answeredBy': 'Odpowiedź: {team}, {date}',
  'standard.nowAnswered': 'Na Twoje pytanie jest już odpowiedź:',
  // issue 17: hand-off to a person (ESC)
  'handoff.ask': 'Zapytaj osobę z zespołu',
  'handoff.subscribe': 'Powiadom mnie o odpowiedzi',
  'handoff.sent': 'Twoje pytanie zostało przekazane osobie z zespołu. Odpowiedź pojawi się tutaj.',
  'handoff.already': 'Twoje pytanie zostało już przekazane osobie z zespołu. Odpowiedź pojawi się tutaj.',
  'handoff.unavailable':
    'Przepraszam, w tej chwili nie da się przekazać tego pytania osobie z zespołu. Skontaktuj się bezpośrednio z odpowiednim zespołem.',
  'handoff.subscribed': 'Powiadomienie pojawi się tutaj, gdy tylko na to pytanie będzie odpowiedź.',
  'handoff.replyFrom': 'Odpowiedź od zespołu {team} na Twoje pytanie:',
  'handoff.title': 'Pytanie do osoby z zespołu, przekazane przez PolyDesk',
  'handoff.question': 'Pytanie (zadane w języku: {language}):',
  'handoff.answer': 'Odpowiedź PolyDesk:',
  'handoff.notFound': 'Wyszukiwanie PolyDesk w bazie wiedzy nie dało odpowiedzi.',
  'handoff.answerHidden':
    'Odpowiedź PolyDesk nie jest tu pokazana: opiera się na dokumentach lub informacjach, do których nie wszyscy na tym kanale mają dostęp.',
  'handoff.questionHidden':
    'Pytanie nie jest tu pokazane: zawiera informacje, do których nie wszyscy na tym kanale mają dostęp.',
  'handoff.instructions':
    'Odpowiedz w tym wątku: każda odpowiedź trafia do osoby, która zadała pytanie. Kliknij „Rozwiązane”, gdy otrzyma ona odpowiedź.',
  'handoff.resolve': 'Rozwiązane',
  'handoff.resolved': 'Rozwiązane: osoba, która zadała pytanie, ma już odpowiedź.',
  'handoff.saveStandard': 'Zapisz jako standardową odpowiedź',
  'handoff.saved':
    'Zapisano jako standardową odpowiedź: od teraz otrzymają ją pytania o tym samym znaczeniu.',
  'handoff.notReply': 'To działa tylko dla odpowiedzi w wątku przekazania z PolyDesk.',
  'handoff.relayed': 'Przekazano osobie, która zadała pytanie.',
  'handoff.relayHeld':
    'Ta odpowiedź czeka na sprawdzenie przez administratora, zanim trafi do osoby, która zadała pytanie.',
  'handoff.notAsker': 'Tylko osoba, która zadała to pytanie, może przekazać je osobie z zespołu.',
  'handoff.savedAlready':
    'Z tego przekazania zapisano już standardową odpowiedź; można ją edytować w panelu administracyjnym.',
  'handoff.saveNotRelayed':
    'Jako standardową odpowiedź można zapisać tylko odpowiedź, która dotarła do osoby zadającej pytanie.',
  'handoff.fileNotRelayed':
    'Pliki nie są przekazywane: osoba, która zadała pytanie, otrzymała tylko tekst odpowiedzi.',
  'handoff.standardAnswer': 'Standardowa odpowiedź',
  'handoff.publish': 'Opublikuj',
  'handoff.saveTitle': 'Tytuł (widoczny nad odpowiedzią)',
  'handoff.saveQuestion': 'Pytanie, na które odpowiada',
  'handoff.saveHint':
    'Ten tytuł i to pytanie zobaczy każda osoba, której pytanie ma to samo znaczenie. Warto ująć je ogólnie, bez imion i szczegółów osobistych.',
  // issue 18: summaries
  'summary.heading': 'Podsumowanie „{title}”',
  'summary.threadHeading': 'Podsumowanie: {title}',
  'summary.extractiveNote':
    'Kluczowe zdania zacytowane z dokumentu w jego kolejności; nie napisał tego model AI.',
  'summary.held': 'Administrator musi sprawdzić to podsumowanie, zanim będzie można je udostępnić.',
  'summary.threadExtractiveNote':
    'Kluczowe zdania zacytowane z rozmowy w jej kolejności; nie napisał tego model AI.',
  'summary.modelNote':
    'Napisane przez model AI na podstawie dokumentu: sprawdź cytowane sekcje, zanim na tym polegniesz.',
  'summary.fallback': 'Model AI nie mógł teraz tego podsumować, więc oto kluczowe zdania dokumentu.',
  'summary.reading': 'Czytam sekcję {part} z {parts}…',
  'summary.working': 'Podsumowuję…',
  'summary.notFound':
    'Nie znalazłem dokumentu o tej nazwie, który możesz przeczytać. Spróbuj tytułu lub linku podanego w źródłach odpowiedzi.',
  'summary.didYouMean': 'Czy chodziło o jeden z tych?',
  'summary.nothing': 'Nie ma tu nic, co mógłbym podsumować.',
  'summary.action': 'Podsumuj',
};

const tr: Messages = {
  'extractive.intro': 'Belgelerimizde bulduklarım şunlar:',
  'extractive.note': 'Doğrudan belgelerden alıntıdır; bu metni herhangi bir yapay zekâ modeli yazmadı.',
  notFound: 'Bu bilgiyi bilgi bankasında bulamadım. Ekibin ekleyebilmesi için soruyu not ettim.',
  held: 'Bu yanıtı paylaşabilmem için önce bir yöneticinin kontrol etmesi gerekiyor. Onaylanır onaylanmaz burada paylaşacağım.',
  approved: 'Bir yönetici bu yanıtı inceledi ve onayladı:',
  rejected:
    'Bir yönetici bu sorunun yanıtını inceledi ve paylaşmamaya karar verdi. Lütfen doğrudan ilgili ekiple iletişime geçin.',
  blocked:
    'Bu yanıtı burada paylaşamıyorum: bu konuşmadaki herkesin görmeye yetkili olmadığı bilgiler içerebilir.',
  busy: 'Şu anda çok sayıda soruyu yanıtlıyorum. Lütfen bir dakika sonra tekrar deneyin.',
  failed: 'Üzgünüm, yanıtı hazırlarken bir sorun oluştu. Lütfen biraz sonra tekrar deneyin.',
  generatorDown:
    'Yapay zekâ modeli şu anda kullanılamıyor; bunun yerine belgelerimizdeki en ilgili bölümleri aşağıda bulabilirsiniz.',
  generatorSlow:
    'Yapay zekâ modelinin yanıt vermesi çok uzun sürdü; bunun yerine belgelerimizdeki en ilgili bölümleri aşağıda bulabilirsiniz.',
  emptyQuestion: 'Lütfen bir soru yazın, ben de bilgi bankasında arayayım.',
  questionTooLong: 'Soru çok uzun. Lütfen en fazla {max} karakter kullanın.',
  searching: 'Bilgi bankasında aranıyor…',
  thinking: 'Yanıt yazılıyor…',
  sources: 'Kaynaklar',
  feedbackThanks: 'Geri bildiriminiz için teşekkürler!',
  'redacted.secret': '[gizli bilgi kaldırıldı]',
  'redacted.personal': '[kişisel veri kaldırıldı]',
  'redacted.other': '[kaldırıldı]',
  greeting:
    'Merhaba! Şirket politikaları, BT veya ofisle ilgili her şeyi bana sorabilirsiniz. Belgelerimize dayanarak yanıtlıyor, kaynakları da gösteriyorum.',
  shareInChannel: 'Kanalda paylaş',
  helpful: 'Faydalı',
  notHelpful: 'Faydalı değil',
  'page.intro':
    'İK, BT veya ofisle ilgili sorularınızı kendi dilinizde sorun. Yanıtlar, kaynaklarıyla birlikte şirket belgelerinden gelir.',
  'page.question': 'Sorunuz',
  'page.example': 'Örn. Kaç gün ücretli izin hakkım var?',
  'page.ask': 'Sor',
  'page.signInAgain': 'Lütfen yeniden oturum açın.',
  // issue 18: summaries of threads and conversations
  'thread.summarising': '{count} mesaj özetleniyor…',
  'thread.latestOnly': 'Bu konuda {total} mesaj var: bu özet en son {count} mesajı kapsıyor.',
  'thread.tooLong':
    'Bu konu tamamı okunamayacak kadar uzun: bu özet ilk {total} mesajın {count} tanesini kapsıyor.',
  'thread.latestRead': 'Bu özet en son {count} mesajı kapsıyor; daha eski mesajlar okunmadı.',
  'thread.notInChannel':
    'Bu konuşmayı okuyamıyorum. Beni kanala ekleyin (örneğin /invite ile) ve tekrar deneyin.',
  'thread.postToThread': 'Konuya gönder',
  'thread.posted': 'Konuya gönderildi.',
  'thread.notInThread': 'Özeti bir konu içinde isteyin: oradaki bir yanıtta benden bahsedin.',
  'thread.selectedOnly':
    'Yalnızca seçtiğiniz mesajı okuyabildim. Konuşmanın tamamını özetlemem için bir yöneticinin okumama izin vermesi gerekiyor.',
  'thread.comingInChat': 'Hâlâ özetliyorum: özeti size sohbetimizde göndereceğim.',
  'thread.nothing': 'Bu konuda özetleyebileceğim bir şey yok.',
  // issue 17: standard answers
  'standard.answeredBy': '{team} tarafından {date} tarihinde yanıtlandı',
  'standard.nowAnswered': 'Sorunuza artık bir yanıt var:',
  // issue 17: hand-off to a person (ESC)
  'handoff.ask': 'Bir yetkiliye sor',
  'handoff.subscribe': 'Yanıtlanınca bana haber ver',
  'handoff.sent': 'Sorunuz ekipten bir yetkiliye iletildi. Yanıtı burada paylaşılacak.',
  'handoff.already': 'Sorunuz zaten ekipten bir yetkiliye iletildi. Yanıtı burada paylaşılacak.',
  'handoff.unavailable':
    'Üzgünüm, bu soruyu şu anda bir yetkiliye iletemiyorum. Lütfen doğrudan ilgili ekiple iletişime geçin.',
  'handoff.subscribed': 'Bu soru yanıtlandığında size burada haber vereceğim.',
  'handoff.replyFrom': '{team} sorunuzu yanıtladı:',
  'handoff.title': 'PolyDesk tarafından iletilen, bir yetkiliye yönelik soru',
  'handoff.question': 'Soru (dil: {language}):',
  'handoff.answer': "PolyDesk'in yanıtı:",
  'handoff.notFound': 'PolyDesk bilgi bankasında bir yanıt bulamadı.',
  'handoff.answerHidden':
    "PolyDesk'in yanıtı burada gösterilmiyor: bu kanaldaki herkesin görmeye yetkili olmadığı belgelere veya bilgilere dayanıyor.",
  'handoff.questionHidden':
    'Soru burada gösterilmiyor: bu kanaldaki herkesin görmeye yetkili olmadığı bilgiler içeriyor.',
  'handoff.instructions':
    'Bu başlıkta yanıt verin: her yanıt soruyu sorana iletilir. Soran kişi yanıtını aldığında "Çözüldü" düğmesine basın.',
  'handoff.resolve': 'Çözüldü',
  'handoff.resolved': 'Çözüldü: soruyu soran kişi yanıtını aldı.',
  'handoff.saveStandard': 'Standart yanıt olarak kaydet',
  'handoff.saved': 'Standart yanıt olarak kaydedildi: bundan sonra aynı anlamdaki sorular bu yanıtı alacak.',
  'handoff.notReply': 'Bu işlem yalnızca bir PolyDesk aktarım başlığındaki yanıtlarda çalışır.',
  'handoff.relayed': 'Soruyu soran kişiye iletildi.',
  'handoff.relayHeld': 'Bu yanıt, soruyu soran kişiye ulaşmadan önce bir yöneticinin incelemesini bekliyor.',
  'handoff.notAsker': 'Bu soruyu bir yetkiliye yalnızca soruyu soran kişi iletebilir.',
  'handoff.savedAlready':
    'Bu aktarımdan zaten bir standart yanıt kaydedildi; yönetim arayüzünden düzenlenebilir.',
  'handoff.saveNotRelayed':
    'Yalnızca soruyu soran kişiye ulaşan bir yanıt standart yanıt olarak kaydedilebilir.',
  'handoff.fileNotRelayed': 'Dosyalar iletilmez: soruyu soran kişi yanıtınızın yalnızca metnini aldı.',
  'handoff.standardAnswer': 'Standart yanıt',
  'handoff.publish': 'Yayınla',
  'handoff.saveTitle': 'Başlık (yanıtın üstünde gösterilir)',
  'handoff.saveQuestion': 'Yanıtladığı soru',
  'handoff.saveHint':
    'Aynı anlamda soru soran herkes bu başlığı ve soruyu görecek. Bunları isim veya kişisel ayrıntı içermeden, genel ifadelerle yazın.',
  // issue 18: summaries
  'summary.heading': '“{title}” özeti',
  'summary.threadHeading': '{title} özeti',
  'summary.extractiveNote':
    'Belgeden, belgedeki sırasıyla alıntılanan temel cümleler; bunu bir yapay zekâ modeli yazmadı.',
  'summary.held': 'Bu özetin paylaşılabilmesi için önce bir yöneticinin kontrol etmesi gerekiyor.',
  'summary.threadExtractiveNote':
    'Konuşmadan, konuşmadaki sırasıyla alıntılanan temel cümleler; bunu bir yapay zekâ modeli yazmadı.',
  'summary.modelNote':
    'Belgeye dayanarak bir yapay zekâ modeli yazdı: güvenmeden önce alıntılanan bölümleri kontrol edin.',
  'summary.fallback':
    'Yapay zekâ modeli şu an bunu özetleyemedi; bunun yerine belgenin temel cümleleri aşağıda.',
  'summary.reading': 'Bölüm {part}/{parts} okunuyor…',
  'summary.working': 'Özetleniyor…',
  'summary.notFound':
    'Bu adla okuyabileceğiniz bir belge bulamadım. Bir yanıtın kaynaklarında gösterilen başlığı ya da bağlantıyı deneyin.',
  'summary.didYouMean': 'Bunlardan birini mi demek istediniz?',
  'summary.nothing': 'Özetleyebileceğim bir şey yok.',
  'summary.action': 'Özetle',
};

/**
 * Hebrew verbs in the present tense and the imperative carry the gender of the speaker or of the
 * person addressed: PolyDesk speaks in the past or future ("מצאתי", "אפרסם"), in the passive or
 * impersonal ("התשובה נכתבת…", "מתבצע חיפוש…"), and asks with "אפשר ל…" / "יש ל…" instead of
 * imperatives, so that every message reads right to anyone.
 */
const he: Messages = {
  'extractive.intro': 'זה מה שמצאתי במסמכים שלנו:',
  'extractive.note': 'ציטוט מתוך המסמכים; הטקסט לא נכתב על ידי מודל בינה מלאכותית.',
  notFound: 'לא מצאתי את המידע הזה במאגר הידע. רשמתי את השאלה כדי שהצוות יוכל להוסיף אותו.',
  held: 'התשובה הזו צריכה לעבור בדיקה של מנהל מערכת לפני שאוכל לשתף אותה. אפרסם אותה כאן מיד לאחר שתאושר.',
  approved: 'התשובה הבאה נבדקה ואושרה על ידי מנהל מערכת:',
  rejected: 'התשובה לשאלה הזו נבדקה על ידי מנהל מערכת, והוחלט לא לשתף אותה. אפשר לפנות ישירות לצוות האחראי.',
  blocked: 'לא אוכל לשתף כאן את התשובה הזו: ייתכן שהיא כוללת מידע שלא כל המשתתפים בשיחה מורשים לראות.',
  busy: 'יש כרגע הרבה שאלות בטיפול. אפשר לנסות שוב בעוד דקה.',
  failed: 'סליחה, משהו השתבש בזמן הכנת התשובה. אפשר לנסות שוב בעוד רגע.',
  generatorDown: 'מודל הבינה המלאכותית אינו זמין כרגע, ולכן הנה הקטעים הרלוונטיים ביותר מהמסמכים שלנו.',
  generatorSlow:
    'מודל הבינה המלאכותית התעכב יותר מדי בתשובה, ולכן הנה הקטעים הרלוונטיים ביותר מהמסמכים שלנו.',
  emptyQuestion: 'אפשר להקליד שאלה, ואחפש את התשובה במאגר הידע.',
  questionTooLong: 'השאלה ארוכה מדי. יש לקצר אותה ל-{max} תווים לכל היותר.',
  searching: 'מתבצע חיפוש במאגר הידע…',
  thinking: 'התשובה נכתבת…',
  sources: 'מקורות',
  feedbackThanks: 'תודה על המשוב!',
  'redacted.secret': '[מידע סודי הוסר]',
  'redacted.personal': '[מידע אישי הוסר]',
  'redacted.other': '[הוסר]',
  greeting:
    'שלום! אפשר לשאול אותי כל דבר על נהלי החברה, מחשוב או המשרד. אענה על סמך המסמכים שלנו ואציין את המקורות.',
  shareInChannel: 'שיתוף בערוץ',
  helpful: 'מועיל',
  notHelpful: 'לא מועיל',
  'page.intro':
    'אפשר לשאול על משאבי אנוש, מחשוב או המשרד, בשפה שלך. התשובות מבוססות על מסמכי החברה ומגיעות עם מקורות.',
  'page.question': 'השאלה שלך',
  'page.example': 'לדוגמה: כמה ימי חופשה בתשלום מגיעים לי?',
  'page.ask': 'לשאול',
  'page.signInAgain': 'יש להתחבר מחדש.',
  // issue 18: summaries of threads and conversations
  'thread.summarising': 'מתבצע סיכום של {count} הודעות…',
  'thread.latestOnly': 'בשרשור הזה יש {total} הודעות: הסיכום כולל את {count} האחרונות.',
  'thread.tooLong': 'השרשור הזה ארוך מכדי לקרוא את כולו: הסיכום כולל {count} מתוך {total} ההודעות הראשונות.',
  'thread.latestRead': 'הסיכום כולל את {count} ההודעות האחרונות; הודעות ישנות יותר לא נקראו.',
  'thread.notInChannel': 'אין לי אפשרות לקרוא את השיחה הזו. יש להוסיף אותי לערוץ ולנסות שוב.',
  'thread.postToThread': 'פרסום בשרשור',
  'thread.posted': 'פורסם בשרשור.',
  'thread.notInThread': 'אפשר לבקש ממני סיכום בתוך שרשור: יש לתייג אותי בתשובה בשרשור.',
  'thread.selectedOnly':
    'הצלחתי לקרוא רק את ההודעה שנבחרה. כדי לסכם את כל השיחה, מנהל מערכת צריך לאשר לי לקרוא אותה.',
  'thread.comingInChat': 'הסיכום עדיין בהכנה: הוא יישלח בצ׳אט שלנו.',
  'thread.nothing': 'אין בשרשור הזה תוכן שאפשר לסכם.',
  // issue 17: standard answers
  'standard.answeredBy': 'תשובה מאת {team}, {date}',
  'standard.nowAnswered': 'לשאלה שנשאלה יש עכשיו תשובה:',
  // issue 17: hand-off to a person (ESC)
  'handoff.ask': 'פנייה לאדם מהצוות',
  'handoff.subscribe': 'עדכון כשתהיה תשובה',
  'handoff.sent': 'השאלה הועברה לאדם מהצוות. התשובה תפורסם כאן.',
  'handoff.already': 'השאלה כבר נמצאת אצל אדם מהצוות. התשובה תפורסם כאן.',
  'handoff.unavailable':
    'סליחה, כרגע אי אפשר להעביר את השאלה הזו לאדם מהצוות. אפשר לפנות ישירות לצוות האחראי.',
  'handoff.subscribed': 'אעדכן כאן כשתהיה תשובה לשאלה הזו.',
  'handoff.replyFrom': 'תשובה מצוות {team} לשאלה:',
  'handoff.title': 'שאלה לאדם מהצוות, שהועברה על ידי הבוט',
  'handoff.question': 'השאלה (נשאלה ב{language}):',
  'handoff.answer': 'התשובה של הבוט:',
  'handoff.notFound': 'הבוט לא מצא תשובה במאגר הידע.',
  'handoff.answerHidden':
    'התשובה של הבוט אינה מוצגת כאן: היא מבוססת על מסמכים או פרטים שלא כל חברי הערוץ מורשים לראות.',
  'handoff.questionHidden': 'השאלה אינה מוצגת כאן: היא כוללת פרטים שלא כל חברי הערוץ מורשים לראות.',
  'handoff.instructions':
    'אפשר להשיב בשרשור הזה: כל תשובה מועברת למי ששאל. יש ללחוץ על "טופל" לאחר שהתקבלה תשובה.',
  'handoff.resolve': 'טופל',
  'handoff.resolved': 'טופל: התשובה נמסרה למי ששאל.',
  'handoff.saveStandard': 'שמירה כתשובה קבועה',
  'handoff.saved': 'נשמרה כתשובה קבועה: מעכשיו שאלות באותה משמעות יקבלו אותה.',
  'handoff.notReply': 'הפעולה הזו זמינה רק לתשובה בשרשור העברה של הבוט.',
  'handoff.relayed': 'הועבר למי ששאל.',
  'handoff.relayHeld': 'התשובה הזו ממתינה לבדיקה של מנהל מערכת לפני שתגיע למי ששאל.',
  'handoff.notAsker': 'רק למי ששאל את השאלה יש אפשרות להעביר אותה לאדם מהצוות.',
  'handoff.savedAlready': 'כבר נשמרה תשובה קבועה מההעברה הזו; אפשר לערוך אותה בממשק הניהול.',
  'handoff.saveNotRelayed': 'אפשר לשמור כתשובה קבועה רק תשובה שהגיעה למי ששאל.',
  'handoff.fileNotRelayed': 'קבצים אינם מועברים: מי ששאל קיבל רק את הטקסט של התשובה.',
  'handoff.standardAnswer': 'תשובה קבועה',
  'handoff.publish': 'פרסום',
  'handoff.saveTitle': 'כותרת (מוצגת מעל התשובה)',
  'handoff.saveQuestion': 'השאלה שהתשובה עונה עליה',
  'handoff.saveHint':
    'הכותרת והשאלה יוצגו לכל מי שישאל שאלה באותה משמעות. כדאי לנסח אותן באופן כללי, בלי שמות או פרטים אישיים.',
  // issue 18: summaries
  'summary.heading': 'סיכום של „{title}”',
  'summary.threadHeading': 'סיכום {title}',
  'summary.extractiveNote':
    'משפטי מפתח שצוטטו מהמסמך, לפי הסדר שבו; הטקסט לא נכתב על ידי מודל בינה מלאכותית.',
  'summary.held': 'מנהל צריך לבדוק את הסיכום הזה לפני שאפשר יהיה לשתף אותו.',
  'summary.threadExtractiveNote':
    'משפטי מפתח שצוטטו מהשיחה, לפי הסדר שבה; הטקסט לא נכתב על ידי מודל בינה מלאכותית.',
  'summary.modelNote':
    'נכתב על ידי מודל בינה מלאכותית על סמך המסמך: יש לבדוק את הסעיפים המצוטטים לפני שמסתמכים עליו.',
  'summary.fallback': 'מודל הבינה המלאכותית לא הצליח לסכם זאת כרגע, ולכן אלה משפטי המפתח של המסמך.',
  'summary.reading': 'קורא את סעיף {part} מתוך {parts}…',
  'summary.working': 'מסכם…',
  'summary.notFound':
    'לא נמצא מסמך בשם הזה שיש לך הרשאה לקרוא. אפשר לנסות את הכותרת או את הקישור כפי שהם מופיעים במקורות של תשובה.',
  'summary.didYouMean': 'האם התכוונת לאחד מאלה?',
  'summary.nothing': 'אין בו דבר שאפשר לסכם.',
  'summary.action': 'סיכום',
};

const MESSAGES: Readonly<Record<string, Messages>> = {
  en,
  ja,
  zh,
  ko,
  th,
  es,
  fr,
  de,
  pt,
  id,
  vi,
  ar,
  ru,
  it,
  nl,
  pl,
  tr,
  he,
};

/** Languages with a full set of product messages (BCP-47 primary subtags); others fall back to English. */
export const SUPPORTED_LANGUAGES: readonly string[] = Object.freeze(Object.keys(MESSAGES));

/** Every message key, in a stable order. */
export const MESSAGE_KEYS: readonly MessageKey[] = Object.freeze(Object.keys(en) as MessageKey[]);

/** Retired tags that older Java and Android clients still send for Hebrew and Indonesian. */
const LEGACY: Readonly<Record<string, string>> = { iw: 'he', in: 'id' };

/** The supported language a tag resolves to: `pt-BR` → `pt`, `zh_Hant` → `zh`, `iw` → `he`, anything unknown → `en`. */
export function resolveLanguage(language: string | undefined): string {
  const tag = language?.trim().toLowerCase().split(/[-_]/)[0];
  const primary = tag && Object.hasOwn(LEGACY, tag) ? LEGACY[tag] : tag;
  // Own keys only: `toString` or `constructor` is not a language.
  return primary && Object.hasOwn(MESSAGES, primary) ? primary : 'en';
}

/**
 * A product message in `language`, English when that language has none. `{name}` placeholders are
 * replaced by `params` (numbers formatted for the language); unknown placeholders stay as written.
 */
export function t(
  language: string | undefined,
  key: MessageKey,
  params?: Readonly<Record<string, string | number>>,
): string {
  const lang = resolveLanguage(language);
  const template = MESSAGES[lang]?.[key] ?? en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? new Intl.NumberFormat(lang).format(value) : value;
  });
}
