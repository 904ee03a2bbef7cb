//! Where dramatis keeps its files, by the XDG base directory rules, one resolver for all:
//! `$XDG_CONFIG_HOME`, `$XDG_STATE_HOME` and `$XDG_DATA_HOME` when set to an absolute path
//! (the specification says a relative one is invalid and to be ignored), else their defaults
//! under `$HOME`. Each directory is dramatis's own: `<base>/dramatis`.

use std::ffi::OsString;
use std::path::PathBuf;

/// The config file's directory: `$XDG_CONFIG_HOME/dramatis`, else `~/.config/dramatis`.
pub fn config_dir() -> Option<PathBuf> {
    from_env("XDG_CONFIG_HOME", ".config")
}

/// Remembered sessions: `$XDG_STATE_HOME/dramatis`, else `~/.local/state/dramatis`.
pub fn state_dir() -> Option<PathBuf> {
    from_env("XDG_STATE_HOME", ".local/state")
}

/// Sidecars that cannot go beside their document: `$XDG_DATA_HOME/dramatis`, else
/// `~/.local/share/dramatis`.
pub fn data_dir() -> Option<PathBuf> {
    from_env("XDG_DATA_HOME", ".local/share")
}

fn from_env(variable: &str, under_home: &str) -> Option<PathBuf> {
    resolve(
        std::env::var_os(variable),
        std::env::var_os("HOME"),
        under_home,
    )
}

/// The rule itself, apart from the environment.
fn resolve(xdg: Option<OsString>, home: Option<OsString>, under_home: &str) -> Option<PathBuf> {
    let base = xdg
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            home.filter(|h| !h.is_empty())
                .map(|h| PathBuf::from(h).join(under_home))
        })?;
    Some(base.join("dramatis"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(xdg: Option<&str>, home: Option<&str>) -> Option<PathBuf> {
        resolve(xdg.map(Into::into), home.map(Into::into), ".local/state")
    }

    #[test]
    fn an_absolute_xdg_directory_wins_else_the_default_under_home() {
        let path = |s: &str| Some(PathBuf::from(s));
        assert_eq!(dir(Some("/x"), Some("/home/a")), path("/x/dramatis"));
        assert_eq!(
            dir(None, Some("/home/a")),
            path("/home/a/.local/state/dramatis")
        );
        assert_eq!(
            dir(Some(""), Some("/home/a")),
            path("/home/a/.local/state/dramatis")
        );
        assert_eq!(
            dir(Some("relative/dir"), Some("/home/a")),
            path("/home/a/.local/state/dramatis"),
            "a relative path is invalid and ignored"
        );
    }

    #[test]
    fn no_usable_directory_is_none() {
        assert_eq!(dir(None, None), None);
        assert_eq!(dir(None, Some("")), None);
        assert_eq!(dir(Some("relative"), None), None);
    }
}
