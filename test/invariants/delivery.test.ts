import { checkInvariants } from "./check-invariants.js";
import { everySessionDecided, idsDecideRedelivery } from "./delivery-properties.js";
import { orderWithinLateness } from "./order-property.js";

// At-least-once, out-of-order delivery (docs/semantics.md "Bad input and redelivery", "Late events and sessions that never end").
checkInvariants([idsDecideRedelivery, everySessionDecided, orderWithinLateness]);
