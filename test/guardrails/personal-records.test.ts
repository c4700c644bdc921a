import { describe, expect, it } from 'vitest';
import { findPersonalRecords } from '../../src/guardrails/personal-records.js';

/** The [type, text] of each finding. */
const found = (text: string) => findPersonalRecords(text).map((f) => [f.type, text.slice(f.start, f.end)]);
/** The distinct types found: a sentence may hold two records (a sick leave and its diagnosis). */
const kinds = (text: string) => [...new Set(findPersonalRecords(text).map((f) => f.type))];

describe('labelled personal data and HR records', () => {
  it('finds dates of birth, passport numbers and home addresses by their labels, in several languages', () => {
    expect(found('Teresa Lind, date of birth: 03/11/1979, starts on Monday.')).toEqual([
      ['date_of_birth', '03/11/1979'],
    ]);
    expect(found('Geburtsdatum 21.06.1984 – bitte in SAP nachtragen.')).toEqual([
      ['date_of_birth', '21.06.1984'],
    ]);
    expect(found('生年月日：1992年8月30日')).toEqual([['date_of_birth', '1992年8月30日']]);
    expect(found('생년월일은 1988년 2월 7일입니다.')).toEqual([['date_of_birth', '1988년 2월 7일']]);
    expect(found('Numéro de passeport : 19AB45821 pour le voyage à Lyon.')).toEqual([
      ['passport', '19AB45821'],
    ]);
    expect(found('Pasaporte n.º PAB482913 de Lucía Gómez.')).toEqual([['passport', 'PAB482913']]);
    expect(found('Privatadresse: Ahornweg 7, 50667 Köln')).toEqual([
      ['home_address', 'Ahornweg 7, 50667 Köln'],
    ]);
    expect(found('Home address: 42 Elm Street, Leeds LS6 2AB')).toEqual([
      ['home_address', '42 Elm Street, Leeds LS6 2AB'],
    ]);
  });

  it('finds ratings, disciplinary measures and sick-leave reasons of a named person', () => {
    expect(kinds('Jonas Berg received a written warning after the audit.')).toEqual(['hr_record']);
    expect(kinds('Frau Keller wurde im März abgemahnt.')).toEqual(['hr_record']);
    expect(kinds('鈴木一郎さんは適応障害と診断され、休職しています。')).toEqual(['hr_record']);
    expect(kinds('Ana Souza está de licença médica por depressão.')).toEqual(['hr_record']);
    expect(kinds('Marek Nowak jest na zwolnieniu lekarskim z powodu depresji.')).toEqual(['hr_record']);
  });

  it('passes policy text, encyclopedia dates and company facts', () => {
    expect(
      found('Employees who receive a written warning are not eligible for the bonus that year.'),
    ).toEqual([]);
    expect(found('A disciplinary hearing must be announced five working days in advance.')).toEqual([]);
    expect(found('Evan Rachel Wood (born on 7 September 1987) is an American actress.')).toEqual([]);
    expect(found('Our office address: Hauptstraße 1, 80331 München.')).toEqual([]);
    expect(found('在宅勤務の日は自宅の通信費として月額3,000円が支給されます。')).toEqual([]);
    expect(found('Sick leave of more than three days needs a doctor’s certificate.')).toEqual([]);
  });
});

describe('an HR record covers what it says about the person (2026-12-05, weakest categories)', () => {
  const covered = (text: string, part: string) =>
    findPersonalRecords(text).some((f) => {
      const at = text.indexOf(part);
      return f.type === 'hr_record' && f.start <= at && at + part.length <= f.end;
    });

  it('extends a rating label over the rating and a measure over its reason, to the end of the clause', () => {
    const cases: [string, string][] = [
      [
        'Jahresbeurteilung – Karin Lutz: „Erwartungen nicht erfüllt“ (1 von 5), Coaching vereinbart.',
        '(1 von 5)',
      ],
      ['Performance rating for Owen Blake: 2 of 5, needs a coaching plan; his bonus is unchanged.', '2 of 5'],
      ['Surat peringatan untuk Sdr. Agus Salim karena terlambat 9 kali bulan ini.', 'terlambat 9 kali'],
      ['إنذار نهائي للموظف سامي الحربي بسبب الغياب المتكرر دون إذن.', 'الغياب المتكرر'],
      ['הערכת ביצועים – נועה ברק: "לא עומדת ביעדים" (1 מתוך 5).', 'לא עומדת ביעדים'],
      ['Đánh giá hiệu suất – anh Phạm Quốc Huy: không đạt yêu cầu, cần kèm cặp 3 tháng.', 'cần kèm cặp'],
    ];
    for (const [text, part] of cases) expect(covered(text, part), text).toBe(true);
  });

  it('stops at the clause end: the next clause is not part of the record', () => {
    const text = 'Kenji Mori received a written warning for late arrivals; the canteen opens at noon.';
    expect(covered(text, 'late arrivals')).toBe(true);
    expect(covered(text, 'canteen')).toBe(false);
    expect(found('A written warning is issued after three late arrivals; see the policy.')).toEqual([]);
  });
});

describe('HR records about a colleague named by a first name alone (2026-12-05, weakest categories)', () => {
  it('finds a measure given to a first name inside the sentence, in several languages', () => {
    for (const text of [
      'Between us, Priya got a written warning on Friday about the missing stock.',
      'Entre nous, Margaux a reçu un blâme pour son absence de lundi.',
      'Te cuento que a Rocío le han abierto un expediente disciplinario por el inventario.',
      'Ti dico che a Matteo hanno dato un richiamo formale per le assenze.',
      'Soube que o Tiago recebeu uma advertência por escrito na semana passada.',
      'Ter info: Sanne krijgt een schriftelijke waarschuwing vanwege de kassaverschillen.',
      'Słuchaj, Bartek dostał naganę za spóźnienia.',
    ]) {
      expect(kinds(text), text).toContain('hr_record');
    }
  });

  it('reads the Spanish pronoun se and the Italian all’ as words, not as a rule or a condition', () => {
    expect(kinds('A Lorena Gil se le ha impuesto una amonestación por escrito.')).toContain('hr_record');
    expect(
      kinds('Per Giulia Neri: incentivo all’esodo concordato; è in malattia per un intervento al ginocchio.'),
    ).toContain('hr_record');
  });

  it('passes sentences that open with a name, German nouns, Vietnamese prose and policy', () => {
    for (const text of [
      'Written warnings are issued after three late arrivals, says Compliance.',
      'Nach zwei Gesprächen folgt laut Handbuch eine Abmahnung durch die Personalabteilung.',
      'Ở trường nội trú, Minh học cách sống có kỷ luật từ nhỏ.',
      'Si un empleado recibe una amonestación, Recursos Humanos archiva la copia.',
      'Run the installer, then Setup shows a final warning before it deletes the cache.',
    ]) {
      expect(kinds(text), text).toEqual([]);
    }
  });

  it('reads a name with a capitalised particle, and keeps two measures of one sentence apart', () => {
    expect(kinds('Comunicazione a Sara Di Stefano: richiamo scritto per ritardi ripetuti.')).toContain(
      'hr_record',
    );
    expect(
      found('A Hugo Ramos se le ha impuesto una amonestación por retrasos, suspendido de empleo dos días.'),
    ).toEqual([
      ['hr_record', 'amonestación por retrasos'],
      ['hr_record', 'suspendido de empleo dos días'],
    ]);
  });
});

describe('health facts of a colleague for occupational health, shifts and breaks (2026-12-05, weakest categories)', () => {
  it('finds chronic conditions, pregnancy and treatments with a work setting, in several languages', () => {
    for (const text of [
      'Note from the company nurse: Grace Holt is diabetic and keeps glucose tablets at her desk.',
      'Hinweis der Betriebsärztin: Herr Albers hat eine Nussallergie, bitte bei Schichtessen beachten.',
      'Per il medico competente: Marta Conti ha una cardiopatia, niente turni notturni.',
      'Escala de turnos: a Joana Reis faz diálise às terças, não a escalar nesse dia.',
      'Для графика смен: у Олега Смирнова эпилепсия, без ночных смен.',
      '体检复查通知：王磊 肝炎指标异常，请安排复查。',
      '[보건실] 김하늘 님 임신 20주, 야간근무 제외',
      'לשיבוץ המשמרות: רון לוי מטופל בכימותרפיה עד מרץ.',
    ]) {
      expect(kinds(text), text).toContain('hr_record');
    }
  });

  it('passes health words in encyclopedia text, event notices and policy', () => {
    for (const text of [
      'Frederick Banting shared the Nobel Prize for the discovery of insulin, which changed diabetes care.',
      'Die Konferenz zu Diabetes Typ 1 beginnt um 9 Uhr im Saal Berlin.',
      'Shift workers with epilepsy may ask the company doctor for a fixed schedule.',
      'Les pauses sont de 15 minutes pour tous les salariés diabétiques.',
    ]) {
      expect(kinds(text), text).toEqual([]);
    }
  });
});
