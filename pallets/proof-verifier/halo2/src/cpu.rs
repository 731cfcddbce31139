//! What this build's field arithmetic needs from the processor.
//!
//! On x86-64 the crate enables halo2curves' assembly field arithmetic (`asm`: Montgomery
//! multiplication with `mulx`, `adcx` and `adox`), which proves and verifies faster than the
//! portable code and computes the same values. Those instructions come with the BMI2 and ADX
//! extensions (Intel since Broadwell, 2014; AMD since Zen, 2017); a processor without them would
//! stop the node or the prover with an illegal instruction in the middle of a block. Binaries
//! call [`check`] at start-up instead, and refuse to start with a message that says why.

/// Why this machine cannot run this build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnsupportedCpu {
	/// The instruction-set extensions the processor lacks.
	pub missing: &'static str,
}

impl core::fmt::Display for UnsupportedCpu {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		write!(
			f,
			"this processor lacks {}, which zkinfer's x86-64 field arithmetic needs (Intel since \
			 Broadwell, AMD since Zen)",
			self.missing
		)
	}
}

impl std::error::Error for UnsupportedCpu {}

/// Checks that the processor has the extensions this build's field arithmetic uses.
pub fn check() -> Result<(), UnsupportedCpu> {
	#[cfg(target_arch = "x86_64")]
	{
		let bmi2 = std::arch::is_x86_feature_detected!("bmi2");
		let adx = std::arch::is_x86_feature_detected!("adx");
		match (bmi2, adx) {
			(true, true) => Ok(()),
			(false, true) => Err(UnsupportedCpu { missing: "BMI2" }),
			(true, false) => Err(UnsupportedCpu { missing: "ADX" }),
			(false, false) => Err(UnsupportedCpu { missing: "BMI2 and ADX" }),
		}
	}
	#[cfg(not(target_arch = "x86_64"))]
	{
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	/// The machine the tests run on runs the tests, so it passes the check (a failing check
	/// here would mean the check refuses machines that work).
	#[test]
	fn the_machine_running_the_tests_passes() {
		assert_eq!(check(), Ok(()));
	}

	#[test]
	fn the_error_names_what_is_missing() {
		let message = UnsupportedCpu { missing: "ADX" }.to_string();
		assert!(message.contains("lacks ADX"), "{message}");
	}
}
