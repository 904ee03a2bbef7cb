//! The names-only cast the reader shows while the whole cast is found, watched until the
//! reader lets go of it: on a large document it is tens of megabytes, and what follows the
//! whole cast (sentences and connections) is counted once it is freed, not beside it.

use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

use crate::domain::cast::Cast;
use crate::domain::entity::Entity;
use crate::domain::mention_index::MentionIndex;

/// How long to wait for the reader to let go of a cast it was sent. It lets go as soon as
/// the whole cast arrives (freeing it on a thread of its own takes ~10 ms at 100 MB); the
/// limit only keeps a reader that holds on from holding up the connections.
const LET_GO_WITHIN: Duration = Duration::from_secs(1);

/// How often to look whether the cast was let go.
const LOOK_EVERY: Duration = Duration::from_millis(2);

/// A cast sent to the reader, known without holding it.
#[derive(Debug, Default)]
pub struct Shown {
    entities: Weak<Vec<Entity>>,
    index: Weak<MentionIndex>,
}

impl Shown {
    pub fn of(cast: &Cast) -> Shown {
        Shown {
            entities: Arc::downgrade(&cast.entities),
            index: Arc::downgrade(&cast.index),
        }
    }

    /// Whether nobody holds the cast's entities or index any more.
    pub fn let_go(&self) -> bool {
        self.entities.strong_count() == 0 && self.index.strong_count() == 0
    }

    /// Waits until nobody holds the cast (at most [`LET_GO_WITHIN`]); true if nobody does.
    pub fn wait_let_go(&self) -> bool {
        let started = Instant::now();
        while !self.let_go() {
            if started.elapsed() >= LET_GO_WITHIN {
                return false;
            }
            std::thread::sleep(LOOK_EVERY);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cast_is_let_go_once_every_holder_dropped_it() {
        let cast = Cast::new(vec![Entity::found_by_search(
            "Ana met Bo.",
            "Ana",
            crate::domain::entity::Kind::Person,
        )]);
        let shown = Shown::of(&cast);
        let index = Arc::clone(&cast.index);
        drop(cast);
        assert!(!shown.let_go(), "its index is still held");
        let holder = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(20));
            drop(index);
        });
        assert!(shown.wait_let_go());
        holder.join().unwrap();
        assert!(
            Shown::default().let_go(),
            "nothing shown: nothing to wait for"
        );
    }
}
