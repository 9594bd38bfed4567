//! Bringing two copies of one document together: this tab's and what
//! storage holds (three-way, with the copy both last agreed on), or two
//! copies with no common ancestor (an import, a restored check).

use super::model::{Answers, Document, Snapshot};
use super::plan::merge_plans;

/// What reconciling two copies of a document did that the person should
/// hear about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reconciled {
    /// Oldest snapshots dropped to stay within `MAX_SNAPSHOTS`.
    pub trimmed: usize,
}

impl Document {
    /// Makes a merged copy consistent: drops what a deletion cleared,
    /// forgets an undo whose kept copy is gone, and keeps within the
    /// snapshot limit. Returns how many old snapshots were trimmed.
    pub(super) fn settle(&mut self) -> usize {
        let cleared = self.cleared_before;
        if cleared > 0 {
            for (_, answer) in self.answers.0.iter_mut() {
                if answer.rated_at <= cleared {
                    answer.rating = None;
                }
                if answer.noted_at <= cleared {
                    answer.note.clear();
                }
            }
            // An entry left empty only by the deletion can go; a cleared
            // entry newer than it (a later replace) must stay.
            self.answers
                .0
                .retain(|(_, a)| a.rated_at > cleared || a.noted_at > cleared);
            self.plan.retain(|item| item.changed_at > cleared);
            if self
                .beside
                .as_ref()
                .is_some_and(|b| b.received_at <= cleared)
            {
                self.beside = None;
            }
            if self.agenda.noted_at <= cleared {
                self.agenda = Default::default();
            }
        }
        if self
            .replaced
            .as_ref()
            .is_some_and(|r| self.snapshot(r.kept).is_none())
        {
            self.replaced = None;
        }
        self.trim_snapshots()
    }

    /// Combines two copies of one document with no common ancestor known:
    /// each answer keeps its later change, and every snapshot is kept.
    pub fn merge(&self, other: &Document) -> Document {
        reconcile(self, Some(other), None, None).0
    }
}

/// Three-way merge of this tab's copy (`mine`) with what storage holds
/// (`stored`), given `base`, the copy both last agreed on (what this tab
/// last read or wrote).
///
/// Answers: the later rating and the later note win, each on its own. A
/// replace leaves cleared entries behind, so it wins by time like any
/// change. When the document is gone from storage (`stored` is `None`),
/// it was deleted at `deleted_at` (from the tombstone marker; without one,
/// whatever `base` held counts as deleted): only what changed after that
/// survives, so a deletion in another tab stays done unless the person
/// answers again. Snapshots never change: the union is kept, less those
/// `base` had and one side no longer has (removed there by an undo).
/// Whole-document fields (resume point, names, undo record) come from the
/// side that changed them. The result always holds the document's limits.
pub fn reconcile(
    mine: &Document,
    stored: Option<&Document>,
    base: Option<&Document>,
    deleted_at: Option<u64>,
) -> (Document, Reconciled) {
    let mut merged = mine.clone();
    let Some(stored) = stored else {
        // Gone from storage: keep only what is newer than the deletion.
        // Without a deletion time, what `base` held counts as deleted, and
        // what it did not hold (or held older) is new since.
        let survives = |time: u64, base_time: Option<u64>| match (deleted_at, base_time) {
            (Some(deleted), _) => time > deleted,
            (None, Some(base_time)) => time > base_time,
            (None, None) => true,
        };
        let mut answers = Answers::default();
        for (id, answer) in &mine.answers {
            let base_answer = base.and_then(|b| b.answers.get(id));
            let cleared_at = |base_time: Option<u64>| {
                deleted_at.unwrap_or_else(|| base_time.map_or(0, |t| t.saturating_add(1)))
            };
            let mut kept = answer.clone();
            if !survives(answer.rated_at, base_answer.map(|b| b.rated_at)) {
                kept.rating = None;
                kept.rated_at = cleared_at(base_answer.map(|b| b.rated_at));
            }
            if !survives(answer.noted_at, base_answer.map(|b| b.noted_at)) {
                kept.note = String::new();
                kept.noted_at = cleared_at(base_answer.map(|b| b.noted_at));
            }
            if !kept.is_cleared() || answer.is_cleared() {
                answers.0.push((id.clone(), kept));
            }
        }
        merged.answers = answers;
        // Plan items changed after the deletion survive, like answers.
        merged.plan.retain(|item| match (deleted_at, base) {
            (Some(deleted), _) => item.changed_at > deleted,
            (None, Some(base)) => !base
                .plan
                .iter()
                .any(|b| b.id == item.id && b.changed_at >= item.changed_at),
            (None, None) => true,
        });
        merged.snapshots.retain(|s| match (deleted_at, base) {
            // Taken before the deletion by a copy that had not seen it.
            (Some(deleted), _) => mine.cleared_before >= deleted || s.taken_at > deleted,
            (None, Some(base)) => base.snapshot(s.taken_at).is_none(),
            (None, None) => true,
        });
        if deleted_at.is_none() {
            if let Some(base) = base {
                if merged.beside == base.beside {
                    merged.beside = None;
                }
                if merged.agenda.noted_at <= base.agenda.noted_at {
                    merged.agenda = Default::default();
                }
            }
        }
        if let Some(deleted) = deleted_at {
            // Written again after a deletion: say so in the document, so
            // older copies still open elsewhere cannot bring anything back.
            merged.cleared_before = merged.cleared_before.max(deleted);
        }
        let trimmed = merged.settle();
        merged.revision = merged.revision.saturating_add(1);
        return (merged, Reconciled { trimmed });
    };
    // Whole-document fields: from the side that changed them since base;
    // when both did (or base is unknown), from the later change.
    let stored_wins = stored.updated_at > mine.updated_at;
    fn pick<T: Clone + PartialEq>(mine: &T, stored: &T, base: Option<&T>, stored_wins: bool) -> T {
        match base {
            Some(base) if mine == base => stored.clone(),
            Some(base) if stored == base => mine.clone(),
            _ if stored_wins => stored.clone(),
            _ => mine.clone(),
        }
    }
    macro_rules! pick_field {
        ($field:ident) => {
            pick(
                &mine.$field,
                &stored.$field,
                base.map(|b| &b.$field),
                stored_wins,
            )
        };
    }
    merged.answers = merge_answers(&mine.answers, &stored.answers, base.map(|b| &b.answers));
    merged.plan = merge_plans(&mine.plan, &stored.plan);
    let cleared_before = pick_field!(cleared_before);
    // Snapshots never change once taken: keep the union, less those an
    // undo removed on one side, and less those a deletion cleared that
    // come only from a copy that had not seen it (a snapshot imported
    // after the deletion is older than it, but meant).
    let mut snapshots: Vec<Snapshot> = Vec::new();
    for snapshot in mine.snapshots.iter().chain(&stored.snapshots) {
        if snapshots.iter().any(|s| s.taken_at == snapshot.taken_at) {
            continue;
        }
        let in_mine = mine.snapshot(snapshot.taken_at).is_some();
        let in_stored = stored.snapshot(snapshot.taken_at).is_some();
        let in_base = base.is_some_and(|b| b.snapshot(snapshot.taken_at).is_some());
        let seen_deletion =
            |doc: &Document, here: bool| here && doc.cleared_before >= cleared_before;
        let cleared = snapshot.taken_at <= cleared_before
            && !seen_deletion(mine, in_mine)
            && !seen_deletion(stored, in_stored);
        if (in_mine && in_stored || !in_base) && !cleared {
            snapshots.push(snapshot.clone());
        }
    }
    // Insertion sort by time: a few dozen items, and no std sort in the wasm.
    for i in 1..snapshots.len() {
        let mut j = i;
        while j > 0 && snapshots[j].taken_at < snapshots[j - 1].taken_at {
            snapshots.swap(j, j - 1);
            j -= 1;
        }
    }
    merged.snapshots = snapshots;
    merged.resume = pick_field!(resume);
    merged.subject = pick_field!(subject);
    merged.rater = pick_field!(rater);
    merged.replaced = pick_field!(replaced);
    // The view beside is replaced whole, never edited: the side that
    // changed it wins (an undo puts back an older one), else the later.
    merged.beside = match base.map(|b| &b.beside) {
        Some(base) if mine.beside == *base => stored.beside.clone(),
        Some(base) if stored.beside == *base => mine.beside.clone(),
        _ => match (&mine.beside, &stored.beside) {
            (Some(a), Some(b)) if b.received_at > a.received_at => Some(b.clone()),
            (None, b) => b.clone(),
            (a, _) => a.clone(),
        },
    };
    merged.agenda = mine.agenda.later(&stored.agenda);
    merged.cleared_before = cleared_before;
    if stored_wins {
        merged.content_version = stored.content_version.clone();
    }
    let trimmed = merged.settle();
    merged.updated_at = mine.updated_at.max(stored.updated_at);
    merged.revision = mine.revision.max(stored.revision).saturating_add(1);
    (merged, Reconciled { trimmed })
}

/// Both copies' answers, each id once: one pass over two lists that are
/// already sorted by id. With the copy both last agreed on (`base`), a
/// field only one side changed takes that side's value, whatever the times
/// say: storage may hold an old value stamped anew (an undo brings back
/// what a replace cleared), and that must not win over a real change this
/// tab made meanwhile and could not write. The value taken is stamped
/// after both, so merges that compare times alone agree.
fn merge_answers(mine: &Answers, stored: &Answers, base: Option<&Answers>) -> Answers {
    let (mut a, mut b) = (mine.0.iter().peekable(), stored.0.iter().peekable());
    let mut merged = Vec::with_capacity(mine.len().max(stored.len()));
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some((id_a, answer_a)), Some((id_b, answer_b))) => match id_a.cmp(id_b) {
                std::cmp::Ordering::Less => a.next().cloned(),
                std::cmp::Ordering::Greater => b.next().cloned(),
                std::cmp::Ordering::Equal => {
                    let mut merged = answer_a.merged_with(answer_b);
                    if let Some(base) = base {
                        let before = base.get(id_a).cloned().unwrap_or_default();
                        let after = |a: u64, b: u64| a.max(b).saturating_add(1);
                        // Only where the times alone chose the unchanged side.
                        if answer_b.rating == before.rating
                            && answer_a.rating != before.rating
                            && merged.rating != answer_a.rating
                        {
                            merged.rating = answer_a.rating;
                            merged.rated_at = after(answer_a.rated_at, answer_b.rated_at);
                        }
                        if answer_b.note == before.note
                            && answer_a.note != before.note
                            && merged.note != answer_a.note
                        {
                            merged.note = answer_a.note.clone();
                            merged.noted_at = after(answer_a.noted_at, answer_b.noted_at);
                        }
                    }
                    let both = (id_a.clone(), merged);
                    a.next();
                    b.next();
                    Some(both)
                }
            },
            (Some(_), None) => a.next().cloned(),
            (None, Some(_)) => b.next().cloned(),
            (None, None) => None,
        };
        match next {
            Some(entry) => merged.push(entry),
            None => return Answers(merged),
        }
    }
}
