/**
 * Who acts on this laptop: its random id (see `device.ts`) and the name of the staff member at it,
 * as they typed it on the visit day (kept for the next day, and read by the card handover).
 */
import { browserStorage, deviceId, OPERATOR_KEY, operatorName } from './device';

class ActorState {
  /** This laptop's id: made once, then always the same. */
  readonly device: string;
  /** The staff member's name (may be empty). */
  operator = $state('');

  constructor() {
    const storage = browserStorage();
    this.device = deviceId(storage);
    this.operator = operatorName(storage);
  }

  setOperator(name: string): void {
    this.operator = name.trim();
    try {
      browserStorage()?.setItem(OPERATOR_KEY, this.operator);
    } catch {
      // Storage refused (private mode): the name lasts as long as the page.
    }
  }
}

/** The one actor of the page. */
export const actor = new ActorState();
