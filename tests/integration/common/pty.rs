//! Runs the real binary in a pseudo-terminal and reads its screen through a terminal emulator
//! (vt100), the way a person sees it. Also keeps every byte the program wrote, so tests can
//! check what reached the terminal.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

pub struct Pty {
    master: File,
    child: Child,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    /// The program's private home, removed after the program is stopped.
    _home: super::Scratch,
}

static NEXT_HOME: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// How long a test waits for the screen to show something before it fails.
pub const TIMEOUT: Duration = Duration::from_secs(10);

impl Pty {
    /// Starts `program args` on a `cols` × `rows` terminal.
    pub fn spawn(program: &Path, args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Pty {
        Pty::spawn_with_stdin(program, args, cols, rows, env, None)
    }

    /// Like `spawn`, with `stdin` fed from a pipe holding these bytes (as `curl … | dramatis`).
    pub fn spawn_with_stdin(
        program: &Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
        stdin: Option<&[u8]>,
    ) -> Pty {
        let (master, slave) = open_pty(cols, rows);
        let mut cmd = Command::new(program);
        // A private home for state and config, so runs never see each other's sessions.
        let scratch = super::Scratch::new(&format!(
            "pty-{}",
            NEXT_HOME.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        ));
        let home = scratch.0.clone();
        cmd.args(args)
            .env("XDG_STATE_HOME", home.join("state"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .env_remove("COLORTERM")
            .stdin(match stdin {
                Some(_) => Stdio::piped(),
                None => Stdio::from(slave.try_clone().unwrap()),
            })
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        for (k, v) in env {
            cmd.env(k, v);
        }
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                // stdout is always the terminal (stdin may be a pipe).
                if libc::ioctl(1, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let mut child = cmd.spawn().expect("starting the binary in a pty");
        if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
            pipe.write_all(bytes).unwrap();
        }
        let master = File::from(master);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(rows).unwrap(),
            std::num::NonZeroU16::new(cols).unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = master.try_clone().unwrap();
        let (p, r) = (Arc::clone(&parser), Arc::clone(&raw));
        thread::spawn(move || {
            let mut buf = vec![0u8; 1 << 16];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Pty {
            master,
            child,
            parser,
            raw,
            _home: scratch,
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.master.write_all(keys.as_bytes()).unwrap();
        self.master.flush().unwrap();
    }

    /// The screen as text, rows joined by newlines.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Every byte the program has written so far.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Runs `f` on the emulated screen (for cell colours and attributes).
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.parser.lock().unwrap().screen())
    }

    /// Waits until the screen satisfies `ok` and the frame that made it so is complete;
    /// panics with the screen if it never does.
    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                // A frame can reach the emulator in several reads (a loaded machine splits
                // it): what is asked for may show while the rows drawn after it are still
                // the previous frame's. Output that has stopped coming is a whole frame.
                let settled = self.settled();
                if ok(&settled) {
                    return settled;
                }
                continue;
            }
            assert!(
                start.elapsed() <= TIMEOUT,
                "timed out waiting for {what}; screen:\n{s}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// The screen once the program has written nothing for a moment (or after half a
    /// second of steady output, such as a progress bar's).
    fn settled(&self) -> String {
        let quiet = Duration::from_millis(40);
        let start = Instant::now();
        let mut len = self.raw.lock().unwrap().len();
        loop {
            thread::sleep(quiet);
            let now = self.raw.lock().unwrap().len();
            if now == len || start.elapsed() > Duration::from_millis(500) {
                return self.screen();
            }
            len = now;
        }
    }

    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |s| s.contains(text))
    }

    /// Waits for the raw output to contain `bytes`.
    pub fn wait_for_raw(&self, bytes: &[u8]) {
        let start = Instant::now();
        while !self.raw().windows(bytes.len()).any(|w| w == bytes) {
            assert!(start.elapsed() < TIMEOUT, "timed out waiting for {bytes:?}");
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// The process id of the program started (for `/proc` and signals).
    pub fn pid(&self) -> i32 {
        self.child.id() as i32
    }

    /// Changes the terminal's size, as a window resize does; the kernel tells the program with
    /// SIGWINCH. The emulated screen keeps its size (vt100 cannot have zero rows).
    pub fn resize(&self, cols: u16, rows: u16) {
        let size = libc::winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: TIOCSWINSZ reads a winsize struct we own.
        let rc = unsafe { libc::ioctl(self.master.as_raw_fd(), libc::TIOCSWINSZ, &size) };
        assert_eq!(rc, 0, "TIOCSWINSZ on the pty");
    }

    /// Whether the terminal is in cooked mode (canonical input and echo on), as a shell
    /// leaves it; raw mode turns both off. Read through the master side, which reports the
    /// terminal's settings.
    pub fn is_cooked(&self) -> bool {
        // SAFETY: tcgetattr fills a plain struct from an fd we own.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        let rc = unsafe { libc::tcgetattr(self.master.as_raw_fd(), &raw mut t) };
        assert_eq!(rc, 0, "tcgetattr on the pty");
        t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ECHO != 0
    }

    /// Whether the program has ended, without waiting.
    pub fn has_exited(&mut self) -> bool {
        self.child.try_wait().unwrap().is_some()
    }

    pub fn signal(&self, sig: i32) {
        // SAFETY: sending a signal to our own child.
        unsafe {
            libc::kill(self.child.id() as i32, sig);
        }
    }

    /// Waits for the program to end.
    pub fn wait(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take the last bytes.
                thread::sleep(Duration::from_millis(50));
                return status;
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("the program did not exit; screen:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn open_pty(cols: u16, rows: u16) -> (OwnedFd, OwnedFd) {
    let mut master = -1;
    let mut slave = -1;
    let size = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two fds, which we own from here on.
    let rc = unsafe {
        libc::openpty(
            &raw mut master,
            &raw mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &raw const size,
        )
    };
    assert_eq!(rc, 0, "openpty failed");
    // SAFETY: both fds were just opened and are owned by nobody else.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    assert!(master.as_raw_fd() >= 0);
    (master, slave)
}
