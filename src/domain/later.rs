//! A value made on another thread while this one goes on, waited for where it is first
//! needed: how a pass that needs only the text (quotations, sentences) runs beside one that
//! needs what came before it (clustering, coreference).

use std::thread::{Scope, ScopedJoinHandle};

pub struct Later<'scope, T> {
    /// The thread making the value, until it is joined.
    making: Option<ScopedJoinHandle<'scope, T>>,
    value: Option<T>,
}

impl<'scope, T: Send + 'scope> Later<'scope, T> {
    /// `make` run on a thread of `scope`.
    pub fn spawn<'env>(
        scope: &'scope Scope<'scope, 'env>,
        make: impl FnOnce() -> T + Send + 'scope,
    ) -> Later<'scope, T> {
        Later {
            making: Some(scope.spawn(make)),
            value: None,
        }
    }
}

impl<'scope, T> Later<'scope, T> {
    /// A value there already (on one thread, nothing runs beside).
    pub fn ready(value: T) -> Later<'scope, T> {
        Later {
            making: None,
            value: Some(value),
        }
    }

    /// The value, once made (a panic of the thread that made it goes on here).
    pub fn get(&mut self) -> &T {
        let making = &mut self.making;
        (self.value).get_or_insert_with(|| joined(making.take().expect("a value or its maker")))
    }

    pub fn into_inner(self) -> T {
        match self.value {
            Some(value) => value,
            None => joined(self.making.expect("a value or its maker")),
        }
    }
}

fn joined<T>(handle: ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_made_beside_is_the_value_made_here() {
        let text = "one two three";
        let counted = std::thread::scope(|scope| {
            let mut later = Later::spawn(scope, || text.split(' ').count());
            let here = text.len();
            (here, *later.get(), later.into_inner())
        });
        assert_eq!(counted, (13, 3, 3));
        assert_eq!(Later::ready(7).into_inner(), 7);
    }

    #[test]
    fn a_panic_beside_reaches_the_thread_that_waits() {
        let caught = std::panic::catch_unwind(|| {
            std::thread::scope(|scope| {
                let later: Later<u8> = Later::spawn(scope, || panic!("beside"));
                later.into_inner()
            })
        });
        assert!(caught.is_err());
    }
}
