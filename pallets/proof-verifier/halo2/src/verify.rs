//! Model-agnostic verification: everything a verifier needs is in the verifying-key bytes.
//!
//! # Verifying-key bytes
//!
//! The header of `zkinfer_statement::key` ([`KeyHeader`]: layout version [`LAYOUT_VERSION`],
//! `k`, dot-product width, public input count), then the halo2 verifying key (uncompressed
//! points, no selector bitmaps).
//!
//! The layout version names the constraint system of [`crate::chip::ModelConfig`]; a change to
//! it gets a new version and verifiers keep every released one. Version 2 (saturating
//! rescales: the clamp and limb gates) replaced version 1 before any network launched, so no
//! key of version 1 needs verifying; from the first launch on, versions are kept.
//!
//! [`verify`] and [`validate_vk`] are what the node's host functions call. They never panic:
//! every length, count and size is checked before halo2 reads anything, field elements must
//! be canonical (`< r`), points must decode, the key must re-encode to exactly its bytes, and
//! the proof must be consumed to its last byte.

use halo2_proofs::{
	halo2curves::{
		bn256::{Bn256, G1Affine},
		CurveAffine,
	},
	plonk::{self, permutation, verify_proof, ConstraintSystem, VerifyingKey},
	poly::{
		kzg::{
			commitment::{KZGCommitmentScheme, ParamsKZG},
			msm::DualMSM,
			multiopen::VerifierSHPLONK,
			strategy::GuardKZG,
		},
		VerificationStrategy,
	},
	transcript::{Blake2bRead, Challenge255, TranscriptReadBuffer},
	SerdeCurveAffine, SerdeFormat,
};

pub use zkinfer_statement::{
	limits::{MAX_KEY_BYTES, MAX_PROOF_BYTES, MAX_PUBLIC_INPUTS},
	KeyHeader, KEY_HEADER_BYTES,
};

use crate::{
	domain::verifier_domain,
	field::{fr_from_bytes, Fr},
	params::{CircuitParams, KeyCircuit, MAX_K, MAX_WIDTH, MIN_K},
	srs::VerifierParams,
};

/// The circuit layout version this build writes and verifies.
pub const LAYOUT_VERSION: u8 = 2;
/// How the key's points are encoded: uncompressed (64 bytes each), which spares the verifier
/// a square root per point; [`decode_vk`] checks every point is on the curve.
const KEY_FORMAT: SerdeFormat = SerdeFormat::RawBytes;
/// The size of one encoded point.
const POINT_BYTES: usize = 64;

/// What a valid verifying key declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyShape {
	/// The circuit settings.
	pub params: CircuitParams,
	/// The number of public inputs a proof takes.
	pub public_inputs: u32,
	/// The columns of its constraint system: advice and fixed (lookup table columns
	/// included), the width of what the prover commits to and evaluates on every row.
	pub columns: u32,
}

/// Why verification failed. One variant per cause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Halo2Error {
	/// The verifier parameters do not decode ([`crate::srs`]).
	InvalidParams,
	/// The key is shorter than its header or longer than [`MAX_KEY_BYTES`].
	KeyLength,
	/// The key names a layout version this build does not have.
	UnsupportedLayout(u8),
	/// `k` or the width is out of range.
	KeyParams,
	/// The declared public input count is below 2 or beyond what the circuit can hold.
	KeyPublicInputs,
	/// The halo2 key does not decode for its declared settings, or is not canonical.
	InvalidKey,
	/// A different number of public inputs than the key declares.
	PublicInputCount {
		/// Inputs the key declares.
		expected: u32,
		/// Inputs given.
		got: u32,
	},
	/// Public input `i` is not a canonical field element (it is `>= r`).
	NonCanonicalPublicInput(u32),
	/// The proof is longer than [`MAX_PROOF_BYTES`].
	ProofLength,
	/// The proof does not decode or does not verify.
	VerificationFailed,
	/// The proof has bytes after its end.
	TrailingProofBytes,
	/// A batch holds more than `MAX_BATCH_PROOFS` statements or `MAX_BATCH_BYTES` bytes
	/// ([`crate::batch`]).
	BatchTooLarge,
	/// Neither accepted nor refused: its batch held more bad proofs than one verification
	/// looks for (`MAX_BATCH_BAD_PROOFS`, [`crate::batch`]) before this one was shown good.
	Undecided,
}

impl core::fmt::Display for Halo2Error {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::InvalidParams => write!(f, "invalid KZG verifier parameters"),
			Self::KeyLength => {
				write!(f, "verifying key too short or longer than {MAX_KEY_BYTES} bytes")
			},
			Self::UnsupportedLayout(v) => write!(f, "unsupported circuit layout version {v}"),
			Self::KeyParams => write!(f, "verifying key declares k or width out of range"),
			Self::KeyPublicInputs => {
				write!(f, "verifying key declares an impossible public input count")
			},
			Self::InvalidKey => write!(f, "invalid halo2 verifying key"),
			Self::PublicInputCount { expected, got } => {
				write!(f, "{got} public inputs, the key takes {expected}")
			},
			Self::NonCanonicalPublicInput(i) => {
				write!(f, "public input {i} is not a canonical field element")
			},
			Self::ProofLength => write!(f, "proof longer than {MAX_PROOF_BYTES} bytes"),
			Self::VerificationFailed => write!(f, "the proof does not verify"),
			Self::TrailingProofBytes => write!(f, "bytes after the end of the proof"),
			Self::BatchTooLarge => write!(
				f,
				"a batch of more than {} proofs or {} bytes",
				crate::batch::MAX_BATCH_PROOFS,
				crate::batch::MAX_BATCH_BYTES
			),
			Self::Undecided => write!(f, "not decided: the batch held too many bad proofs"),
		}
	}
}

impl std::error::Error for Halo2Error {}

/// Encodes a verifying key with its header.
pub fn encode_vk(
	params: CircuitParams,
	public_inputs: u32,
	vk: &VerifyingKey<G1Affine>,
) -> Vec<u8> {
	let header =
		KeyHeader { layout: LAYOUT_VERSION, k: params.k, width: params.dot_width, public_inputs };
	let mut out = header.to_bytes().to_vec();
	out.extend_from_slice(&vk.to_bytes(KEY_FORMAT));
	out
}

/// Checks the header and the key's exact length before halo2 reads it.
fn parse_header(bytes: &[u8]) -> Result<(KeyShape, ConstraintSystem<Fr>), Halo2Error> {
	if bytes.len() > MAX_KEY_BYTES {
		return Err(Halo2Error::KeyLength);
	}
	let (header, key) = KeyHeader::read(bytes).map_err(|_| Halo2Error::KeyLength)?;
	if header.layout != LAYOUT_VERSION {
		return Err(Halo2Error::UnsupportedLayout(header.layout));
	}
	let params = CircuitParams { k: header.k, dot_width: header.width };
	if !(MIN_K..=MAX_K).contains(&params.k) || !(1..=MAX_WIDTH).contains(&params.dot_width) {
		return Err(Halo2Error::KeyParams);
	}
	let public_inputs = header.public_inputs;

	let mut cs = ConstraintSystem::<Fr>::default();
	crate::chip::ModelConfig::configure(&mut cs, params.dot_width.into());
	let usable_rows = (1usize << params.k).saturating_sub(cs.blinding_factors() + 1);
	let count = public_inputs as usize;
	if !(2..=MAX_PUBLIC_INPUTS).contains(&count) || count > usable_rows {
		return Err(Halo2Error::KeyPublicInputs);
	}
	// version, k, compress flag, fixed count, then one point per fixed and per permutation
	// column.
	let points = cs.num_fixed_columns() + cs.permutation().get_columns().len();
	if key.len() != 10 + POINT_BYTES * points {
		return Err(Halo2Error::InvalidKey);
	}
	let declared_k = u32::from_le_bytes([key[1], key[2], key[3], key[4]]);
	if key[0] != 0x02 || declared_k != u32::from(params.k) || key[5] != 0 {
		return Err(Halo2Error::InvalidKey);
	}
	let columns = (cs.num_advice_columns() + cs.num_fixed_columns()) as u32;
	Ok((KeyShape { params, public_inputs, columns }, cs))
}

/// Decodes a verifying key with its header, without the FFT tables halo2's own reader builds
/// ([`crate::domain`]): the cost is the same at every `k`. The key is the one
/// `VerifyingKey::read` would return for these bytes (same constraint system, commitments and
/// `transcript_repr`, so the same proofs verify) but for the prover-only tables.
pub fn decode_vk(bytes: &[u8]) -> Result<(KeyShape, VerifyingKey<G1Affine>), Halo2Error> {
	let (info, cs) = parse_header(bytes)?;
	let key_bytes = &bytes[KEY_HEADER_BYTES..];
	// As `VerifyingKey::read`: the domain from the configured system's degree, then the
	// selectors (none in this circuit) replaced by fixed columns.
	let degree = u32::try_from(cs.degree()).map_err(|_| Halo2Error::InvalidKey)?;
	let domain =
		verifier_domain::<Fr>(degree, info.params.k.into()).ok_or(Halo2Error::InvalidKey)?;
	let selectors = vec![vec![false]; cs.num_selectors()];
	let (cs, _) = cs.directly_convert_selectors_to_fixed(selectors);
	// parse_header checked the version, k and compress flag bytes and the total length.
	let declared_fixed =
		u32::from_le_bytes([key_bytes[6], key_bytes[7], key_bytes[8], key_bytes[9]]);
	if declared_fixed as usize != cs.num_fixed_columns() {
		return Err(Halo2Error::InvalidKey);
	}
	let mut points = &key_bytes[10..];
	let mut read_points = |count: usize| {
		(0..count)
			.map(|_| <G1Affine as SerdeCurveAffine>::read(&mut points, KEY_FORMAT))
			.collect::<Result<Vec<_>, _>>()
			.map_err(|_| Halo2Error::InvalidKey)
	};
	let fixed_commitments = read_points(cs.num_fixed_columns())?;
	let permutation_commitments = read_points(cs.permutation().get_columns().len())?;
	if !points.is_empty() {
		return Err(Halo2Error::InvalidKey);
	}
	let vk = VerifyingKey::from_parts(
		domain,
		fixed_commitments,
		permutation::VerifyingKey::from_commitments(permutation_commitments),
		cs,
		Vec::new(),
		false,
	);
	if !is_canonical(&vk, key_bytes) {
		return Err(Halo2Error::InvalidKey);
	}
	Ok((info, vk))
}

/// Decodes a verifying key with its header as a prover needs it: with halo2's own reader
/// (`VerifyingKey::read` for [`KeyCircuit`]), whose evaluation domain carries the FFT tables
/// that proving-key generation uses. The same checks as [`decode_vk`]; verifiers use that.
pub fn decode_vk_for_proving(
	bytes: &[u8],
) -> Result<(KeyShape, VerifyingKey<G1Affine>), Halo2Error> {
	let (info, cs) = parse_header(bytes)?;
	let key_bytes = &bytes[KEY_HEADER_BYTES..];
	let vk = VerifyingKey::<G1Affine>::from_bytes::<KeyCircuit>(key_bytes, KEY_FORMAT, info.params)
		.map_err(|_| Halo2Error::InvalidKey)?;
	if vk.fixed_commitments().len() != cs.num_fixed_columns() || !is_canonical(&vk, key_bytes) {
		return Err(Halo2Error::InvalidKey);
	}
	Ok((info, vk))
}

/// Whether a decoded key's points are on the curve and it re-encodes to exactly its bytes.
fn is_canonical(vk: &VerifyingKey<G1Affine>, key_bytes: &[u8]) -> bool {
	vk.fixed_commitments()
		.iter()
		.chain(vk.permutation().commitments())
		.all(|p| bool::from(p.is_on_curve()))
		&& vk.to_bytes(KEY_FORMAT) == key_bytes
}

/// Validates verifying-key bytes; returns what the key declares.
pub fn validate_vk(vk_bytes: &[u8]) -> Result<KeyShape, Halo2Error> {
	decode_vk(vk_bytes).map(|(info, _)| info)
}

/// A verifying key decoded, with KZG parameters for its rows: what checking any number of
/// proofs under the key shares.
pub(crate) struct PreparedKey {
	/// What the key declares.
	pub(crate) info: KeyShape,
	vk: VerifyingKey<G1Affine>,
	kzg: ParamsKZG<Bn256>,
}

/// Decodes verifier parameters (as [`verify`] takes them) and a key.
pub(crate) fn prepare(params: &[u8], vk_bytes: &[u8]) -> Result<PreparedKey, Halo2Error> {
	let params =
		VerifierParams::from_validated_bytes(params).map_err(|_| Halo2Error::InvalidParams)?;
	let (info, vk) = decode_vk(vk_bytes)?;
	let kzg = params.kzg(info.params.k.into()).map_err(|_| Halo2Error::InvalidParams)?;
	Ok(PreparedKey { info, vk, kzg })
}

/// A verification strategy that hands back a proof's final pairing check unevaluated
/// (`e(left, s·h) · e(right, −h) = 1`, a [`DualMSM`]), so that [`PreparedKey::pairing_check`]'s
/// callers evaluate it alone ([`verify`]) or folded with other proofs' checks
/// ([`crate::batch`]).
struct DeferredPairing<'params> {
	params: &'params ParamsKZG<Bn256>,
}

impl<'params>
	VerificationStrategy<'params, KZGCommitmentScheme<Bn256>, VerifierSHPLONK<'params, Bn256>>
	for DeferredPairing<'params>
{
	type Output = DualMSM<'params, Bn256>;

	fn new(params: &'params ParamsKZG<Bn256>) -> Self {
		Self { params }
	}

	fn process(
		self,
		f: impl FnOnce(DualMSM<'params, Bn256>) -> Result<GuardKZG<'params, Bn256>, plonk::Error>,
	) -> Result<Self::Output, plonk::Error> {
		Ok(f(DualMSM::new(self.params))?.into_msm_accumulator())
	}

	/// Never called: `verify_proof` returns the check itself (`Output`), which the caller
	/// evaluates. Answers "not verified" rather than panicking if it ever were.
	fn finalize(self) -> bool {
		false
	}
}

impl PreparedKey {
	/// Runs the verifier on one proof of `public_inputs` (32-byte little-endian field
	/// elements) up to its final pairing check, which it returns unevaluated: the proof is
	/// valid if and only if the check holds. Refuses a wrong input count, a non-canonical
	/// input, a proof that is too long, does not decode or has bytes after its end.
	pub(crate) fn pairing_check(
		&self,
		public_inputs: &[[u8; 32]],
		proof: &[u8],
	) -> Result<DualMSM<'_, Bn256>, Halo2Error> {
		let info = &self.info;
		if public_inputs.len() != info.public_inputs as usize {
			return Err(Halo2Error::PublicInputCount {
				expected: info.public_inputs,
				got: public_inputs.len().min(u32::MAX as usize) as u32,
			});
		}
		let instance = public_inputs
			.iter()
			.enumerate()
			.map(|(i, bytes)| {
				fr_from_bytes(bytes).ok_or(Halo2Error::NonCanonicalPublicInput(i as u32))
			})
			.collect::<Result<Vec<_>, _>>()?;
		if proof.len() > MAX_PROOF_BYTES {
			return Err(Halo2Error::ProofLength);
		}
		let mut rest = proof;
		let mut transcript =
			Blake2bRead::<&mut &[u8], G1Affine, Challenge255<G1Affine>>::init(&mut rest);
		let columns: &[&[Fr]] = &[&instance];
		let check =
			verify_proof::<
				KZGCommitmentScheme<Bn256>,
				VerifierSHPLONK<'_, Bn256>,
				_,
				_,
				DeferredPairing<'_>,
			>(&self.kzg, &self.vk, DeferredPairing::new(&self.kzg), &[columns], &mut transcript)
			.map_err(|_| Halo2Error::VerificationFailed)?;
		if !rest.is_empty() {
			return Err(Halo2Error::TrailingProofBytes);
		}
		Ok(check)
	}
}

/// The threads verification runs on: the two cores of the machine the weights are measured
/// on (a LeNet-5 proof verifies in 4.0–4.2 ms on two, 5.2–5.4 ms on one).
pub const VERIFIER_THREADS: usize = 2;

/// Runs `f` on the verifier's own thread pool ([`VERIFIER_THREADS`] threads, started once).
///
/// halo2 parallelises its steps with rayon. Called from a thread outside any pool (as a node's
/// block import calls the host functions), each of a verification's many small parallel steps
/// is handed to the global pool's threads and waited for, and the waiting and waking cost more
/// than the steps (7.3–7.9 ms of a LeNet-5 verification, against 4.0–4.2 ms here). Inside a
/// pool, the steps run on the pool's own threads, the caller's work among them. The result is
/// the same either way; if the pool cannot be started, `f` runs where it is called.
///
/// The pool is the process's: verifications from block import and authoring, and from runtime
/// calls an RPC client asks for (a dry run of a `submit_results`), wait in one queue. A node
/// that serves such calls to the public should bound them (the RPC server's rate and
/// concurrency limits).
pub fn on_verifier_pool<R: Send>(f: impl FnOnce() -> R + Send) -> R {
	static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
	let pool = POOL.get_or_init(|| {
		rayon::ThreadPoolBuilder::new()
			.num_threads(VERIFIER_THREADS)
			.thread_name(|i| format!("zkinfer-verifier-{i}"))
			.build()
			.ok()
	});
	match pool {
		Some(pool) => pool.install(f),
		None => f(),
	}
}

/// Verifies a proof against verifier parameters ([`crate::srs`] encoding), a verifying key
/// and 32-byte little-endian public inputs. Deterministic; never panics.
///
/// `params` must be parameters that passed [`VerifierParams::from_bytes`] (as the chain's
/// stored ones did): their encoding is checked here, G2 subgroup membership is not.
pub fn verify(
	params: &[u8],
	vk_bytes: &[u8],
	public_inputs: &[[u8; 32]],
	proof: &[u8],
) -> Result<(), Halo2Error> {
	on_verifier_pool(|| {
		let key = prepare(params, vk_bytes)?;
		if key.pairing_check(public_inputs, proof)?.check() {
			Ok(())
		} else {
			Err(Halo2Error::VerificationFailed)
		}
	})
}
