//! The one storage interface under the endpoint's commands. The embedded
//! SQLite backend (`doorstep_server::sqlite`) implements it; a PostgreSQL
//! backend implements the same contract.
//!
//! Each method is one unit of storage work: it runs in one transaction and
//! names the organization in every query it makes, so another
//! organization's id finds nothing (`not_found`). Who may call what is
//! decided above it, in [`super::Endpoint`]; what a name means (a user by
//! name or id) too. Methods return futures, so an async driver fits; a
//! blocking one runs them on a blocking thread.

use super::api::*;
use super::error::ApiError;
use crate::accounts::DeviceAuth;
use crate::sync::proto::{PairRequest, PairResponse, PullRequest, PullResponse, PushRequest, PushResponse};
use std::future::Future;
use std::pin::Pin;
use uuid::Uuid;

/// What a storage method returns: a boxed future, so the trait stays
/// usable as `dyn Storage` without a macro crate.
pub type Answer<'a, T> = Pin<Box<dyn Future<Output = Result<T, ApiError>> + Send + 'a>>;

/// A new user as the storage writes them: role and languages already
/// checked and normalized.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub name: String,
    pub role: String,
    pub languages: Vec<String>,
}

pub trait Storage: Send + Sync + 'static {
    // ---- devices: the /v1 sync protocol ----
    /// Redeems a one-time code: a new device with its token.
    fn pair(&self, req: PairRequest) -> Answer<'_, PairResponse>;
    /// The device behind a bearer token, unless unknown, revoked or expired.
    fn authenticate(&self, token: String) -> Answer<'_, DeviceAuth>;
    /// Applies a batch in one transaction; a batch already applied changes nothing.
    fn push(&self, auth: DeviceAuth, req: PushRequest) -> Answer<'_, PushResponse>;
    /// One page per assigned list, from each list's cursor.
    fn pull(&self, auth: DeviceAuth, req: PullRequest) -> Answer<'_, PullResponse>;
    fn health(&self) -> Answer<'_, ()>;

    // ---- organizers ----
    fn orgs(&self) -> Answer<'_, Vec<OrgRow>>;
    fn create_org(&self, name: String) -> Answer<'_, OrgRow>;
    fn users(&self, org: Uuid) -> Answer<'_, Vec<UserRow>>;
    fn add_user(&self, org: Uuid, user: NewUser) -> Answer<'_, UserRow>;
    /// Makes a pairing code for `user`; with `url`, its QR payload too.
    fn make_pairing_code(&self, org: Uuid, user: Uuid, url: Option<String>) -> Answer<'_, PairingCodeRow>;
    /// The list called `key` (its name or id).
    fn find_list(&self, org: Uuid, key: String) -> Answer<'_, (Uuid, String)>;
    /// Gives the list to `user`; unless `share`, takes it from whoever held
    /// it, whose names come back.
    fn assign_list(&self, org: Uuid, list: Uuid, user: Uuid, share: bool) -> Answer<'_, Vec<Holder>>;
    /// Makes the lists of a cut (all or none), or with `dry_run` only says what it would make.
    fn cut_lists(&self, org: Uuid, spec: crate::lists::CutSpec, effort: Option<String>, dry_run: bool) -> Answer<'_, CutRow>;
    fn unassign_list(&self, org: Uuid, list: Uuid, user: Uuid) -> Answer<'_, ()>;
    fn attempts(&self, org: Uuid) -> Answer<'_, Vec<AttemptRow>>;
    fn import_script(&self, org: Uuid, text: String, source: String) -> Answer<'_, ScriptRow>;
    /// Marks `language` of the script called `script` (name or id) reviewed by `reviewer`.
    fn review_script(&self, org: Uuid, script: String, language: String, reviewer: Uuid) -> Answer<'_, ReviewRow>;
    fn devices(&self, org: Uuid) -> Answer<'_, Vec<DeviceRow>>;
    fn revoke_device(&self, org: Uuid, device: Uuid) -> Answer<'_, ()>;
    fn delete_person(&self, org: Uuid, person: Uuid) -> Answer<'_, ()>;
    fn prune_changes(&self, org: Uuid, older_than: chrono::Duration) -> Answer<'_, u64>;
}
