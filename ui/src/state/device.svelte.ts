// The device's sync status, polled so the sync bar stays live: the core syncs
// in the background and only tells us when asked.
import * as api from "../api";
import { RpcError, type DeviceStatus } from "../api";

const POLL_MS = 2000;
// A hidden page (phone in a pocket) polls rarely, to save battery.
const HIDDEN_POLL_MS = 15000;

class Device {
  status = $state.raw<DeviceStatus | null>(null);
  /** False when the core itself could not be asked (not the same as offline). */
  reachable = $state(true);
  problem = $state<string | null>(null);
  syncing = $state(false);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running = false;

  start(): void {
    if (this.#running) return;
    this.#running = true;
    const tick = async () => {
      await this.refresh();
      if (!this.#running) return;
      const hidden = typeof document !== "undefined" && document.hidden;
      this.#timer = setTimeout(tick, hidden ? HIDDEN_POLL_MS : POLL_MS);
    };
    void tick();
  }

  stop(): void {
    this.#running = false;
    clearTimeout(this.#timer);
  }

  async refresh(): Promise<DeviceStatus | null> {
    try {
      const s = await api.status();
      this.status = s;
      this.reachable = true;
      this.problem = null;
      return s;
    } catch (err) {
      this.reachable = false;
      this.problem = err instanceof RpcError ? err.message : String(err);
      return null;
    }
  }

  /** Syncs now; the returned error (if any) is for the caller to show. */
  async syncNow(): Promise<RpcError | null> {
    this.syncing = true;
    try {
      // An offline sync is not a failed command: the status says what happened.
      const s = await api.syncNow();
      this.status = s;
      return s.online || !s.last_error ? null : new RpcError("offline", s.last_error);
    } catch (err) {
      return err instanceof RpcError ? err : new RpcError("unknown", String(err));
    } finally {
      this.syncing = false;
      void this.refresh();
    }
  }
}

export const device = new Device();
