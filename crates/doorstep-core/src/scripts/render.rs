//! Wording a script for one voter: Fluent selectors on the voter's age band,
//! gender and the form of address, which Vietnamese kinship pronouns
//! (em, anh/chị, bác, ông/bà), Korean and Japanese honorifics and Spanish
//! tú/usted need. One message, a variant for each.
//!
//! Gender is never guessed from the voter file's code: the canvasser says
//! it at the door, and until then the neutral variant (`*[other]`) is used.

use crate::domain::Script;
use chrono::Datelike;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast;
use std::collections::BTreeMap;

/// The name variables a script may use, filled in at the door.
pub const NAME_VARIABLES: [&str; 5] = ["given_name", "family_name", "full_name", "canvasser_name", "org_name"];

/// The selector variables a script may use, with the values each takes
/// (the variant keys a select on it may name).
pub const SELECTORS: [(&str, &[&str]); 3] = [
    ("age_band", &["young", "adult", "older", "elder", "unknown"]),
    ("gender", &["female", "male", "other"]),
    ("formality", &["formal", "informal"]),
];

/// Every variable a script may use.
pub fn variables() -> impl Iterator<Item = &'static str> {
    NAME_VARIABLES.into_iter().chain(SELECTORS.iter().map(|(v, _)| *v))
}

/// How old the voter is, in the bands address forms follow: under 30,
/// 30 to 49, 50 to 69, 70 and over. Unknown when the file has no birth year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum AgeBand {
    Young,
    Adult,
    Older,
    Elder,
    #[default]
    Unknown,
}

impl AgeBand {
    /// The band of someone born in `birth_year`, in the year of `today`.
    /// A birth year alone cannot say whether this year's birthday has
    /// passed; a year's error at a band's edge changes no pronoun a
    /// canvasser would not correct by sight.
    pub fn from_birth_year(birth_year: Option<i32>, today: chrono::NaiveDate) -> AgeBand {
        match birth_year.map(|y| today.year() - y) {
            Some(age) if (0..30).contains(&age) => AgeBand::Young,
            Some(age) if (30..50).contains(&age) => AgeBand::Adult,
            Some(age) if (50..70).contains(&age) => AgeBand::Older,
            Some(age) if (70..130).contains(&age) => AgeBand::Elder,
            _ => AgeBand::Unknown,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            AgeBand::Young => "young",
            AgeBand::Adult => "adult",
            AgeBand::Older => "older",
            AgeBand::Elder => "elder",
            AgeBand::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Female,
    Male,
    /// Not said, or neither: the neutral variant.
    #[default]
    Other,
}

impl Gender {
    pub fn key(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
            Gender::Other => "other",
        }
    }
}

/// Formal address (usted, 您, आप, вы) unless the canvasser chooses otherwise.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Formality {
    #[default]
    Formal,
    Informal,
}

impl Formality {
    pub fn key(self) -> &'static str {
        match self {
            Formality::Formal => "formal",
            Formality::Informal => "informal",
        }
    }
}

/// Who a script is read to, and by whom. A name left None stays in the
/// text as `{given_name}` for whoever shows it to fill (the UI fills names
/// in the order of the person's own name culture).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Voter {
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub full_name: Option<String>,
    pub canvasser_name: Option<String>,
    pub org_name: Option<String>,
    pub age_band: AgeBand,
    pub gender: Gender,
    pub formality: Formality,
}

impl Voter {
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::new();
        let names = [
            ("given_name", &self.given_name),
            ("family_name", &self.family_name),
            ("full_name", &self.full_name),
            ("canvasser_name", &self.canvasser_name),
            ("org_name", &self.org_name),
        ];
        for (name, value) in names {
            match value {
                Some(v) => args.set(name, FluentValue::from(v.as_str())),
                None => args.set(name, FluentValue::from(format!("{{{name}}}"))),
            }
        }
        args.set("age_band", self.age_band.key());
        args.set("gender", self.gender.key());
        args.set("formality", self.formality.key());
        args
    }

    fn names_given(&self) -> bool {
        [&self.given_name, &self.family_name, &self.full_name, &self.canvasser_name, &self.org_name].iter().any(|n| n.is_some())
    }
}

/// The ids of a Fluent source's paragraphs, in the order written: its
/// messages, except those another message refers to (`{ ban }`), which are
/// pieces of wording shared by several paragraphs. Terms (`-name`) cannot
/// be passed the voter's variables (Fluent takes only literals as a term's
/// arguments), so a piece that selects on the voter is such a message.
pub fn message_ids(source: &str) -> Vec<String> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut referred = std::collections::BTreeSet::new();
    for entry in &resource.body {
        let patterns: Vec<&ast::Pattern<&str>> = match entry {
            ast::Entry::Message(m) => m.value.iter().chain(m.attributes.iter().map(|a| &a.value)).collect(),
            ast::Entry::Term(t) => std::iter::once(&t.value).chain(t.attributes.iter().map(|a| &a.value)).collect(),
            _ => continue,
        };
        for p in patterns {
            referred_in_pattern(p, &mut referred);
        }
    }
    resource
        .body
        .iter()
        .filter_map(|e| match e {
            ast::Entry::Message(m) if m.value.is_some() && !referred.contains(m.id.name) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

fn referred_in_pattern<'s>(p: &ast::Pattern<&'s str>, out: &mut std::collections::BTreeSet<&'s str>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            referred_in_expression(expression, out);
        }
    }
}

fn referred_in_expression<'s>(e: &ast::Expression<&'s str>, out: &mut std::collections::BTreeSet<&'s str>) {
    match e {
        ast::Expression::Inline(i) => referred_in_inline(i, out),
        ast::Expression::Select { selector, variants } => {
            referred_in_inline(selector, out);
            for v in variants {
                referred_in_pattern(&v.value, out);
            }
        }
    }
}

fn referred_in_inline<'s>(i: &ast::InlineExpression<&'s str>, out: &mut std::collections::BTreeSet<&'s str>) {
    match i {
        ast::InlineExpression::MessageReference { id, .. } => {
            out.insert(id.name);
        }
        ast::InlineExpression::Placeable { expression } => referred_in_expression(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } | ast::InlineExpression::TermReference { arguments: Some(arguments), .. } => {
            for a in &arguments.positional {
                referred_in_inline(a, out);
            }
        }
        _ => {}
    }
}

/// `language`'s text of `script` worded for `voter`: for a Fluent script
/// each of the base language's messages in order, a paragraph each; a
/// script of plain texts as written. None when the script lacks the
/// language.
pub fn render(script: &Script, language: &str, voter: &Voter) -> Option<String> {
    let Some(source) = script.fluent.get(language) else { return script.texts.get(language).cloned() };
    let order_source = script.fluent.get(&script.base_language).unwrap_or(source);
    let ids = message_ids(order_source);
    let langid = language.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![langid]);
    // Isolation marks keep a right-to-left name from scrambling the
    // sentence around it; placeholders for the UI to fill go without them,
    // as the UI isolates what it fills.
    bundle.set_use_isolating(voter.names_given());
    let resource = match FluentResource::try_new(source.clone()) {
        Ok(r) => r,
        // The publish check refuses a source that does not parse; an entry
        // Fluent could not read is left out rather than the whole language.
        Err((r, _)) => r,
    };
    // Added once; a duplicate id keeps the first, as the check reported it.
    let _ = bundle.add_resource(resource);
    let args = voter.args();
    let mut paragraphs = Vec::new();
    for id in ids {
        let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) else { continue };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
        paragraphs.push(text.trim().to_owned());
    }
    Some(paragraphs.join("\n\n"))
}

/// Every language of `script` worded for `voter`.
pub fn render_all(script: &Script, voter: &Voter) -> BTreeMap<String, String> {
    script.texts.keys().chain(script.fluent.keys()).filter_map(|l| Some((l.clone(), render(script, l, voter)?))).collect()
}
