/** The runtime stopped and restored (or given a new policy) is not where, or does not decide as, it should. */
export class Disagreement extends Error {}
