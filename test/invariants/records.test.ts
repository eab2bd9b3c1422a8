import { checkInvariants } from "./check-invariants.js";
import { appendsOnlyWhereAllowed, appendsToTheLatestMatch, oneDecisionPerSession, tags, titles } from "./properties.js";

// One decision per session; create or append; titles; tags (domain.md).
checkInvariants([oneDecisionPerSession, appendsOnlyWhereAllowed, appendsToTheLatestMatch, titles, tags]);
