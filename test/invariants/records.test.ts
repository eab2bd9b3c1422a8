import { checkInvariants } from "./check-invariants.js";
import { appendsOnlyWhereAllowed, appendsToTheLatestMatch, oneDecisionPerSession, tags, titles } from "./properties.js";

// One decision per session; create or append; titles; tags (docs/domain.md).
checkInvariants([oneDecisionPerSession, appendsOnlyWhereAllowed, appendsToTheLatestMatch, titles, tags]);
