// Typed commands over the one `rpc` function. The generated Response is an
// untagged union, so which member each command returns is recorded here, in
// one table, rather than guessed at each call site.
import type { AttemptView as GenAttemptView } from "../generated/AttemptView";
import type { DeviceStatus as GenDeviceStatus } from "../generated/DeviceStatus";
import type { DoorView as GenDoorView } from "../generated/DoorView";
import type { ListSummary as GenListSummary } from "../generated/ListSummary";
import type { NewAttempt as GenNewAttempt } from "../generated/NewAttempt";
import type { NewPerson as GenNewPerson } from "../generated/NewPerson";
import type { PersonEdit as GenPersonEdit } from "../generated/PersonEdit";
import type { PersonView as GenPersonView } from "../generated/PersonView";
import type { ScriptView as GenScriptView } from "../generated/ScriptView";
import type { Settings as GenSettings } from "../generated/Settings";
import type { SurveyQuestion as GenSurveyQuestion } from "../generated/SurveyQuestion";
import type { Request } from "../generated/Request";
import { rpc, type WireRequest } from "./transport";
import type { Wire } from "./wire";

import { RpcError } from "./transport";

export { RpcError };
export type { Channel } from "../generated/Channel";
export type { ListKind } from "../generated/ListKind";
export type { QuestionKind } from "../generated/QuestionKind";

export type DeviceStatus = Wire<GenDeviceStatus>;
export type ListSummary = Wire<GenListSummary>;
export type DoorView = Wire<GenDoorView>;
export type PersonView = Wire<GenPersonView>;
export type AttemptView = Wire<GenAttemptView>;
export type ScriptView = Wire<GenScriptView>;
export type SurveyQuestion = Wire<GenSurveyQuestion>;
export type NewAttempt = Wire<GenNewAttempt>;
export type NewPerson = Wire<GenNewPerson>;
export type PersonEdit = Wire<GenPersonEdit>;
export type Settings = Wire<GenSettings>;

/** What each command answers with. */
export interface Answers {
  status: DeviceStatus;
  pair: DeviceStatus;
  sync_now: DeviceStatus;
  lists: ListSummary[];
  doors: DoorView[];
  household: DoorView;
  script: ScriptView | null;
  search: PersonView[];
  record_attempt: AttemptView;
  edit_person: PersonView;
  add_person: PersonView;
  find_duplicates: PersonView[];
  get_settings: Settings;
  set_settings: Settings;
  wipe: DeviceStatus;
  unlock: DeviceStatus;
  lock: DeviceStatus;
}

type Cmd = Request["cmd"];
// Compile-time proof that the table above names every command and no other.
type _EveryCommand = [Exclude<Cmd, keyof Answers>, Exclude<keyof Answers, Cmd>] extends [never, never] ? true : never;
const _everyCommand: _EveryCommand = true;
void _everyCommand;

let onLocked: (() => void) | null = null;
/** Called whenever the core answers "locked" (idle, or waiting for its PIN). */
export function whenLocked(listener: () => void): void {
  onLocked = listener;
}

/** Sends a request and types the answer by its command. */
export async function call<R extends WireRequest>(request: R): Promise<Answers[R["cmd"]]> {
  try {
    return (await rpc(request)) as Answers[R["cmd"]];
  } catch (err) {
    if (err instanceof RpcError && err.code === "locked") onLocked?.();
    throw err;
  }
}

export const status = () => call({ cmd: "status" });
/** `code` may be the whole QR payload, which carries the endpoint; then `url` may be null. */
export const pair = (code: string, url: string | null = null) => call({ cmd: "pair", code, url });
export const syncNow = () => call({ cmd: "sync_now" });
export const lists = () => call({ cmd: "lists" });
export const doors = (listId: string) => call({ cmd: "doors", list_id: listId });
export const household = (householdId: string) => call({ cmd: "household", household_id: householdId });
export const script = (listId: string) => call({ cmd: "script", list_id: listId });
export const search = (query: string, listId: string | null = null, limit: number | null = null) =>
  call({ cmd: "search", query, list_id: listId, limit });
export const recordAttempt = (attempt: NewAttempt) => call({ cmd: "record_attempt", attempt });
export const editPerson = (personId: string, edit: PersonEdit) => call({ cmd: "edit_person", person_id: personId, edit });
export const addPerson = (person: NewPerson) => call({ cmd: "add_person", person });
export const findDuplicates = (givenName: string, familyName: string, phone: string | null = null) =>
  call({ cmd: "find_duplicates", given_name: givenName, family_name: familyName, phone });
export const getSettings = () => call({ cmd: "get_settings" });
export const setSettings = (settings: Settings) => call({ cmd: "set_settings", settings });
/** Unpairs and erases everything on the phone (work not sent is sent first, or kept encrypted). */
export const wipe = () => call({ cmd: "wipe" });
export const unlock = (pin: string) => call({ cmd: "unlock", pin });
export const lock = () => call({ cmd: "lock" });

/** A PersonEdit that changes only the fields given. */
export function personEdit(fields: Partial<PersonEdit>): PersonEdit {
  return { phones: null, emails: null, preferred_language: null, spoken_languages: null, do_not_contact: null, ...fields };
}
