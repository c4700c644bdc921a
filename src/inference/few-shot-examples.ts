/**
 * Worked examples for a base model (PolyLM-1.7B, PolyLM-13B), which continues text instead of
 * following instructions: the answer prompt is preceded by solved prompts of the same layout, one
 * answered from its source with a citation and one where the source does not hold the answer. Written
 * for this purpose (no company's documents); English, like the instruction they demonstrate.
 */
export interface FewShotExample {
  readonly question: string;
  readonly source: { readonly title: string; readonly text: string };
  readonly answer: string;
}

export const FEW_SHOT_EXAMPLES: readonly FewShotExample[] = [
  {
    question: 'How many days of annual leave do new employees get?',
    source: {
      title: 'Leave policy',
      text: 'Employees receive 25 days of paid annual leave per calendar year. In the first year the days are prorated from the start date.',
    },
    answer:
      'New employees get 25 days of paid annual leave per year, prorated from their start date in the first year [1].',
  },
  {
    question: 'Can I bring my dog to the office?',
    source: {
      title: 'Office access',
      text: 'Visitors sign in at the reception and wear a badge. Badges are returned when leaving the building.',
    },
    answer: "I don't know: the sources do not say whether dogs are allowed in the office.",
  },
];

/**
 * Ends each solved example; a base model that writes it has finished its answer. A fence-style
 * marker because `neutralize` keeps `<<<` out of sources and questions (`###` would stop at a
 * Markdown heading quoted from a source).
 */
export const FEW_SHOT_SEPARATOR = '<<<END ANSWER>>>';
/** Introduces the answer after each prompt. */
export const FEW_SHOT_ANSWER = 'Answer:';
