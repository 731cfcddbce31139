//! The harness of the `fuzz` target (and of the never-panics test): feeds arbitrary bytes to
//! every host function.

use crate::interface::host;

/// Splits `data` into a key, public inputs and a proof, by two length prefixes, and runs every
/// host function on them. Panics only if a host function does.
pub fn run(data: &[u8]) {
	let (vk_len, rest) = match data.split_first() {
		Some((len, rest)) => (usize::from(*len) * 64, rest),
		None => (0, data),
	};
	let (inputs_len, rest) = match rest.split_first() {
		Some((len, rest)) => (usize::from(*len) * 8, rest),
		None => (0, rest),
	};
	let (vk, rest) = rest.split_at(vk_len.min(rest.len()));
	let (inputs, proof) = rest.split_at(inputs_len.min(rest.len()));
	let _ = host::groth16_bn254_validate_vk(vk);
	let _ = host::groth16_bn254_verify(vk, inputs, proof);
	let (params, vk) = vk.split_at(vk.len().min(160));
	let _ = host::halo2_kzg_validate_params(params);
	let _ = host::halo2_kzg_validate_vk(vk);
	let _ = host::halo2_kzg_verify(params, vk, inputs, proof);
}

/// Flips and cuts bytes of `parts` as `data` says: 4 bytes per mutation (part, offset high,
/// offset low, xor mask; mask 0 truncates).
fn mutate<const N: usize>(parts: &mut [alloc::vec::Vec<u8>; N], data: &[u8]) {
	for chunk in data.chunks(4) {
		let [part, high, low, mask] = match *chunk {
			[a, b, c, d] => [a, b, c, d],
			_ => break,
		};
		let bytes = &mut parts[usize::from(part) % N];
		match mask {
			// Truncate.
			0 => bytes.truncate(usize::from(u16::from_le_bytes([low, high]))),
			mask if !bytes.is_empty() => {
				let at = usize::from(u16::from_le_bytes([low, high])) % bytes.len();
				bytes[at] ^= mask;
			},
			_ => {},
		}
	}
}

/// Runs the Groth16 host functions on a well-formed case whose bytes are then mutated: `data`
/// drives which bytes of (key, inputs, proof) flip, so the fuzzer reaches past the length
/// checks.
pub fn run_mutated(vk: &[u8], inputs: &[u8], proof: &[u8], data: &[u8]) {
	let mut parts = [vk.to_vec(), inputs.to_vec(), proof.to_vec()];
	mutate(&mut parts, data);
	let _ = host::groth16_bn254_validate_vk(&parts[0]);
	let _ = host::groth16_bn254_verify(&parts[0], &parts[1], &parts[2]);
}

/// The same for the halo2-KZG host functions, with the verifier parameters as a fourth part.
pub fn run_mutated_halo2(params: &[u8], vk: &[u8], inputs: &[u8], proof: &[u8], data: &[u8]) {
	let mut parts = [vk.to_vec(), inputs.to_vec(), proof.to_vec(), params.to_vec()];
	mutate(&mut parts, data);
	let _ = host::halo2_kzg_validate_params(&parts[3]);
	let _ = host::halo2_kzg_validate_vk(&parts[0]);
	let _ = host::halo2_kzg_verify(&parts[3], &parts[0], &parts[1], &parts[2]);
}

/// The halo2-KZG batch host function on the committed case: `data`'s first byte picks how many
/// copies of the statement the batch holds (1 to 8; every third statement's proof is the
/// fixture's proof of another binding), its second whether the outcome buffer is the right
/// length, and the rest flip and cut bytes of (key, SCALE-encoded statements, parameters), so
/// the fuzzer reaches the statement decoding, the per-proof checks and the search for bad
/// proofs.
pub fn run_batch_halo2(params: &[u8], vk: &[u8], inputs: &[u8], proof: &[u8], data: &[u8]) {
	use codec::Encode;
	let (count, data) = match data.split_first() {
		Some((count, rest)) => (1 + usize::from(*count % 8), rest),
		None => (1, data),
	};
	let (outcome_slack, data) = match data.split_first() {
		Some((slack, rest)) => (usize::from(*slack % 3), rest),
		None => (0, data),
	};
	let statements: alloc::vec::Vec<(alloc::vec::Vec<u8>, alloc::vec::Vec<u8>)> = (0..count)
		.map(|i| {
			let mut inputs = inputs.to_vec();
			if i % 3 == 2 {
				if let Some(byte) = inputs.first_mut() {
					*byte ^= 1;
				}
			}
			(inputs, proof.to_vec())
		})
		.collect();
	let mut parts = [vk.to_vec(), statements.encode(), params.to_vec()];
	mutate(&mut parts, data);
	let mut outcomes = alloc::vec![0u8; count * 8 + outcome_slack];
	let _ = host::halo2_kzg_verify_batch(&parts[2], &parts[0], &parts[1], &mut outcomes);
}
