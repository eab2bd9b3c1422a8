import { checkInvariants } from "./check-invariants.js";
import { idsDecideRedelivery } from "./delivery-properties.js";

// At-least-once delivery (docs/semantics.md "Bad input and redelivery").
checkInvariants([idsDecideRedelivery]);
