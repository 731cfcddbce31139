//! Progress output for long CLI steps on stderr: `label… ` when a step starts, the elapsed
//! time every [`TICK`] while it runs (`proving… 5 s… 10 s… `), and its duration when it ends
//! (`done in 12.34 s`). Results go to stdout, so they can be piped.

use std::{
	io::Write,
	sync::mpsc::{self, RecvTimeoutError},
	thread::JoinHandle,
	time::{Duration, Instant},
};

/// How often a running step reports its elapsed time.
pub const TICK: Duration = Duration::from_secs(5);

/// A running step.
pub struct Step {
	start: Instant,
	/// Stops the ticker (dropping it is the signal) and waits for it, so its last tick is
	/// printed before the step's end.
	ticker: Option<(mpsc::Sender<()>, JoinHandle<()>)>,
}

/// Starts a step: prints `label…` to stderr, then the elapsed time every [`TICK`].
pub fn step(label: &str) -> Step {
	eprint!("{label}… ");
	let _ = std::io::stderr().flush();
	let start = Instant::now();
	let (stop, stopped) = mpsc::channel::<()>();
	let ticker = std::thread::Builder::new()
		.name("progress".into())
		.spawn(move || {
			let mut ticks = 0u32;
			while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(TICK) {
				ticks += 1;
				eprint!("{} s… ", TICK.as_secs() * u64::from(ticks));
				let _ = std::io::stderr().flush();
			}
		})
		.ok()
		.map(|handle| (stop, handle));
	Step { start, ticker }
}

impl Step {
	/// Ends the step: prints its duration and returns it.
	pub fn done(self) -> Duration {
		self.done_with("")
	}

	/// Ends the step with a detail: `done in 1.23 s (detail)`.
	pub fn done_with(mut self, detail: &str) -> Duration {
		self.stop_ticker();
		let elapsed = self.start.elapsed();
		if detail.is_empty() {
			eprintln!("done in {:.2} s", elapsed.as_secs_f64());
		} else {
			eprintln!("done in {:.2} s ({detail})", elapsed.as_secs_f64());
		}
		elapsed
	}

	fn stop_ticker(&mut self) {
		if let Some((stop, handle)) = self.ticker.take() {
			drop(stop);
			let _ = handle.join();
		}
	}
}

impl Drop for Step {
	/// A step abandoned by an error stops ticking.
	fn drop(&mut self) {
		self.stop_ticker();
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_step_reports_its_duration_and_stops_its_ticker() {
		let s = step("waiting");
		std::thread::sleep(Duration::from_millis(20));
		let elapsed = s.done_with("detail");
		assert!(elapsed >= Duration::from_millis(20));
		// Dropped without `done`: the ticker thread ends too (the join returns).
		drop(step("abandoned"));
	}
}
