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
  /** The core asks for the PIN: after the idle time, or before it opens the store. */
  locked = $state(false);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running = false;

  constructor() {
    api.whenLocked(() => (this.locked = true));
  }

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
      this.locked = s.locked;
      this.reachable = true;
      this.problem = null;
      return s;
    } catch (err) {
      if (err instanceof RpcError && err.code === "locked") {
        this.locked = true;
        this.reachable = true;
        this.problem = null;
        return null;
      }
      this.reachable = false;
      this.problem = err instanceof RpcError ? err.message : String(err);
      return null;
    }
  }

  /** Opens the app with its PIN; the error (a wrong PIN) is the caller's to show. */
  async unlock(pin: string): Promise<RpcError | null> {
    try {
      this.status = await api.unlock(pin);
      this.locked = false;
      this.reachable = true;
      return null;
    } catch (err) {
      return err instanceof RpcError ? err : new RpcError("unknown", String(err));
    }
  }

  async lock(): Promise<void> {
    this.status = await api.lock();
    this.locked = this.status.locked;
  }

  /** Unpairs and erases the phone; the status then says it was wiped. */
  async wipe(): Promise<void> {
    this.status = await api.wipe();
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
