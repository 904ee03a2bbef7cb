//! The config file (`~/.config/dramatis/config.toml` or `--config`): reading and checking it.
//! A bad file is one clear line naming the file, the line and the key.
//!
//! ```toml
//! measure = 100          # widest text line, in columns
//! mouse = false          # leave the mouse to the terminal
//! theme = "monochrome"   # or "color", "auto"
//! clipboard = false      # `y` does not send copies to the terminal (OSC 52)
//! mentions = "names"     # or "every" (the default): which mentions are lit
//! [keys]
//! quit = ["q", "ctrl-q"]
//! next = "]"            # next search hit or mention
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};
use serde::Deserialize;

use crate::domain::lit::Scope;
use crate::reader::input::{Context, Key, Keymap};
use crate::store::paths;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    #[default]
    Auto,
    Color,
    Monochrome,
}

/// `mentions =`: which mentions are lit at start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum MentionsName {
    /// Names, descriptions and pronouns.
    Every,
    /// Names and demonyms only.
    Names,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    measure: Option<u16>,
    mouse: Option<bool>,
    theme: Option<ThemeName>,
    clipboard: Option<bool>,
    mentions: Option<MentionsName>,
    #[serde(default)]
    keys: BTreeMap<String, OneOrMany>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// Settings after checking.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Config {
    pub measure: Option<u16>,
    pub mouse: Option<bool>,
    pub theme: ThemeName,
    /// `false`: `y` sends nothing to the clipboard.
    pub clipboard: Option<bool>,
    /// Which mentions are lit at start, if set.
    pub mentions: Option<Scope>,
    /// Action name → the keys that now trigger it.
    pub keys: Vec<(String, Vec<Key>)>,
}

/// Where the config file lives by default: `$XDG_CONFIG_HOME/dramatis/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    paths::config_dir().map(|d| d.join("config.toml"))
}

/// Reads the config: `explicit` must exist; the default file may be absent.
pub fn load(explicit: Option<&Path>) -> Result<Config> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match default_path() {
            Some(p) if p.exists() => p,
            _ => return Ok(Config::default()),
        },
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|e| anyhow!("cannot read config '{}': {}", path.display(), short_io(&e)))?;
    parse(&text).map_err(|e| anyhow!("config '{}': {e}", path.display()))
}

/// Parses and checks config text. Errors are one line: `line N: what is wrong`.
pub fn parse(text: &str) -> Result<Config> {
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        let msg = e.message().replace('\n', " ");
        match line {
            Some(n) => anyhow!("line {n}: {msg}"),
            None => anyhow!("{msg}"),
        }
    })?;
    if let Some(m) = raw.measure
        && !(20..=1000).contains(&m)
    {
        bail!("measure = {m}: choose between 20 and 1000 columns");
    }
    let known = Keymap::default();
    let mut keys = Vec::new();
    for (action, spec) in raw.keys {
        let reader = known.in_context(Context::Reader);
        if !known.in_context(Context::Reader).any(|b| b.name == action) {
            let names: Vec<&str> = reader.map(|b| b.name).collect();
            bail!(
                "keys.{action}: no such action (actions: {})",
                names.join(", ")
            );
        }
        let specs = match spec {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        };
        let mut parsed = Vec::new();
        for s in specs {
            match Key::parse(&s) {
                Some(k) => parsed.push(k),
                None => bail!(
                    "keys.{action}: cannot read key \"{s}\" (try \"x\", \"ctrl-x\", \"space\", \"pgdn\", \"f1\")"
                ),
            }
        }
        keys.push((action, parsed));
    }
    Ok(Config {
        measure: raw.measure,
        mouse: raw.mouse,
        theme: raw.theme.unwrap_or_default(),
        clipboard: raw.clipboard,
        mentions: raw.mentions.map(|m| match m {
            MentionsName::Every => Scope::Every,
            MentionsName::Names => Scope::Names,
        }),
        keys,
    })
}

fn short_io(e: &std::io::Error) -> String {
    let s = e.to_string();
    s.split(" (os error").next().unwrap_or(&s).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_config_reads() {
        let c = parse("measure = 100\nmouse = false\ntheme = \"monochrome\"\nclipboard = false\nmentions = \"names\"\n[keys]\nquit = [\"q\", \"ctrl-q\"]\nnext = \"]\"\n").unwrap();
        assert_eq!(c.clipboard, Some(false));
        assert_eq!(c.measure, Some(100));
        assert_eq!(c.mentions, Some(Scope::Names));
        assert_eq!(c.mouse, Some(false));
        assert_eq!(c.theme, ThemeName::Monochrome);
        assert_eq!(c.keys[0].0, "next");
        assert_eq!(
            c.keys[1],
            ("quit".to_string(), vec![Key::ch('q'), Key::ctrl('q')])
        );
    }

    #[test]
    fn errors_name_the_line_and_key() {
        let e = parse("measure = 90\ncolour = \"red\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("line 2:") && e.contains("colour"), "{e}");
        assert!(!e.contains('\n'));
        let e = parse("[keys]\nfly = \"x\"\n").unwrap_err().to_string();
        assert!(e.starts_with("keys.fly: no such action"), "{e}");
        let e = parse("[keys]\nquit = \"ctrl-\"\n").unwrap_err().to_string();
        assert!(e.starts_with("keys.quit: cannot read key"), "{e}");
        let e = parse("measure = 5\n").unwrap_err().to_string();
        assert!(e.contains("measure = 5"), "{e}");
        let e = parse("mouse = \"yes\"\n").unwrap_err().to_string();
        assert!(e.starts_with("line 1:"), "{e}");
        let e = parse("measure = 90\nmentions = \"some\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("line 2:") && e.contains("every"), "{e}");
    }

    #[test]
    fn an_empty_config_is_the_default() {
        assert_eq!(parse("").unwrap(), Config::default());
    }
}
