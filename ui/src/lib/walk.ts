// A walk list as rows on screen: doors in the core's walk order, with a
// heading each time the street changes, and a folded key per door so the
// filter box answers within a keystroke on thousands of doors.
import type { DoorView, PersonView } from "../api";
import { fold, matchesAll, queryTerms } from "./fold";

export type WalkRow = { kind: "street"; street: string; key: string } | { kind: "door"; door: DoorView; key: string };

const HOUSE_NUMBER = /^\s*\d+[a-z]?(?:-\d+[a-z]?)?(?:\s+\d+\/\d+|\s*½)?\s+/i;
const UNIT = /\s+(?:#|apt\b|unit\b|ste\b|spc\b|lot\b|suite\b|fl\b|rm\b).*$/i;

/** "123 1/2 N MAIN ST #4" → "N MAIN ST": the street a canvasser walks along. */
export function streetOf(addressLine: string): string {
  const street = addressLine.replace(HOUSE_NUMBER, "").replace(UNIT, "").trim();
  return street || addressLine.trim();
}

/** Every name a door can be found by: as written, in native script, and the address. */
export function doorSearchKey(door: DoorView): string {
  const parts = [door.address_line, door.city, door.zip];
  for (const p of door.people) parts.push(p.given_name, p.middle_name, p.family_name, p.native_name, ...p.phones);
  return fold(parts.join("\u0001"));
}

export interface WalkIndex {
  doors: DoorView[];
  keys: string[];
}

export function indexDoors(doors: DoorView[]): WalkIndex {
  return { doors, keys: doors.map(doorSearchKey) };
}

/** Doors matching the typed filter, in walk order. */
export function filterDoors(index: WalkIndex, query: string): DoorView[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return index.doors;
  const out: DoorView[] = [];
  for (let i = 0; i < index.doors.length; i++) if (matchesAll(index.keys[i], terms)) out.push(index.doors[i]);
  return out;
}

/** Doors with a heading row before each new street. */
export function walkRows(doors: DoorView[]): WalkRow[] {
  const rows: WalkRow[] = [];
  let street: string | undefined;
  for (const door of doors) {
    const s = streetOf(door.address_line);
    if (s !== street) {
      street = s;
      rows.push({ kind: "street", street: s, key: `s:${rows.length}:${s}` });
    }
    rows.push({ kind: "door", door, key: door.household_id });
  }
  return rows;
}

export function countDone(doors: readonly DoorView[]): number {
  let n = 0;
  for (const d of doors) if (d.done) n++;
  return n;
}

/** People on a call list who can be called, in list order. */
export function callQueue(doors: readonly DoorView[]): { person: PersonView; door: DoorView }[] {
  const out: { person: PersonView; door: DoorView }[] = [];
  for (const door of doors) for (const person of door.people) if (person.phones.length > 0 && !person.do_not_contact) out.push({ person, door });
  return out;
}
