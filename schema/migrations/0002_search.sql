-- Doorstep store, migration 2: finding people.
-- The folded terms come from `doorstep_search_terms`, a function the store
-- registers on every connection, so a store made before this migration has
-- its existing people indexed by the same code that indexes new ones.

-- Marks (M*) must be token characters: without them FTS5 splits Khmer,
-- Devanagari, Gurmukhi and Thai words at every vowel sign.
CREATE VIRTUAL TABLE people_search USING fts5(
    terms,
    content = '',
    contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'",
    prefix = '1 2 3'
);

INSERT INTO people_search(rowid, terms)
SELECT rowid, doorstep_search_terms(given_name, middle_name, family_name, native_name)
FROM people;

-- Phones are kept as their national digits, whatever formatting they came in.
CREATE TABLE phone_index (
    digits        TEXT NOT NULL,
    person_rowid  INTEGER NOT NULL,
    PRIMARY KEY (digits, person_rowid)
) WITHOUT ROWID;

INSERT OR IGNORE INTO phone_index(digits, person_rowid)
SELECT doorstep_phone_digits(j.value), p.rowid
FROM people p, json_each(p.phones) j
WHERE doorstep_phone_digits(j.value) <> '';

CREATE VIRTUAL TABLE household_search USING fts5(
    terms,
    content = '',
    contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'",
    prefix = '1 2 3'
);

INSERT INTO household_search(rowid, terms)
SELECT rowid, doorstep_address_terms(house_number, street, unit, city, zip)
FROM households;
