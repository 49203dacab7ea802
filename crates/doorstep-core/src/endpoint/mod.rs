//! The endpoint's one command surface, as [`crate::device::Device::handle`]
//! is the device's: every transport (the `/v1` HTTP routes, the `doorstep`
//! CLI, the organizer's screens) calls [`Endpoint`], and nothing else.
//!
//! Here live the rules that are the same whatever stores the data: who may
//! call what (roles, the endpoint's own machine), which organization a
//! command acts in, what a name the organizer typed means, and the checks a
//! push passes before storage sees it. [`Storage`] below it only stores.

pub mod api;
pub mod error;
pub mod storage;

pub use api::{Organize, OrganizeReply};
pub use error::{ApiError, Code};
pub use storage::Storage;

use crate::accounts::DeviceAuth;
use crate::sync::proto::{MAX_OPS_PER_PUSH, PairRequest, PairResponse, PullRequest, PullResponse, PushRequest, PushResponse};
use api::*;
use std::sync::Arc;
use uuid::Uuid;

/// Who sent a command.
#[derive(Debug, Clone)]
pub enum Caller {
    /// The endpoint's operator on its own machine (the CLI on the store):
    /// every organization, named by `org` (its name or id) or the only one.
    Local { org: Option<String> },
    /// A paired device, acting in its own organization with its user's role.
    Device(DeviceAuth),
}

/// The roles that may organize: cut and assign lists, add users, pair
/// phones, read every attempt.
pub fn organizes(role: &str) -> bool {
    matches!(role, "organizer" | "admin")
}

/// The endpoint over a storage backend.
#[derive(Clone)]
pub struct Endpoint {
    storage: Arc<dyn Storage>,
}

impl Endpoint {
    pub fn new(storage: Arc<dyn Storage>) -> Endpoint {
        Endpoint { storage }
    }

    pub fn storage(&self) -> &Arc<dyn Storage> {
        &self.storage
    }

    // ---- devices ----

    pub async fn pair(&self, req: PairRequest) -> Result<PairResponse, ApiError> {
        self.storage.pair(req).await
    }

    pub async fn authenticate(&self, token: &str) -> Result<DeviceAuth, ApiError> {
        self.storage.authenticate(token.to_owned()).await
    }

    pub async fn push(&self, auth: &DeviceAuth, req: PushRequest) -> Result<PushResponse, ApiError> {
        if req.ops.len() > MAX_OPS_PER_PUSH {
            return Err(ApiError::new(Code::TooManyOps, format!("at most {MAX_OPS_PER_PUSH} operations per push")));
        }
        if let Some(w) = req.ops.windows(2).find(|w| w[1].seq <= w[0].seq) {
            return Err(ApiError::bad_request(format!("operation sequence numbers must increase: {} follows {}", w[1].seq, w[0].seq)));
        }
        self.storage.push(auth.clone(), req).await
    }

    pub async fn pull(&self, auth: &DeviceAuth, req: PullRequest) -> Result<PullResponse, ApiError> {
        self.storage.pull(auth.clone(), req).await
    }

    pub async fn health(&self) -> Result<(), ApiError> {
        self.storage.health().await
    }

    // ---- organizers ----

    /// Runs one organizer command: the single entry point every organizer
    /// transport uses. A device whose user does not organize gets 403;
    /// another organization's ids find nothing (404).
    pub async fn organize(&self, caller: &Caller, cmd: Organize) -> Result<OrganizeReply, ApiError> {
        if let Caller::Device(auth) = caller {
            if !organizes(&auth.role) {
                return Err(ApiError::forbidden(format!("a {} cannot organize; ask an organizer", auth.role.replace('_', " "))));
            }
            if cmd.local_only() {
                return Err(ApiError::forbidden("only on the endpoint's own machine"));
            }
        }
        if let Organize::Orgs = cmd {
            let orgs = self.storage.orgs().await?;
            return Ok(OrganizeReply::Orgs(match caller {
                Caller::Local { .. } => orgs,
                Caller::Device(auth) => orgs.into_iter().filter(|o| o.id == auth.org_id).collect(),
            }));
        }
        if let Organize::OrgCreate { name } = cmd {
            let name = name.trim().to_owned();
            if name.is_empty() {
                return Err(ApiError::bad_request("an organization needs a name"));
            }
            if self.storage.orgs().await?.iter().any(|o| o.name == name) {
                return Err(ApiError::new(Code::Conflict, format!("an organization called {name:?} exists already")));
            }
            return Ok(OrganizeReply::Org(self.storage.create_org(name).await?));
        }
        let org = self.org(caller).await?;
        Ok(match cmd {
            Organize::Orgs | Organize::OrgCreate { .. } => unreachable!("answered above"),
            Organize::Users => OrganizeReply::Users(self.storage.users(org).await?),
            Organize::UserAdd { name, role, speaks } => {
                let role = role.trim().replace('-', "_");
                if !matches!(role.as_str(), "admin" | "organizer" | "canvasser" | "phone_banker") {
                    return Err(ApiError::bad_request(format!("role {role:?}: expected admin, organizer, canvasser or phone_banker")));
                }
                self.may_grant(caller, &role)?;
                let name = name.trim().to_owned();
                if name.is_empty() {
                    return Err(ApiError::bad_request("a user needs a name"));
                }
                let mut languages = Vec::new();
                for s in speaks.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
                    let tag = crate::lang::normalize(s)
                        .map_err(|e| ApiError::bad_request(format!("--speaks {s:?}: {e}")))?
                        .ok_or_else(|| ApiError::bad_request(format!("--speaks {s:?}: not a language tag or name")))?;
                    if !languages.contains(&tag) {
                        languages.push(tag);
                    }
                }
                if self.storage.users(org).await?.iter().any(|u| u.name == name) {
                    return Err(ApiError::new(Code::Conflict, format!("a user called {name:?} exists already")));
                }
                OrganizeReply::User(self.storage.add_user(org, storage::NewUser { name, role, languages }).await?)
            }
            Organize::PairingCode { user, url, qr_svg } => {
                let user = self.user(org, &user).await?;
                self.may_grant(caller, &user.role)?;
                if qr_svg && url.is_none() {
                    return Err(ApiError::bad_request("a QR code needs the endpoint's address (url)"));
                }
                if qr_svg {
                    // Refused before a code is made: a code nobody can be given is kept by nobody.
                    qr_svg_of(&crate::accounts::qr_payload(url.as_deref().unwrap_or_default(), "XXXX-XXXX"))?;
                }
                let mut code = self.storage.make_pairing_code(org, user.id, url).await?;
                if qr_svg {
                    code.qr_svg = code.qr_payload.as_deref().map(qr_svg_of).transpose()?;
                }
                OrganizeReply::PairingCode(code)
            }
            Organize::ListAssign { list, user, share } => {
                let (list_id, list_name) = self.storage.find_list(org, list).await?;
                let user = self.user(org, &user).await?;
                let previous = self.storage.assign_list(org, list_id, user.id, share).await?;
                OrganizeReply::Assignment(AssignmentRow { list_id, list_name, user_id: user.id, user_name: user.name, assigned: true, previous })
            }
            Organize::ListCut { cut } => {
                let (spec, effort, dry_run) = cut_spec(cut)?;
                OrganizeReply::Cut(self.storage.cut_lists(org, spec, effort, dry_run).await?)
            }
            Organize::ListUnassign { list, user } => {
                let (list_id, list_name) = self.storage.find_list(org, list).await?;
                let user = self.user(org, &user).await?;
                self.storage.unassign_list(org, list_id, user.id).await?;
                OrganizeReply::Assignment(AssignmentRow { list_id, list_name, user_id: user.id, user_name: user.name, assigned: false, previous: vec![] })
            }
            Organize::Attempts => OrganizeReply::Attempts(self.storage.attempts(org).await?),
            Organize::ScriptImport { text, source } => OrganizeReply::Script(self.storage.import_script(org, text, source).await?),
            Organize::ScriptReview { script, language, reviewer } => {
                let reviewer = self.user(org, &reviewer).await?;
                OrganizeReply::Review(self.storage.review_script(org, script, language, reviewer.id).await?)
            }
            Organize::Devices { user } => {
                let mut devices = self.storage.devices(org).await?;
                if let Some(key) = user {
                    let user = self.user(org, &key).await?;
                    devices.retain(|d| d.user_id == user.id);
                }
                OrganizeReply::Devices(devices)
            }
            Organize::DeviceRevoke { device } => {
                let devices = self.storage.devices(org).await?;
                let found = pick(&devices, &device, "device", |d| d.id, |d| &d.name)?.clone();
                self.storage.revoke_device(org, found.id).await?;
                let devices = self.storage.devices(org).await?;
                OrganizeReply::Device(devices.into_iter().find(|d| d.id == found.id).unwrap_or(found))
            }
            Organize::PersonDelete { person } => {
                self.storage.delete_person(org, person).await?;
                OrganizeReply::PersonDeleted { person }
            }
            Organize::PruneChanges { older_than_days } => {
                if older_than_days < 0 {
                    return Err(ApiError::bad_request(format!("older than {older_than_days} days: a number of days, 0 or more")));
                }
                OrganizeReply::Pruned { changes: self.storage.prune_changes(org, chrono::Duration::days(older_than_days)).await? }
            }
        })
    }

    /// The organization a command acts in.
    async fn org(&self, caller: &Caller) -> Result<Uuid, ApiError> {
        match caller {
            Caller::Device(auth) => Ok(auth.org_id),
            Caller::Local { org: Some(key) } => {
                let orgs = self.storage.orgs().await?;
                Ok(pick(&orgs, key, "organization", |o| o.id, |o| &o.name)?.id)
            }
            Caller::Local { org: None } => {
                let orgs = self.storage.orgs().await?;
                match orgs.as_slice() {
                    [one] => Ok(one.id),
                    [] => Err(ApiError::bad_request("the store holds no organization yet; create one or import a file")),
                    _ => Err(ApiError::bad_request(format!(
                        "the store holds {} organizations ({}); pick one with --org",
                        orgs.len(),
                        orgs.iter().map(|o| o.name.as_str()).collect::<Vec<_>>().join(", ")
                    ))),
                }
            }
        }
    }

    async fn user(&self, org: Uuid, key: &str) -> Result<UserRow, ApiError> {
        let users = self.storage.users(org).await?;
        Ok(pick(&users, key, "user", |u| u.id, |u| &u.name)?.clone())
    }

    /// An organizer makes and pairs organizers, canvassers and phone
    /// bankers; only an admin makes or pairs an admin.
    fn may_grant(&self, caller: &Caller, role: &str) -> Result<(), ApiError> {
        match caller {
            Caller::Device(auth) if role == "admin" && auth.role != "admin" => Err(ApiError::forbidden("only an admin may add or pair an admin")),
            _ => Ok(()),
        }
    }
}

/// The one row called `key`: its id, or its name when no other row has
/// that name. Names are compared as typed, then without case.
fn pick<'a, T>(rows: &'a [T], key: &str, what: &str, id: impl Fn(&T) -> Uuid, name: impl Fn(&T) -> &str) -> Result<&'a T, ApiError> {
    let key = key.trim();
    if let Ok(want) = Uuid::parse_str(key) {
        return rows.iter().find(|r| id(r) == want).ok_or_else(|| ApiError::not_found(what, key));
    }
    for exact in [true, false] {
        let named: Vec<&T> = rows.iter().filter(|r| if exact { name(r) == key } else { name(r).to_lowercase() == key.to_lowercase() }).collect();
        match named.as_slice() {
            [one] => return Ok(one),
            [] => continue,
            many => {
                return Err(ApiError::bad_request(format!("{} {what}s are called {key:?}; name one by its id ({})", many.len(), {
                    many.iter().map(|r| id(r).to_string()).collect::<Vec<_>>().join(", ")
                })));
            }
        }
    }
    Err(ApiError::not_found(what, format!("{key:?}")))
}

/// A cut as the organizer asked for it, checked: the spec, the effort's
/// name or id, and whether to write.
fn cut_spec(args: CutArgs) -> Result<(crate::lists::CutSpec, Option<String>, bool), ApiError> {
    use crate::lists::{CutSpec, Filter, Near};
    let name = args.name.trim().to_owned();
    if name.is_empty() {
        return Err(ApiError::bad_request("a list needs a name"));
    }
    let kind = args.kind.as_deref().unwrap_or("walk").parse::<crate::domain::ListKind>().map_err(|e| ApiError::bad_request(format!("kind: {e}")))?;
    if args.not_contacted && args.effort.is_none() {
        return Err(ApiError::bad_request("not yet contacted: in which effort? name it with effort"));
    }
    if let Some(n) = args.near {
        if !(-90.0..=90.0).contains(&n.latitude) || !(-180.0..=180.0).contains(&n.longitude) {
            return Err(ApiError::bad_request(format!("near: {},{} is not a point on Earth (latitude, longitude in degrees)", n.latitude, n.longitude)));
        }
        if !(n.radius_m.is_finite() && n.radius_m > 0.0) {
            return Err(ApiError::bad_request(format!("radius {} m: expected a distance in metres above 0", n.radius_m)));
        }
    }
    let max_doors = match args.max_doors {
        Some(0) => return Err(ApiError::bad_request("at most 0 doors a list: a list needs at least one door")),
        Some(n) => n as usize,
        None => crate::lists::cut::DEFAULT_MAX_DOORS,
    };
    let filter = Filter {
        precinct: args.precinct,
        zip: args.zip,
        street: args.street,
        language: args.language,
        near: args.near.map(|n| Near { latitude: n.latitude, longitude: n.longitude, radius_m: n.radius_m }),
        not_contacted: args.not_contacted,
    };
    Ok((CutSpec { name, kind, filter, max_doors, split: args.split, effort_id: None }, args.effort, args.dry_run))
}

/// The QR code of `payload` as an SVG image.
fn qr_svg_of(payload: &str) -> Result<String, ApiError> {
    let qr = qrcode::QrCode::new(payload.as_bytes()).map_err(|_| ApiError::bad_request("the endpoint's address is too long for a QR code"))?;
    Ok(qr.render::<qrcode::render::svg::Color>().min_dimensions(256, 256).build())
}
