//! The embedded backend behind the endpoint's one storage interface,
//! [`doorstep_core::endpoint::Storage`]. The backend's own methods are
//! blocking (SQLite is a library in this process); [`SqliteStorage`] runs
//! them on tokio's blocking threads so the interface stays async, as a
//! PostgreSQL driver's is.

pub use doorstep_core::endpoint::{ApiError, Code};

use crate::sqlite::SqliteBackend;
use doorstep_core::endpoint::storage::{Answer, NewUser, Storage};
use doorstep_core::endpoint::api::*;
use doorstep_core::accounts::DeviceAuth;
use doorstep_core::sync::proto::{PairRequest, PairResponse, PullRequest, PullResponse, PushRequest, PushResponse};
use std::sync::Arc;
use uuid::Uuid;

/// [`SqliteBackend`] as a [`Storage`].
#[derive(Clone)]
pub struct SqliteStorage(pub Arc<SqliteBackend>);

impl SqliteStorage {
    /// Runs `f` on a blocking thread with the backend.
    fn run<T: Send + 'static>(&self, f: impl FnOnce(&SqliteBackend) -> Result<T, ApiError> + Send + 'static) -> Answer<'_, T> {
        let backend = self.0.clone();
        Box::pin(async move { tokio::task::spawn_blocking(move || f(&backend)).await.map_err(ApiError::internal)? })
    }
}

impl Storage for SqliteStorage {
    fn pair(&self, req: PairRequest) -> Answer<'_, PairResponse> {
        self.run(move |b| b.pair_device(&req))
    }
    fn authenticate(&self, token: String) -> Answer<'_, DeviceAuth> {
        self.run(move |b| b.authenticate(&token))
    }
    fn push(&self, auth: DeviceAuth, req: PushRequest) -> Answer<'_, PushResponse> {
        self.run(move |b| b.push(&auth, req))
    }
    fn pull(&self, auth: DeviceAuth, req: PullRequest) -> Answer<'_, PullResponse> {
        self.run(move |b| b.pull(&auth, req))
    }
    fn health(&self) -> Answer<'_, ()> {
        self.run(|b| b.health())
    }
    fn orgs(&self) -> Answer<'_, Vec<OrgRow>> {
        self.run(|b| b.orgs())
    }
    fn create_org(&self, name: String) -> Answer<'_, OrgRow> {
        self.run(move |b| b.create_org(&name))
    }
    fn users(&self, org: Uuid) -> Answer<'_, Vec<UserRow>> {
        self.run(move |b| b.users(org))
    }
    fn add_user(&self, org: Uuid, user: NewUser) -> Answer<'_, UserRow> {
        self.run(move |b| b.add_user(org, &user))
    }
    fn make_pairing_code(&self, org: Uuid, user: Uuid, url: Option<String>) -> Answer<'_, PairingCodeRow> {
        self.run(move |b| b.make_pairing_code(org, user, url.as_deref()))
    }
    fn find_list(&self, org: Uuid, key: String) -> Answer<'_, (Uuid, String)> {
        self.run(move |b| b.find_list(org, &key))
    }
    fn assign_list(&self, org: Uuid, list: Uuid, user: Uuid, share: bool) -> Answer<'_, Vec<Holder>> {
        self.run(move |b| b.assign_list(org, list, user, share))
    }
    fn cut_lists(&self, org: Uuid, spec: doorstep_core::lists::CutSpec, effort: Option<String>, dry_run: bool) -> Answer<'_, CutRow> {
        self.run(move |b| b.cut_lists(org, spec, effort.as_deref(), dry_run))
    }
    fn unassign_list(&self, org: Uuid, list: Uuid, user: Uuid) -> Answer<'_, ()> {
        self.run(move |b| b.unassign_list(org, list, user))
    }
    fn attempts(&self, org: Uuid) -> Answer<'_, Vec<AttemptRow>> {
        self.run(move |b| b.attempts(org))
    }
    fn import_script(&self, org: Uuid, text: String, source: String) -> Answer<'_, ScriptRow> {
        self.run(move |b| b.import_script(org, &text, &source))
    }
    fn review_script(&self, org: Uuid, script: String, language: String, reviewer: Uuid) -> Answer<'_, ReviewRow> {
        self.run(move |b| b.review_script(org, &script, &language, reviewer))
    }
    fn devices(&self, org: Uuid) -> Answer<'_, Vec<DeviceRow>> {
        self.run(move |b| b.devices(org))
    }
    fn revoke_device(&self, org: Uuid, device: Uuid) -> Answer<'_, ()> {
        self.run(move |b| b.revoke_device(org, device))
    }
    fn delete_person(&self, org: Uuid, person: Uuid) -> Answer<'_, ()> {
        self.run(move |b| b.delete_person(org, person))
    }
    fn prune_changes(&self, org: Uuid, older_than: chrono::Duration) -> Answer<'_, u64> {
        self.run(move |b| b.prune_changes(org, older_than))
    }
}
