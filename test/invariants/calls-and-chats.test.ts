import { checkInvariants } from "./check-invariants.js";
import {
  abandonedChatsAll,
  abandonedChatsMin,
  abandonedChatsNone,
  chatThreshold,
  chatThresholdZero,
  delayUntilConnected,
  noRecordForCallAbandonedBeforeAssignment,
  onlyConnectedCalls,
  recordForAbandonedCall,
} from "./properties.js";

// When a record is due (docs/domain.md): voice, then chat.
checkInvariants([
  onlyConnectedCalls,
  delayUntilConnected,
  noRecordForCallAbandonedBeforeAssignment,
  recordForAbandonedCall,
  chatThreshold,
  chatThresholdZero,
  abandonedChatsNone,
  abandonedChatsMin,
  abandonedChatsAll,
]);
