import { checkInvariants } from "./check-invariants.js";
import { everySessionDecided, idsDecideRedelivery } from "./delivery-properties.js";

// At-least-once delivery (docs/semantics.md "Bad input and redelivery").
checkInvariants([idsDecideRedelivery, everySessionDecided]);
