// Result codes the field already knows (VAN/OpenVPB), split by how the
// contact was tried. Message ids are spelled out so the locale check can see
// every one.
import type { Channel } from "../api";

export type ResultCode =
  | "contacted"
  | "not_home"
  | "refused"
  | "moved"
  | "wrong_address"
  | "inaccessible"
  | "deceased"
  | "come_back_later"
  | "language_barrier"
  | "wrong_number"
  | "disconnected"
  | "left_message"
  | "busy";

/** Most frequent first: the thumb reaches the top of the grid first. */
export const DOOR_RESULTS: readonly ResultCode[] = ["not_home", "contacted", "refused", "come_back_later", "language_barrier", "moved", "wrong_address", "inaccessible", "deceased"];

export const PHONE_RESULTS: readonly ResultCode[] = ["contacted", "left_message", "busy", "wrong_number", "disconnected", "refused", "language_barrier"];

export function resultsFor(channel: Channel): readonly ResultCode[] {
  return channel === "phone" ? PHONE_RESULTS : channel === "event" ? ["contacted"] : DOOR_RESULTS;
}

export const RESULT_MESSAGE: Record<ResultCode, string> = {
  contacted: "result-contacted",
  not_home: "result-not-home",
  refused: "result-refused",
  moved: "result-moved",
  wrong_address: "result-wrong-address",
  inaccessible: "result-inaccessible",
  deceased: "result-deceased",
  come_back_later: "result-come-back-later",
  language_barrier: "result-language-barrier",
  wrong_number: "result-wrong-number",
  disconnected: "result-disconnected",
  left_message: "result-left-message",
  busy: "result-busy",
};

/** The label's message id; an unknown code (a newer core) still shows, as itself. */
export function resultMessage(code: string): string | null {
  return (RESULT_MESSAGE as Record<string, string>)[code] ?? null;
}

/** Results that end the conversation before any survey question. */
export function takesSurvey(code: ResultCode): boolean {
  return code === "contacted";
}
