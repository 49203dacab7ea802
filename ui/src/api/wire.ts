// ts-rs writes Rust's i64/u64 as `bigint`, but JSON carries plain numbers and
// JSON.stringify refuses bigint. The UI therefore speaks the wire shape: the
// generated type with every bigint read as a number (all these counts and
// versions are far below 2^53).
export type Wire<T> = T extends bigint
  ? number
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
