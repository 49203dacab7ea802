//! The publish check: what a script must be before devices get it. Every
//! language parses, has every message the base language has (and no other),
//! uses only the variables Doorstep fills in at the door, names only the
//! values a selector takes, and words every survey question and option.
//! A language may use other variables than the base language does (a full
//! name where English uses the given name): each is checked on its own.
//!
//! Every failure is reported, not just the first, each naming the
//! language, the message and the variable, so one round of fixes suffices.

use super::render::{NAME_VARIABLES, SELECTORS, message_ids};
use crate::domain::Script;
use fluent_syntax::ast;
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt;

/// Where in a language a failure is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Place {
    /// The language as a whole (its text, or its Fluent source).
    Language,
    Message { id: String },
    Question { key: String },
    Option { question: String, option: String },
}

/// What is wrong there. Holds names from the script, never a voter's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    /// Fluent could not parse it; `line` counts from 1.
    Syntax { line: usize, detail: String },
    /// The base language has it and this language does not.
    Missing,
    /// This language has a message the base language lacks: it would never be read.
    NotInBase,
    UnknownVariable { variable: String },
    /// A select on a known variable names a value it never takes.
    UnknownVariant { variable: String, key: String },
    /// A reference to a message or term the language does not define.
    UnknownReference { name: String },
    /// The base language the file names is not one of its languages.
    NoBaseLanguage,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failure {
    pub language: String,
    #[serde(flatten)]
    pub place: Place,
    #[serde(flatten)]
    pub problem: Problem,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.language)?;
        match &self.place {
            Place::Language => {}
            Place::Message { id } => write!(f, ": message {id:?}")?,
            Place::Question { key } => write!(f, ": question {key:?}")?,
            Place::Option { question, option } => write!(f, ": question {question:?} option {option:?}")?,
        }
        match &self.problem {
            Problem::Syntax { line, detail } => write!(f, ": line {line}: {detail}"),
            Problem::Missing => match &self.place {
                Place::Message { .. } => write!(f, ": missing (the base language has it)"),
                _ => write!(f, ": not translated"),
            },
            Problem::NotInBase => write!(f, ": not in the base language"),
            Problem::UnknownVariable { variable } => {
                write!(f, ": unknown variable ${variable} (a script can use ")?;
                let all: Vec<String> = super::render::variables().map(|v| format!("${v}")).collect();
                write!(f, "{})", all.join(", "))
            }
            Problem::UnknownVariant { variable, key } => {
                let known = SELECTORS.iter().find(|(v, _)| v == variable).map(|(_, k)| k.join(", ")).unwrap_or_default();
                write!(f, ": ${variable} has no value [{key}] (it is one of: {known})")
            }
            Problem::UnknownReference { name } => write!(f, ": refers to {name}, which this language does not define"),
            Problem::NoBaseLanguage => write!(f, ": the base language, but the script has no text in it"),
        }
    }
}

/// Every failure of a script that did not pass.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
pub struct Failures(pub Vec<Failure>);

impl fmt::Display for Failures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, failure) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "  {failure}")?;
        }
        Ok(())
    }
}

/// Checks a whole script. The languages are those with a text or a Fluent
/// source; each is checked against `script.base_language`.
pub fn check(script: &Script) -> Result<(), Failures> {
    let mut out = Vec::new();
    let fail = |out: &mut Vec<Failure>, language: &str, place: Place, problem: Problem| {
        out.push(Failure { language: language.to_owned(), place, problem })
    };
    let base = script.base_language.as_str();
    let languages: BTreeSet<&String> = script.texts.keys().chain(script.fluent.keys()).collect();
    if !languages.iter().any(|l| l.as_str() == base) {
        fail(&mut out, base, Place::Language, Problem::NoBaseLanguage);
    }

    if script.fluent.is_empty() {
        for (language, text) in &script.texts {
            for variable in plain_variables(text) {
                if !super::render::variables().any(|v| v == variable) {
                    fail(&mut out, language, Place::Language, Problem::UnknownVariable { variable });
                }
            }
        }
    } else {
        let base_ids: Vec<String> = script.fluent.get(base).map(|s| message_ids(s)).unwrap_or_default();
        for (language, source) in &script.fluent {
            out.extend(check_fluent(language, source, (language != base).then_some(&base_ids)));
        }
    }

    for language in &languages {
        for q in &script.questions {
            if !q.prompt.get(*language).is_some_and(|p| !p.trim().is_empty()) {
                fail(&mut out, language, Place::Question { key: q.key.clone() }, Problem::Missing);
            }
            for o in &q.options {
                if !o.label.get(*language).is_some_and(|p| !p.trim().is_empty()) {
                    fail(&mut out, language, Place::Option { question: q.key.clone(), option: o.key.clone() }, Problem::Missing);
                }
            }
        }
    }
    if out.is_empty() { Ok(()) } else { Err(Failures(out)) }
}

/// The `{name}` variables of a plain text, as the UI fills them.
fn plain_variables(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        let Some(close) = rest.find('}') else { break };
        let name = rest[..close].trim();
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            out.push(name.to_owned());
        }
        rest = &rest[close + 1..];
    }
    out
}

/// One language's Fluent source; `base_ids` is None for the base language.
fn check_fluent(language: &str, source: &str, base_ids: Option<&Vec<String>>) -> Vec<Failure> {
    let mut out = Vec::new();
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((r, errors)) => {
            for e in errors {
                let line = source[..e.pos.start.min(source.len())].matches('\n').count() + 1;
                out.push(Failure {
                    language: language.to_owned(),
                    place: Place::Language,
                    problem: Problem::Syntax { line, detail: e.kind.to_string() },
                });
            }
            r
        }
    };
    let mut messages = BTreeSet::new();
    let mut terms = BTreeSet::new();
    for entry in &resource.body {
        match entry {
            ast::Entry::Message(m) => {
                messages.insert(m.id.name);
            }
            ast::Entry::Term(t) => {
                terms.insert(t.id.name);
            }
            _ => {}
        }
    }
    let mut walker = Walker { language, terms: &terms, messages: &messages, out: &mut out, place: Place::Language, in_term: false };
    for entry in &resource.body {
        match entry {
            ast::Entry::Message(m) => {
                walker.place = Place::Message { id: m.id.name.to_owned() };
                walker.in_term = false;
                if let Some(p) = &m.value {
                    walker.pattern(p);
                }
                for a in &m.attributes {
                    walker.pattern(&a.value);
                }
            }
            ast::Entry::Term(t) => {
                walker.place = Place::Message { id: format!("-{}", t.id.name) };
                walker.in_term = true;
                walker.pattern(&t.value);
                for a in &t.attributes {
                    walker.pattern(&a.value);
                }
            }
            _ => {}
        }
    }
    if let Some(base_ids) = base_ids {
        let ids = message_ids(source);
        for id in base_ids {
            if !ids.contains(id) {
                out.push(Failure { language: language.to_owned(), place: Place::Message { id: id.clone() }, problem: Problem::Missing });
            }
        }
        for id in ids {
            if !base_ids.contains(&id) {
                out.push(Failure { language: language.to_owned(), place: Place::Message { id }, problem: Problem::NotInBase });
            }
        }
    }
    out
}

struct Walker<'a> {
    language: &'a str,
    terms: &'a BTreeSet<&'a str>,
    messages: &'a BTreeSet<&'a str>,
    out: &'a mut Vec<Failure>,
    place: Place,
    /// Inside a term, variables are the term's parameters, passed where it
    /// is used (`{ -pronoun(age_band: $age_band) }`); those uses are checked.
    in_term: bool,
}

impl Walker<'_> {
    fn fail(&mut self, problem: Problem) {
        self.out.push(Failure { language: self.language.to_owned(), place: self.place.clone(), problem });
    }

    fn pattern(&mut self, p: &ast::Pattern<&str>) {
        for el in &p.elements {
            if let ast::PatternElement::Placeable { expression } = el {
                self.expression(expression);
            }
        }
    }

    fn expression(&mut self, e: &ast::Expression<&str>) {
        match e {
            ast::Expression::Inline(i) => self.inline(i),
            ast::Expression::Select { selector, variants } => {
                self.inline(selector);
                if let ast::InlineExpression::VariableReference { id } = selector
                    && let Some((_, keys)) = SELECTORS.iter().find(|(v, _)| *v == id.name)
                {
                    for v in variants {
                        if let ast::VariantKey::Identifier { name } = &v.key
                            && !keys.contains(name)
                        {
                            self.fail(Problem::UnknownVariant { variable: id.name.to_owned(), key: (*name).to_owned() });
                        }
                    }
                }
                for v in variants {
                    self.pattern(&v.value);
                }
            }
        }
    }

    fn inline(&mut self, i: &ast::InlineExpression<&str>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                let known = NAME_VARIABLES.contains(&id.name) || SELECTORS.iter().any(|(v, _)| *v == id.name);
                if !known && !self.in_term {
                    self.fail(Problem::UnknownVariable { variable: id.name.to_owned() });
                }
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => self.arguments(arguments),
            ast::InlineExpression::TermReference { id, arguments, .. } => {
                if !self.terms.contains(id.name) {
                    self.fail(Problem::UnknownReference { name: format!("-{}", id.name) });
                }
                if let Some(a) = arguments {
                    self.arguments(a);
                }
            }
            ast::InlineExpression::MessageReference { id, .. } => {
                if !self.messages.contains(id.name) {
                    self.fail(Problem::UnknownReference { name: id.name.to_owned() });
                }
            }
            ast::InlineExpression::Placeable { expression } => self.expression(expression),
            ast::InlineExpression::StringLiteral { .. } | ast::InlineExpression::NumberLiteral { .. } => {}
        }
    }

    fn arguments(&mut self, a: &ast::CallArguments<&str>) {
        for p in &a.positional {
            self.inline(p);
        }
        for n in &a.named {
            self.inline(&n.value);
        }
    }
}
