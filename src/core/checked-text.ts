declare const checked: unique symbol;

/**
 * Text that the output guard released for the people who will read it. Only `src/guardrails`
 * creates values of this type (the guard's verdicts, the stream guard, reviewed approvals and the
 * fixed product notices); chat adapters send nothing else, so a reply that skipped the guard does
 * not compile. A cast to this type anywhere else fails `test/guardrails/one-gate.test.ts`.
 */
export type CheckedText = string & { readonly [checked]: true };
