//! Key-value storage as the app needs it, without the browser: the
//! browser edge implements `Store` over `localStorage`; tests and the
//! model-based checks use `MemoryStore`. Every call can fail, because
//! browsers block or fill storage.

use std::cell::RefCell;
use std::rc::Rc;

/// Why storage could not be used, in words for the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreFault {
    /// The browser does not let this page use storage at all.
    Blocked(String),
    /// Reading or writing failed (for example, the quota is full).
    Failed(String),
}

impl StoreFault {
    pub fn detail(&self) -> &str {
        match self {
            StoreFault::Blocked(detail) | StoreFault::Failed(detail) => detail,
        }
    }
}

pub trait Store {
    fn read(&self, key: &str) -> Result<Option<String>, StoreFault>;
    fn write(&self, key: &str, value: &str) -> Result<(), StoreFault>;
    fn remove(&self, key: &str) -> Result<(), StoreFault>;
    /// Every key that starts with `prefix`.
    fn keys(&self, prefix: &str) -> Result<Vec<String>, StoreFault>;
}

/// Storage in memory, shared by clones (like one browser's storage shared
/// by its tabs). It can be told to fail, to play a full or blocked store.
#[derive(Clone, Default)]
pub struct MemoryStore {
    inner: Rc<RefCell<MemoryInner>>,
}

#[derive(Default)]
struct MemoryInner {
    items: Vec<(String, String)>,
    /// When set, writes fail with this fault (reads still work).
    failing_writes: Option<StoreFault>,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// Makes every later write fail (`None` heals it).
    pub fn fail_writes(&self, fault: Option<StoreFault>) {
        self.inner.borrow_mut().failing_writes = fault;
    }

    /// Whether writes fail now.
    pub fn is_failing(&self) -> bool {
        self.inner.borrow().failing_writes.is_some()
    }

    /// An independent copy of what is stored now, failing as this one does
    /// (for checking "what if" without touching the original).
    pub fn detached(&self) -> MemoryStore {
        let inner = self.inner.borrow();
        let copy = MemoryStore::new();
        copy.inner.borrow_mut().items = inner.items.clone();
        copy.inner.borrow_mut().failing_writes = inner.failing_writes.clone();
        copy
    }

    /// Every (key, value), in key order.
    pub fn items(&self) -> Vec<(String, String)> {
        let mut items = self.inner.borrow().items.clone();
        items.sort();
        items
    }
}

impl Store for MemoryStore {
    fn read(&self, key: &str) -> Result<Option<String>, StoreFault> {
        Ok(self
            .inner
            .borrow()
            .items
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone()))
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StoreFault> {
        let mut inner = self.inner.borrow_mut();
        if let Some(fault) = &inner.failing_writes {
            return Err(fault.clone());
        }
        match inner.items.iter_mut().find(|(k, _)| k == key) {
            Some(item) => item.1 = value.to_string(),
            None => inner.items.push((key.to_string(), value.to_string())),
        }
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreFault> {
        self.inner.borrow_mut().items.retain(|(k, _)| k != key);
        Ok(())
    }

    fn keys(&self, prefix: &str) -> Result<Vec<String>, StoreFault> {
        Ok(self
            .inner
            .borrow()
            .items
            .iter()
            .filter(|(k, _)| k.starts_with(prefix))
            .map(|(k, _)| k.clone())
            .collect())
    }
}
