//! Progress output for long CLI steps: a line on stderr when a step starts and its duration
//! when it ends. Results go to stdout, so they can be piped.

use std::{
	io::Write,
	time::{Duration, Instant},
};

/// A running step.
pub struct Step {
	start: Instant,
}

/// Starts a step: prints `label…` to stderr.
pub fn step(label: &str) -> Step {
	eprint!("{label}… ");
	let _ = std::io::stderr().flush();
	Step { start: Instant::now() }
}

impl Step {
	/// Ends the step: prints its duration and returns it.
	pub fn done(self) -> Duration {
		self.done_with("")
	}

	/// Ends the step with a detail: `done in 1.23 s (detail)`.
	pub fn done_with(self, detail: &str) -> Duration {
		let elapsed = self.start.elapsed();
		if detail.is_empty() {
			eprintln!("done in {:.2} s", elapsed.as_secs_f64());
		} else {
			eprintln!("done in {:.2} s ({detail})", elapsed.as_secs_f64());
		}
		elapsed
	}
}
